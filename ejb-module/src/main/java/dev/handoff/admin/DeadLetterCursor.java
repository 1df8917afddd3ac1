package dev.handoff.admin;

import dev.handoff.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of dead letters ended: the failure time and id of its last job. The next page starts after it,
 * so jobs replayed or purged meanwhile neither shift the pages nor make one skip a job. Opaque to callers.
 */
public record DeadLetterCursor(Instant failedAt, String id) {

    private static final char SEPARATOR = '|';

    static DeadLetterCursor after(DeadLetterSummary last) {
        return new DeadLetterCursor(last.failedAt(), last.id());
    }

    /**
     * Reads a cursor a page gave.
     *
     * @return the cursor, or {@code null} for none
     * @throws InvalidRequestException when the text is not a cursor this API gave
     */
    public static DeadLetterCursor parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int separator = decoded.indexOf(SEPARATOR);
            return new DeadLetterCursor(Instant.parse(decoded.substring(0, separator)),
                    decoded.substring(separator + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
            throw new InvalidRequestException("\"cursor\" is not one this API gave; use a page's nextCursor.");
        }
    }

    public String encode() {
        String plain = failedAt.toString() + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
