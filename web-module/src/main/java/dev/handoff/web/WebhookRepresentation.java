package dev.handoff.web;

import dev.handoff.webhooks.DeliveryAttempt;
import dev.handoff.webhooks.WebhookDeliveries;
import dev.handoff.webhooks.WebhookDelivery;
import dev.handoff.webhooks.WebhookEndpoint;
import dev.handoff.webhooks.WebhookSecret;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Webhook endpoints and deliveries as the API shows them. Secrets appear only in the answer that made them. */
final class WebhookRepresentation {

    private WebhookRepresentation() {
    }

    static String deliveryUrl(String id) {
        return "/api/webhooks/deliveries/" + id;
    }

    static JsonObject endpoint(WebhookEndpoint endpoint) {
        return Json.createObjectBuilder()
                .add("name", endpoint.getName())
                .add("url", endpoint.getUrl())
                .add("description", nullable(endpoint.getDescription()))
                .add("previousSecretValidUntil", nullable(endpoint.getPreviousSecretUntil()))
                .add("createdAt", endpoint.getCreatedAt().toString())
                .add("updatedAt", endpoint.getUpdatedAt().toString())
                .build();
    }

    static JsonObject endpointWithSecret(WebhookEndpoint endpoint, WebhookSecret secret) {
        return Json.createObjectBuilder(endpoint(endpoint)).add("secret", secret.text()).build();
    }

    static JsonObject endpoints(List<WebhookEndpoint> endpoints) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        endpoints.forEach(endpoint -> items.add(endpoint(endpoint)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    static JsonObject summary(WebhookDeliveries.Tracked tracked) {
        WebhookDelivery delivery = tracked.delivery();
        return Json.createObjectBuilder()
                .add("id", delivery.getId())
                .add("kind", delivery.getKind().name().toLowerCase(Locale.ROOT))
                .add("status", tracked.status().wireName())
                .add("endpoint", nullable(delivery.getEndpointName()))
                .add("eventType", nullable(delivery.getEventType()))
                .add("method", delivery.getMethod())
                .add("url", delivery.getUrl())
                .add("jobId", delivery.getJobId())
                .add("attempts", delivery.getAttempts())
                .add("lastStatus", delivery.getLastStatus() == null ? JsonValue.NULL
                        : Json.createValue(delivery.getLastStatus()))
                .add("lastError", nullable(delivery.getLastError()))
                .add("createdAt", delivery.getCreatedAt().toString())
                .add("lastAttemptAt", nullable(delivery.getLastAttemptAt()))
                .add("deliveredAt", nullable(delivery.getDeliveredAt()))
                .add("nextAttemptAt", tracked.job().getStatus().wireName().equals("retrying")
                        ? Json.createValue(tracked.job().getRunAt().toString()) : JsonValue.NULL)
                .add("deliveryUrl", deliveryUrl(delivery.getId()))
                .build();
    }

    static JsonObject detail(WebhookDeliveries.Tracked tracked, List<DeliveryAttempt> attempts) {
        JsonArrayBuilder history = Json.createArrayBuilder();
        for (DeliveryAttempt attempt : attempts) {
            history.add(Json.createObjectBuilder()
                    .add("attempt", attempt.getAttempt())
                    .add("at", attempt.getAttemptedAt().toString())
                    .add("statusCode", attempt.getStatusCode() == null ? JsonValue.NULL
                            : Json.createValue(attempt.getStatusCode()))
                    .add("latencyMs", attempt.getLatencyMillis())
                    .add("outcome", attempt.getOutcome())
                    .add("error", nullable(attempt.getError())));
        }
        JsonObjectBuilder json = Json.createObjectBuilder(summary(tracked)).add("attemptHistory", history);
        if (tracked.delivery().getBody() != null) {
            json.add("body", tracked.delivery().getBody());
        }
        return json.build();
    }

    static JsonObject deliveries(List<WebhookDeliveries.Tracked> deliveries) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        deliveries.forEach(tracked -> items.add(summary(tracked)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    private static JsonValue nullable(String text) {
        return text == null ? JsonValue.NULL : Json.createValue(text);
    }

    private static JsonValue nullable(Instant time) {
        return time == null ? JsonValue.NULL : Json.createValue(time.toString());
    }
}
