package dev.handoff.admin;

import dev.handoff.InvalidRequestException;
import dev.handoff.jobs.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long finished jobs are kept after they ended: succeeded and cancelled ones for one age, failed ones (dead
 * letters, which someone may still want to look at) for another, usually longer.
 *
 * @param succeededAge the age of succeeded and cancelled jobs, or {@code null} to keep them for good
 * @param failedAge the age of failed jobs, or {@code null} to keep them for good
 */
public record RetentionPolicy(Duration succeededAge, Duration failedAge) {

    /** The longest age a filter or a retention run may name: older than that, instants run out. */
    static final Duration LONGEST_AGE = Duration.ofDays(36_500);

    /** The operator's policy, from the system properties of {@link AdminConfig}. */
    public static RetentionPolicy configured() {
        return new RetentionPolicy(days(AdminConfig.succeededDays()), days(AdminConfig.failedDays()));
    }

    /**
     * The configured policy with the ages a request gives instead, as ISO-8601 durations ({@code PT1S},
     * {@code P7D}).
     *
     * @param succeededOlderThan the age of succeeded and cancelled jobs, or {@code null} for the configured one
     * @param failedOlderThan the age of failed jobs, or {@code null} for the configured one
     * @throws InvalidRequestException when an age is not a duration of zero or more
     */
    public static RetentionPolicy configuredOr(String succeededOlderThan, String failedOlderThan) {
        RetentionPolicy configured = configured();
        return new RetentionPolicy(
                succeededOlderThan == null ? configured.succeededAge : age("succeededOlderThan", succeededOlderThan),
                failedOlderThan == null ? configured.failedAge : age("failedOlderThan", failedOlderThan));
    }

    /** The age of jobs of this final status, when they are purged at all. */
    public Optional<Duration> age(JobStatus status) {
        return switch (status) {
            case SUCCEEDED, CANCELLED -> Optional.ofNullable(succeededAge);
            case FAILED -> Optional.ofNullable(failedAge);
            default -> Optional.empty();
        };
    }

    /** Jobs of this status that ended before the instant returned are purged. */
    public Optional<Instant> cutoff(JobStatus status, Instant now) {
        return age(status).map(now::minus);
    }

    /** An age as operators read it in the log. */
    static String describe(Duration age) {
        return age == null ? "for good" : age.toString();
    }

    private static Duration days(int days) {
        return days > 0 ? Duration.ofDays(days) : null;
    }

    private static Duration age(String name, String text) {
        try {
            Duration age = Duration.parse(text);
            if (!age.isNegative() && age.compareTo(LONGEST_AGE) <= 0) {
                return age;
            }
        } catch (DateTimeParseException e) {
            // Refused below, like a negative age.
        }
        throw new InvalidRequestException("\"" + name + "\" must be an ISO-8601 duration from zero to 100 years"
                + " (36500 days), such as PT1S or P7D; got '" + text + "'.");
    }
}
