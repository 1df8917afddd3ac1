package dev.handoff.admin;

import dev.handoff.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which dead letters (failed jobs) an operator means. Every field is optional; each one given narrows the set.
 *
 * @param type the job type, exactly
 * @param errorClass the start of the last error: an exception class name, or a package prefix ending in a dot.
 *        Unexpected exceptions are stored as {@code class: message}; a handler's {@code JobFailedException}
 *        stores its message alone, so match those with {@code error}
 * @param error text the last error contains, ignoring case
 * @param olderThan only jobs that failed before this instant
 * @param newerThan only jobs that failed at or after this instant
 */
public record DeadLetterFilter(String type, String errorClass, String error, Instant olderThan,
                               Instant newerThan) {

    /** The one queue that has dead letters: the jobs queue. */
    public static final String QUEUE = "handoff.jobs";

    /** The names of the filter's fields, as requests spell them. */
    public static final List<String> FIELDS = List.of("queue", "type", "errorClass", "error", "olderThan",
            "newerThan");

    /** Every dead letter. */
    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null, null);

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern CLASS_PREFIX = Pattern.compile(
            "[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*\\.?");
    private static final int MAX_TEXT = 200;

    /**
     * Reads a filter from request fields; a time is an ISO-8601 instant ({@code 2026-01-31T12:00:00Z}) or a
     * duration before {@code now} ({@code PT1H}, {@code P7D}).
     *
     * @param field the value of a field by name, {@code null} when absent
     * @throws InvalidRequestException saying which field is wrong and why
     */
    public static DeadLetterFilter parse(Function<String, String> field, Instant now) {
        queue(field.apply("queue"));
        return new DeadLetterFilter(
                type(field.apply("type")),
                errorClass(field.apply("errorClass")),
                text("error", field.apply("error")),
                time("olderThan", field.apply("olderThan"), now),
                time("newerThan", field.apply("newerThan"), now));
    }

    public boolean isEmpty() {
        return equals(ALL);
    }

    /** This filter, narrowed to jobs that failed before the given instant. */
    public DeadLetterFilter failedBefore(Instant instant) {
        Instant earlier = olderThan == null || instant.isBefore(olderThan) ? instant : olderThan;
        return new DeadLetterFilter(type, errorClass, error, earlier, newerThan);
    }

    /** The filter as requests spell it, times resolved to instants; absent fields left out. */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("queue", QUEUE);
        addIfPresent(json, "type", type);
        addIfPresent(json, "errorClass", errorClass);
        addIfPresent(json, "error", error);
        addIfPresent(json, "olderThan", olderThan);
        addIfPresent(json, "newerThan", newerThan);
        return json.build();
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }

    private static void queue(String value) {
        if (value != null && !value.equals(QUEUE)) {
            throw new InvalidRequestException("Unknown queue '" + value + "'; dead letters are kept for ["
                    + QUEUE + "] only.");
        }
    }

    private static String type(String value) {
        if (value != null && !TYPE.matcher(value).matches()) {
            throw new InvalidRequestException("\"type\" must match " + TYPE.pattern() + ".");
        }
        return value;
    }

    private static String errorClass(String value) {
        if (value != null && (value.length() > MAX_TEXT || !CLASS_PREFIX.matcher(value).matches())) {
            throw new InvalidRequestException("\"errorClass\" must be a Java class name, or a package prefix"
                    + " ending in a dot, such as java.net.ConnectException or java.net.");
        }
        return value;
    }

    private static String text(String name, String value) {
        if (value != null && (value.isEmpty() || value.length() > MAX_TEXT)) {
            throw new InvalidRequestException("\"" + name + "\" must be 1 to " + MAX_TEXT + " characters.");
        }
        return value;
    }

    static Instant time(String name, String value, Instant now) {
        if (value == null) {
            return null;
        }
        try {
            return value.startsWith("P") ? now.minus(age(value)) : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidRequestException("\"" + name + "\" must be an ISO-8601 instant such as"
                    + " 2026-01-31T12:00:00Z, or a duration before now of at most 100 years such as PT1H or P7D;"
                    + " got '" + value + "'.");
        }
    }

    private static Duration age(String value) {
        Duration age = Duration.parse(value);
        if (age.isNegative() || age.compareTo(RetentionPolicy.LONGEST_AGE) > 0) {
            throw new ArithmeticException("out of range");
        }
        return age;
    }
}
