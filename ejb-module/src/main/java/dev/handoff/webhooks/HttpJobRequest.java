package dev.handoff.webhooks;

import dev.handoff.jobs.spi.InvalidPayloadException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The payload of an {@code http} job: {@code {"method": "POST", "url": "https://...", "headers": {"name":
 * "value"}, "body": "text" or JSON, "expectedStatuses": [200, 204], "timeoutSeconds": 10}}. Only {@code url} is
 * required; {@code method} defaults to GET, {@code expectedStatuses} to any 2xx, {@code timeoutSeconds} to 10.
 */
record HttpJobRequest(String method, URI url, Map<String, String> headers, byte[] body, Set<Integer> expected,
        Duration timeout) {

    static final int MAX_TIMEOUT_SECONDS = 120;
    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    private static final Set<String> FIELDS = Set.of("method", "url", "headers", "body", "expectedStatuses",
            "timeoutSeconds");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** Headers the HTTP client sets itself, or that would change how the request is framed. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");

    /**
     * Reads and checks a payload, the target included: the URL's host must resolve to addresses the
     * {@link TargetPolicy} allows.
     *
     * @throws InvalidPayloadException saying what is wrong
     */
    static HttpJobRequest parse(JsonObject payload) throws InvalidPayloadException {
        for (String field : payload.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidPayloadException("unknown field \"" + field + "\"; expected " + new TreeSet<>(FIELDS));
            }
        }
        Map<String, String> headers = headers(payload);
        byte[] body = body(payload, headers);
        return new HttpJobRequest(method(payload), url(payload), headers, body, expected(payload),
                Duration.ofSeconds(timeoutSeconds(payload)));
    }

    boolean expects(int status) {
        return expected.isEmpty() ? Verdict.successful(status) : expected.contains(status);
    }

    OutboundRequest toOutbound() {
        return new OutboundRequest(method, url, headers, body, timeout);
    }

    private static String method(JsonObject payload) throws InvalidPayloadException {
        JsonValue value = payload.get("method");
        if (value == null) {
            return "GET";
        }
        if (!(value instanceof JsonString text) || !METHODS.contains(text.getString().toUpperCase(Locale.ROOT))) {
            throw new InvalidPayloadException("\"method\" must be one of " + new TreeSet<>(METHODS));
        }
        return text.getString().toUpperCase(Locale.ROOT);
    }

    private static URI url(JsonObject payload) throws InvalidPayloadException {
        if (!(payload.get("url") instanceof JsonString text) || text.getString().length() > 2000) {
            throw new InvalidPayloadException("\"url\" is required: an absolute http or https URL of at most 2000"
                    + " characters");
        }
        URI url;
        try {
            url = new URI(text.getString());
        } catch (URISyntaxException e) {
            throw new InvalidPayloadException("\"url\" is not a URL: " + e.getMessage());
        }
        if (url.getRawUserInfo() != null) {
            throw new InvalidPayloadException("\"url\" must not carry user info; send credentials in a header");
        }
        try {
            TargetPolicy.current().check(url);
        } catch (RefusedTargetException e) {
            throw new InvalidPayloadException("\"url\" is refused: " + e.getMessage());
        }
        return url;
    }

    private static Map<String, String> headers(JsonObject payload) throws InvalidPayloadException {
        JsonValue value = payload.get("headers");
        Map<String, String> headers = new LinkedHashMap<>();
        if (value == null) {
            return headers;
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidPayloadException("\"headers\" must be an object of header names and string values");
        }
        for (Map.Entry<String, JsonValue> header : object.entrySet()) {
            String name = header.getKey();
            if (!TOKEN.matcher(name).matches() || RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidPayloadException("header \"" + name + "\" may not be set; the client sets "
                        + new TreeSet<>(RESTRICTED) + " itself");
            }
            if (!(header.getValue() instanceof JsonString text) || text.getString().matches("(?s).*[\\r\\n\\x00].*")) {
                throw new InvalidPayloadException("header \"" + name + "\" must have a string value on one line");
            }
            headers.put(name, text.getString());
        }
        return headers;
    }

    /** The body's bytes: a string as UTF-8, JSON as its text (with a JSON content type unless one is given). */
    private static byte[] body(JsonObject payload, Map<String, String> headers) throws InvalidPayloadException {
        JsonValue value = payload.get("body");
        if (value == null || value == JsonValue.NULL) {
            return new byte[0];
        }
        byte[] bytes;
        if (value instanceof JsonString text) {
            bytes = text.getString().getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = value.toString().getBytes(StandardCharsets.UTF_8);
            if (headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
                headers.put("Content-Type", "application/json");
            }
        }
        if (bytes.length > WebhooksConfig.MAX_REQUEST_BYTES) {
            throw new InvalidPayloadException("\"body\" may be at most " + WebhooksConfig.MAX_REQUEST_BYTES + " bytes");
        }
        return bytes;
    }

    private static Set<Integer> expected(JsonObject payload) throws InvalidPayloadException {
        JsonValue value = payload.get("expectedStatuses");
        Set<Integer> statuses = new LinkedHashSet<>();
        if (value == null) {
            return statuses;
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new InvalidPayloadException("\"expectedStatuses\" must be a non-empty array of statuses 100-599");
        }
        for (JsonValue status : array) {
            if (!(status instanceof JsonNumber number) || !number.isIntegral() || number.intValue() < 100
                    || number.intValue() > 599) {
                throw new InvalidPayloadException("\"expectedStatuses\" must hold whole numbers from 100 to 599");
            }
            statuses.add(number.intValue());
        }
        return statuses;
    }

    private static long timeoutSeconds(JsonObject payload) throws InvalidPayloadException {
        JsonValue value = payload.get("timeoutSeconds");
        if (value == null) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 1
                || number.longValue() > MAX_TIMEOUT_SECONDS) {
            throw new InvalidPayloadException("\"timeoutSeconds\" must be a whole number from 1 to "
                    + MAX_TIMEOUT_SECONDS);
        }
        return number.longValue();
    }
}
