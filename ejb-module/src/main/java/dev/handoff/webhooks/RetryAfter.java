package dev.handoff.webhooks;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110, 10.2.3): a number of seconds, or an HTTP date. A date in
 * the past asks for no wait; anything unreadable is ignored, as if the header were absent.
 */
public final class RetryAfter {

    /** No receiver gets to park a delivery for longer than this, whatever it asks. */
    static final Duration MAX = Duration.ofDays(1);

    private RetryAfter() {
    }

    /**
     * @param value the header's value, or {@code null}
     * @param now the time the answer came
     * @return the wait asked for, at most one day; empty when there is none or it cannot be read
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Optional.of(trimmed.length() > 6 ? MAX : cap(Duration.ofSeconds(Long.parseLong(trimmed))));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? cap(Duration.between(now, at)) : Duration.ZERO);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
