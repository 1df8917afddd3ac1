package dev.handoff.it;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the JSON of a job submission, for tests. One builder may serve many submissions. */
final class Submission {

    /** The report's threshold, in minutes of delay. */
    static final int THRESHOLD = 15;

    private final String type;
    private final Map<String, JsonValue> payload = new LinkedHashMap<>();
    private final Map<String, JsonValue> retry = new LinkedHashMap<>();

    private Submission(String type) {
        this.type = type;
    }

    static Submission of(String type) {
        return new Submission(type);
    }

    /** A delay report by origin airport over a dataset of flights. */
    static Submission report(String dataset) {
        return of("report").payload("dataset", dataset).payload("groupBy", "origin").payload("measure", "delay")
                .payload("threshold", THRESHOLD);
    }

    Submission payload(String field, String value) {
        payload.put(field, Json.createValue(value));
        return this;
    }

    Submission payload(String field, long value) {
        payload.put(field, Json.createValue(value));
        return this;
    }

    Submission itemCount(int rowsPerChunk) {
        return payload("itemCount", rowsPerChunk);
    }

    /** Retries after the same delay every time, without jitter. */
    Submission fixedRetryDelay(long millis) {
        retry.put("backoff", Json.createValue("fixed"));
        retry.put("delayMillis", Json.createValue(millis));
        retry.put("jitter", Json.createValue(0));
        return this;
    }

    Submission maxAttempts(int attempts) {
        retry.put("maxAttempts", Json.createValue(attempts));
        return this;
    }

    String json() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("type", type).add("payload", object(payload));
        if (!retry.isEmpty()) {
            json.add("retry", object(retry));
        }
        return json.build().toString();
    }

    private static JsonObjectBuilder object(Map<String, JsonValue> fields) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        fields.forEach(object::add);
        return object;
    }
}
