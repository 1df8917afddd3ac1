package dev.handoff.admin;

import dev.handoff.InvalidRequestException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to replay or purge every dead letter a filter names: a JSON object with the filter's fields (as
 * strings, spelled as in {@link DeadLetterFilter#FIELDS}), and for a replay {@code ratePerSecond}. A purge
 * without any filter must say {@code "all": true}, so that no typo empties the dead letters.
 */
public record BulkRequest(BulkOperation.Action action, DeadLetterFilter filter, double ratePerSecond) {

    /** The fastest replay rate accepted, per second. */
    public static final double MAX_RATE = 10_000;

    /**
     * Reads a bulk replay.
     *
     * @throws InvalidRequestException when the body or a filter is wrong
     */
    public static BulkRequest replay(String body, Instant now) {
        JsonObject json = RequestBodies.object(body, fields("ratePerSecond"));
        return new BulkRequest(BulkOperation.Action.REPLAY, filter(json, now), rate(json.get("ratePerSecond")));
    }

    /**
     * Reads a bulk purge.
     *
     * @throws InvalidRequestException when the body or a filter is wrong, or names no filter without "all"
     */
    public static BulkRequest purge(String body, Instant now) {
        JsonObject json = RequestBodies.object(body, fields("all"));
        DeadLetterFilter filter = filter(json, now);
        if (filter.isEmpty() && !all(json.get("all"))) {
            throw new InvalidRequestException("Name at least one filter, or send \"all\": true to purge every"
                    + " dead letter.");
        }
        return new BulkRequest(BulkOperation.Action.PURGE, filter, 0);
    }

    /** This request narrowed to the dead letters that had failed by the given instant. */
    BulkRequest failedBefore(Instant instant) {
        return new BulkRequest(action, filter.failedBefore(instant), ratePerSecond);
    }

    private static DeadLetterFilter filter(JsonObject json, Instant now) {
        return DeadLetterFilter.parse(field -> RequestBodies.string(json, field), now);
    }

    private static List<String> fields(String extra) {
        List<String> fields = new ArrayList<>(DeadLetterFilter.FIELDS);
        fields.add(extra);
        return fields;
    }

    private static double rate(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return AdminConfig.replayRate();
        }
        if (!(value instanceof JsonNumber number) || !(number.doubleValue() > 0)
                || number.doubleValue() > MAX_RATE) {
            throw new InvalidRequestException("\"ratePerSecond\" must be a number above 0 and at most "
                    + (long) MAX_RATE + ".");
        }
        return number.doubleValue();
    }

    private static boolean all(JsonValue value) {
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value != JsonValue.TRUE) {
            throw new InvalidRequestException("\"all\" must be true or false.");
        }
        return true;
    }
}
