package dev.handoff.notifications;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** A stored notification, as {@code GET /api/notifications/{id}} shows it. */
public record Notification(long id, Channel channel, String recipient, String templateName, int templateVersion,
        String data, String idempotencyKey, NotificationStatus status, int attempts, String error, String batchId,
        String deliveryId, Instant createdAt, Instant sentAt) {

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id)
                .add("channel", channel.wireName())
                .add("recipient", recipient)
                .add("template", templateName)
                .add("templateVersion", templateVersion)
                .add("status", status.wireName())
                .add("attempts", attempts);
        addNullable(json, "idempotencyKey", idempotencyKey);
        addNullable(json, "error", error);
        addNullable(json, "batchId", batchId);
        addNullable(json, "deliveryId", deliveryId);
        json.add("createdAt", createdAt.toString());
        addNullable(json, "sentAt", sentAt == null ? null : sentAt.toString());
        return json.build();
    }

    private static void addNullable(JsonObjectBuilder json, String field, String value) {
        if (value == null) {
            json.addNull(field);
        } else {
            json.add(field, value);
        }
    }
}
