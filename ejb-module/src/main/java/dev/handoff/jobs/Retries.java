package dev.handoff.jobs;

import dev.handoff.InvalidRequestException;
import dev.handoff.jobs.spi.Backoff;
import dev.handoff.jobs.spi.RetryPolicy;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A job's retry settings: how many attempts, and how long to wait before each retry. Stored with the job
 * as JSON, so a job keeps the policy it was submitted with.
 */
public record Retries(int maxAttempts, Backoff backoff, long delayMillis, long maxDelayMillis, double jitter) {

    /** The most attempts a submission may ask for. */
    public static final String MAX_ATTEMPTS_LIMIT = "handoff.jobs.max-attempts-limit";
    public static final int DEFAULT_MAX_ATTEMPTS_LIMIT = 25;
    /** The shortest and longest waits a submission may ask for. */
    public static final long MIN_DELAY_MILLIS = 100;
    public static final long MAX_DELAY_MILLIS = Duration.ofDays(1).toMillis();

    private static final Set<String> FIELDS = Set.of("maxAttempts", "backoff", "delayMillis", "maxDelayMillis",
            "jitter");

    /** The server's defaults, for handlers that declare no {@link RetryPolicy}. */
    static Retries serverDefaults() {
        return new Retries(JobsConfig.maxAttempts(), Backoff.EXPONENTIAL, 1_000, 300_000, 0.2);
    }

    static Retries of(RetryPolicy policy) {
        return new Retries(policy.maxAttempts(), policy.backoff(), policy.delayMillis(), policy.maxDelayMillis(),
                policy.jitter());
    }

    /**
     * This policy with the fields a submission overrides, each checked against the operator's bounds.
     *
     * @throws InvalidRequestException when a field is unknown, ill-typed or out of bounds
     */
    Retries overriddenBy(JsonObject retry) {
        for (String field : retry.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidRequestException("Unknown field \"retry." + field + "\"; expected " + FIELDS + ".");
            }
        }
        Retries overridden = new Retries(
                (int) whole(retry, "maxAttempts", 1, maxAttemptsLimit(), maxAttempts),
                backoff(retry),
                whole(retry, "delayMillis", MIN_DELAY_MILLIS, MAX_DELAY_MILLIS, delayMillis),
                whole(retry, "maxDelayMillis", MIN_DELAY_MILLIS, MAX_DELAY_MILLIS, maxDelayMillis),
                fraction(retry, "jitter", jitter));
        if (overridden.delayMillis > overridden.maxDelayMillis) {
            throw new InvalidRequestException("\"retry.delayMillis\" (" + overridden.delayMillis
                    + ") must not exceed \"retry.maxDelayMillis\" (" + overridden.maxDelayMillis + ").");
        }
        return overridden;
    }

    /**
     * How long to wait after the given number of failed attempts, jitter included, but at least what the last
     * failure asked for (a remote server's {@code Retry-After}), which is capped at {@link #MAX_DELAY_MILLIS}.
     */
    Duration delayAfter(int failedAttempts, Duration atLeast) {
        Duration backoff = delayAfter(failedAttempts);
        Duration asked = atLeast.compareTo(Duration.ofMillis(MAX_DELAY_MILLIS)) > 0
                ? Duration.ofMillis(MAX_DELAY_MILLIS) : atLeast;
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    /** How long to wait after the given number of failed attempts, jitter included. */
    Duration delayAfter(int failedAttempts) {
        double factor = switch (backoff) {
            case FIXED -> 1;
            case LINEAR -> failedAttempts;
            case EXPONENTIAL -> Math.pow(2, Math.min(failedAttempts - 1, 62));
        };
        double capped = Math.min(delayMillis * factor, maxDelayMillis);
        double spread = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.round(capped * spread));
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("maxAttempts", maxAttempts)
                .add("backoff", backoff.name().toLowerCase(Locale.ROOT))
                .add("delayMillis", delayMillis)
                .add("maxDelayMillis", maxDelayMillis)
                .add("jitter", jitter)
                .build();
    }

    static Retries fromJson(String json) {
        JsonObject stored = Json.createReader(new StringReader(json)).readObject();
        return new Retries(stored.getInt("maxAttempts"), Backoff.valueOf(stored.getString("backoff")
                .toUpperCase(Locale.ROOT)), stored.getJsonNumber("delayMillis").longValue(),
                stored.getJsonNumber("maxDelayMillis").longValue(), stored.getJsonNumber("jitter").doubleValue());
    }

    static int maxAttemptsLimit() {
        return Integer.getInteger(MAX_ATTEMPTS_LIMIT, DEFAULT_MAX_ATTEMPTS_LIMIT);
    }

    private Backoff backoff(JsonObject retry) {
        JsonValue value = retry.get("backoff");
        if (value == null) {
            return backoff;
        }
        try {
            return Backoff.valueOf(((JsonString) value).getString().toUpperCase(Locale.ROOT));
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new InvalidRequestException("\"retry.backoff\" must be \"fixed\", \"linear\" or \"exponential\".");
        }
    }

    private static long whole(JsonObject retry, String field, long min, long max, long absent) {
        JsonValue value = retry.get(field);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()
                || number.longValue() < min || number.longValue() > max) {
            throw new InvalidRequestException("\"retry." + field + "\" must be a whole number from " + min
                    + " to " + max + ".");
        }
        return number.longValue();
    }

    private static double fraction(JsonObject retry, String field, double absent) {
        JsonValue value = retry.get(field);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof JsonNumber number) || number.doubleValue() < 0 || number.doubleValue() > 1) {
            throw new InvalidRequestException("\"retry." + field + "\" must be a number from 0 to 1.");
        }
        return number.doubleValue();
    }
}
