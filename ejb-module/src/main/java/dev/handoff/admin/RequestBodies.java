package dev.handoff.admin;

import dev.handoff.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collection;

/** Reading the JSON bodies of admin requests, refusing what is not a JSON object of known fields. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The body as a JSON object; an empty body reads as {@code {}}. */
    static JsonObject object(String body, Collection<String> fields) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonObject json = read(body);
        for (String field : json.keySet()) {
            if (!fields.contains(field)) {
                throw new InvalidRequestException("Unknown field \"" + field + "\"; expected " + fields + ".");
            }
        }
        return json;
    }

    /** A field that must be a string when present. */
    static String string(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw new InvalidRequestException("\"" + field + "\" must be a string.");
        }
        return text.getString();
    }

    private static JsonObject read(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequestException("Expected a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidRequestException("The body is not valid JSON: " + e.getMessage());
        }
    }
}
