package dev.handoff.notifications;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * One version of a notification template: Mustache sources of the subject, the plain text and, optionally, the
 * HTML of a message. Versions are never changed once stored.
 */
public record Template(String name, int version, String subject, String text, String html, Instant createdAt) {

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", name)
                .add("version", version)
                .add("subject", subject)
                .add("text", text);
        if (html != null) {
            json.add("html", html);
        }
        return json.add("createdAt", createdAt.toString()).build();
    }
}
