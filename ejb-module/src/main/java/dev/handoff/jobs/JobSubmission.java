package dev.handoff.jobs;

import dev.handoff.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request to run a job, as callers send it over HTTP ({@code POST /api/jobs}) or JMS: the same JSON
 * either way.
 *
 * <pre>{"type": "report", "payload": {...}, "priority": 0-9, "delaySeconds": n, "idempotencyKey": "...",
 *  "retry": {"maxAttempts": n, "backoff": "exponential", "delayMillis": n, "maxDelayMillis": n, "jitter": 0.2},
 *  "callbackUrl": "https://..."}</pre>
 *
 * <p>{@code callbackUrl} asks for a signed webhook when the job ends; here it is only checked to be an absolute
 * http or https URL, the webhooks feature checks the rest (see {@link SubmissionCheck}).
 */
public record JobSubmission(String type, JsonObject payload, int priority, long delaySeconds,
                            String idempotencyKey, JsonObject retry, String callbackUrl) {

    /** The longest callback URL accepted, in characters. */
    public static final int MAX_CALLBACK_URL_LENGTH = 2000;

    /** The largest submission accepted, in bytes of JSON. */
    public static final int MAX_BYTES = 256 * 1024;
    public static final int DEFAULT_PRIORITY = 4;
    public static final int MAX_PRIORITY = 9;
    /** The longest delay accepted: 30 days. */
    public static final long MAX_DELAY_SECONDS = 30L * 24 * 3600;

    private static final Pattern TYPE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Set<String> FIELDS = Set.of("type", "payload", "priority", "delaySeconds", "idempotencyKey",
            "retry", "callbackUrl");

    /**
     * Reads a submission from its JSON text.
     *
     * @throws InvalidRequestException saying what is wrong, when the text is not a valid submission
     */
    public static JobSubmission parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequestException(
                    "The body is empty; expected a JSON object with \"type\" and \"payload\".");
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRequestException("The submission is larger than " + MAX_BYTES + " bytes.");
        }
        return fromJson(readObject(json));
    }

    /** Reads exactly one JSON object: no duplicate keys, nothing after it. */
    private static JsonObject readObject(String json) {
        JsonValue value;
        try {
            value = StrictJson.read(json);
        } catch (RuntimeException e) {
            // Parsson reports syntax errors as JsonException, and some limits (nesting depth) as plain ones.
            throw new InvalidRequestException("The body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException("Expected a JSON object, got " + describe(value) + ".");
        }
        return value.asJsonObject();
    }

    private static JobSubmission fromJson(JsonObject json) {
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidRequestException("Unknown field \"" + field + "\"; expected " + FIELDS + ".");
            }
        }
        return new JobSubmission(
                typeOf(json),
                payloadOf(json),
                (int) integer(json, "priority", 0, MAX_PRIORITY, DEFAULT_PRIORITY),
                integer(json, "delaySeconds", 0, MAX_DELAY_SECONDS, 0),
                idempotencyKeyOf(json),
                retryOf(json),
                callbackUrlOf(json));
    }

    private static String typeOf(JsonObject json) {
        JsonValue type = json.get("type");
        if (!(type instanceof JsonString name)) {
            throw new InvalidRequestException("\"type\" is required and must be a string naming a job type.");
        }
        if (!TYPE_NAME.matcher(name.getString()).matches()) {
            throw new InvalidRequestException("\"type\" must match " + TYPE_NAME.pattern() + ".");
        }
        return name.getString();
    }

    private static JsonObject payloadOf(JsonObject json) {
        JsonValue payload = json.get("payload");
        if (payload == null || payload == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (payload.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException("\"payload\" must be a JSON object, got " + describe(payload) + ".");
        }
        return payload.asJsonObject();
    }

    private static long integer(JsonObject json, String field, long min, long max, long absent) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return absent;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new InvalidRequestException(
                    "\"" + field + "\" must be a whole number from " + min + " to " + max + ".");
        }
        BigDecimal n = number.bigDecimalValue();
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidRequestException(
                    "\"" + field + "\" must be from " + min + " to " + max + ", got " + n + ".");
        }
        return n.longValueExact();
    }

    private static String idempotencyKeyOf(JsonObject json) {
        JsonValue key = json.get("idempotencyKey");
        if (key == null || key == JsonValue.NULL) {
            return null;
        }
        if (!(key instanceof JsonString text) || !IDEMPOTENCY_KEY.matcher(text.getString()).matches()) {
            throw new InvalidRequestException(
                    "\"idempotencyKey\" must be a string of 1 to 200 printable ASCII characters without spaces.");
        }
        return text.getString();
    }

    private static String callbackUrlOf(JsonObject json) {
        JsonValue url = json.get("callbackUrl");
        if (url == null || url == JsonValue.NULL) {
            return null;
        }
        if (!(url instanceof JsonString text) || text.getString().length() > MAX_CALLBACK_URL_LENGTH) {
            throw new InvalidRequestException("\"callbackUrl\" must be a string of at most "
                    + MAX_CALLBACK_URL_LENGTH + " characters.");
        }
        try {
            URI uri = new URI(text.getString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(text.getString(), "not an absolute http or https URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("\"callbackUrl\" must be an absolute http or https URL: "
                    + e.getMessage());
        }
        return text.getString();
    }

    private static JsonObject retryOf(JsonObject json) {
        JsonValue retry = json.get("retry");
        if (retry == null || retry == JsonValue.NULL) {
            return null;
        }
        if (retry.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException("\"retry\" must be a JSON object, got " + describe(retry) + ".");
        }
        return retry.asJsonObject();
    }

    private static String describe(JsonValue value) {
        return value.getValueType().name().toLowerCase(Locale.ROOT);
    }

    /** The submission as JSON, the form it travels in on the queue. */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("payload", payload)
                .add("priority", priority);
        if (delaySeconds > 0) {
            json.add("delaySeconds", delaySeconds);
        }
        if (idempotencyKey != null) {
            json.add("idempotencyKey", idempotencyKey);
        }
        if (retry != null) {
            json.add("retry", retry);
        }
        if (callbackUrl != null) {
            json.add("callbackUrl", callbackUrl);
        }
        return json.build();
    }
}
