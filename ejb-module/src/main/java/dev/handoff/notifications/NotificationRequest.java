package dev.handoff.notifications;

import dev.handoff.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One notification as a caller asks for it, in the body of {@code POST /api/notifications}:
 * <pre>{"channel": "email"|"webhook", "recipient": "...", "template": "name", "data": {...},
 *  "idempotencyKey": "..."}</pre>
 * The body is one such object or a JSON array of them. The recipient of an email is an address
 * ({@code local@domain}), of a webhook an absolute http or https URL.
 */
public record NotificationRequest(Channel channel, String recipient, String template, JsonObject data,
        String idempotencyKey) {

    /** The largest body accepted, in bytes of JSON. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    public static final int MAX_RECIPIENT_CHARS = 254;

    private static final Set<String> FIELDS = Set.of("channel", "recipient", "template", "data", "idempotencyKey");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    /**
     * An address the SMTP dialogue can carry as is: dot-atom local part and domain of letters, digits and hyphens,
     * as RFC 5321 mailboxes go; no display names, quoted local parts or address literals.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    /**
     * Reads the notifications of a request body, in order.
     *
     * @param maxCount the most one request may carry
     * @throws InvalidRequestException saying what is wrong, and for a list which item
     */
    public static List<NotificationRequest> parseAll(String json, int maxCount) {
        JsonValue body = read(json);
        if (body.getValueType() == JsonValue.ValueType.OBJECT) {
            return List.of(from(body.asJsonObject(), ""));
        }
        if (body.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidRequestException("Expected a notification object or a JSON array of them.");
        }
        List<JsonValue> items = body.asJsonArray();
        if (items.isEmpty()) {
            throw new InvalidRequestException("The list of notifications is empty.");
        }
        if (items.size() > maxCount) {
            throw new InvalidRequestException("Too many notifications in one request: " + items.size()
                    + "; at most " + maxCount + ".");
        }
        List<NotificationRequest> requests = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonValue item = items.get(i);
            String where = "Item " + i + ": ";
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequestException(where + "expected a JSON object.");
            }
            requests.add(from(item.asJsonObject(), where));
        }
        return requests;
    }

    static NotificationRequest from(JsonObject json, String where) {
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidRequestException(where + "unknown field \"" + field + "\"; expected " + FIELDS + ".");
            }
        }
        Channel channel = channel(json, where);
        String recipient = requiredString(json, "recipient", where);
        checkRecipient(channel, recipient, where);
        String template = requiredString(json, "template", where);
        if (!TemplateRequest.NAME.matcher(template).matches()) {
            throw new InvalidRequestException(where + "\"template\" must match " + TemplateRequest.NAME.pattern()
                    + ".");
        }
        return new NotificationRequest(channel, recipient, template, data(json, where), idempotencyKey(json, where));
    }

    /** Whether an address is one this service sends to: see {@link #EMAIL}. */
    static boolean isEmailAddress(String address) {
        return address.length() <= MAX_RECIPIENT_CHARS && address.indexOf('@') <= 64
                && EMAIL.matcher(address).matches();
    }

    private static JsonValue read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequestException("The body is empty; expected a notification or a list of them.");
        }
        try {
            return Json.createReader(new StringReader(json)).readValue();
        } catch (JsonParsingException e) {
            throw new InvalidRequestException("The body is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw new InvalidRequestException("The body is not valid JSON: " + e.getMessage());
        }
    }

    private static Channel channel(JsonObject json, String where) {
        String name = requiredString(json, "channel", where);
        Channel channel = Channel.fromWire(name);
        if (channel == null) {
            throw new InvalidRequestException(where + "\"channel\" must be \"email\" or \"webhook\", got \""
                    + name + "\".");
        }
        return channel;
    }

    private static void checkRecipient(Channel channel, String recipient, String where) {
        if (channel == Channel.EMAIL && !isEmailAddress(recipient)) {
            throw new InvalidRequestException(where + "\"recipient\" is not an email address this service sends"
                    + " to (local@domain, at most " + MAX_RECIPIENT_CHARS + " characters): \"" + recipient + "\".");
        }
        if (channel == Channel.WEBHOOK && !isWebUrl(recipient)) {
            throw new InvalidRequestException(where + "\"recipient\" of a webhook must be an absolute http or https"
                    + " URL.");
        }
    }

    private static boolean isWebUrl(String recipient) {
        try {
            URI uri = new URI(recipient);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && recipient.length() <= 2000;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static JsonObject data(JsonObject json, String where) {
        JsonValue data = json.get("data");
        if (data == null || data == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException(where + "\"data\" must be a JSON object.");
        }
        return data.asJsonObject();
    }

    private static String idempotencyKey(JsonObject json, String where) {
        JsonValue key = json.get("idempotencyKey");
        if (key == null || key == JsonValue.NULL) {
            return null;
        }
        if (!(key instanceof JsonString string) || !IDEMPOTENCY_KEY.matcher(string.getString()).matches()) {
            throw new InvalidRequestException(where + "\"idempotencyKey\" must be 1 to 200 printable ASCII"
                    + " characters without spaces.");
        }
        return string.getString();
    }

    private static String requiredString(JsonObject json, String field, String where) {
        JsonValue value = json.get(field);
        if (!(value instanceof JsonString string) || string.getString().isEmpty()) {
            throw new InvalidRequestException(where + "\"" + field + "\" is required and must be a string.");
        }
        return string.getString();
    }
}
