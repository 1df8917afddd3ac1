package dev.handoff.admin;

import dev.handoff.InvalidRequestException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A request to replay one dead letter: an empty body, or {@code {"payload": {...}}} to run it with a corrected
 * payload from now on.
 */
public record ReplayRequest(JsonObject correctedPayload) {

    private static final List<String> FIELDS = List.of("payload");

    /**
     * Reads a replay request.
     *
     * @throws InvalidRequestException when the body is not one
     */
    public static ReplayRequest parse(String body) {
        JsonValue payload = RequestBodies.object(body, FIELDS).get("payload");
        if (payload == null || payload == JsonValue.NULL) {
            return new ReplayRequest(null);
        }
        if (payload.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException("\"payload\" must be a JSON object.");
        }
        return new ReplayRequest(payload.asJsonObject());
    }
}
