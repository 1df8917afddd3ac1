package dev.handoff.notifications;

import dev.handoff.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /api/templates/{name}}: {@code {"subject": "...", "text": "...", "html": "..."}}, each a
 * Mustache template; {@code html} is optional. Checked for shape here and compiled by {@link TemplateRenderer}.
 */
public record TemplateRequest(String name, String subject, String text, String html) {

    /** The largest template body accepted, in bytes of JSON. */
    public static final int MAX_BYTES = 512 * 1024;
    public static final int MAX_SUBJECT_CHARS = 4000;

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Set<String> FIELDS = Set.of("subject", "text", "html");

    /**
     * Reads a template from the body sent for it.
     *
     * @throws InvalidRequestException saying what is wrong
     */
    public static TemplateRequest parse(String name, String json) {
        checkName(name);
        JsonObject body = readObject(json);
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidRequestException("Unknown field \"" + field + "\"; expected " + FIELDS + ".");
            }
        }
        String subject = requiredString(body, "subject");
        if (subject.length() > MAX_SUBJECT_CHARS) {
            throw new InvalidRequestException("\"subject\" is longer than " + MAX_SUBJECT_CHARS + " characters.");
        }
        return new TemplateRequest(name, subject, requiredString(body, "text"), optionalString(body, "html"));
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("A template name must match " + NAME.pattern() + ".");
        }
    }

    private static JsonObject readObject(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequestException("The body is empty; expected {\"subject\", \"text\", \"html\"}.");
        }
        try {
            JsonValue value = Json.createReader(new StringReader(json)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequestException("Expected a JSON object with \"subject\" and \"text\".");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new InvalidRequestException("The body is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw new InvalidRequestException("The body is not valid JSON: " + e.getMessage());
        }
    }

    private static String requiredString(JsonObject body, String field) {
        String value = optionalString(body, field);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("\"" + field + "\" is required: a Mustache template as a string.");
        }
        return value;
    }

    private static String optionalString(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidRequestException("\"" + field + "\" must be a string.");
        }
        return string.getString();
    }
}
