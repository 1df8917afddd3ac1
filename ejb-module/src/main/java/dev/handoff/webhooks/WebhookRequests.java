package dev.handoff.webhooks;

import dev.handoff.InvalidRequestException;
import dev.handoff.jobs.StrictJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.regex.Pattern;

/** Reading the JSON bodies of webhook requests strictly: one object, known fields, no name twice. */
public final class WebhookRequests {

    /** Endpoint names, as they appear in paths. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private WebhookRequests() {
    }

    /** The body as a JSON object of the given fields; an empty body reads as {@code {}}. */
    public static JsonObject object(String body, Collection<String> fields) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue value;
        try {
            value = StrictJson.read(body);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("The body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException("Expected a JSON object.");
        }
        for (String field : value.asJsonObject().keySet()) {
            if (!fields.contains(field)) {
                throw new InvalidRequestException("Unknown field \"" + field + "\"; expected " + fields + ".");
            }
        }
        return value.asJsonObject();
    }

    /** A field that must be a string when present; {@code null} when absent. */
    static String string(JsonObject json, String field, int maxLength) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text) || text.getString().length() > maxLength) {
            throw new InvalidRequestException("\"" + field + "\" must be a string of at most " + maxLength
                    + " characters.");
        }
        return text.getString();
    }

    /** A whole-number field within bounds, or {@code absent}. */
    static long whole(JsonObject json, String field, long min, long max, long absent) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return absent;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()
                || number.bigDecimalValue().compareTo(BigDecimal.valueOf(min)) < 0
                || number.bigDecimalValue().compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidRequestException("\"" + field + "\" must be a whole number from " + min + " to " + max
                    + ".");
        }
        return number.longValue();
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("An endpoint name must match " + NAME.pattern() + ".");
        }
    }

    /**
     * Checks an outgoing URL: absolute http or https, and a target the {@link TargetPolicy} allows now.
     *
     * @param field how the caller named it, for the message
     */
    static URI checkedUrl(String text, String field) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("\"" + field + "\" is not a URL: " + e.getMessage());
        }
        if (url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new InvalidRequestException("\"" + field + "\" must not carry user info or a fragment.");
        }
        try {
            TargetPolicy.current().check(url);
        } catch (RefusedTargetException e) {
            throw new InvalidRequestException("\"" + field + "\" is refused: " + e.getMessage() + ".");
        }
        return url;
    }
}
