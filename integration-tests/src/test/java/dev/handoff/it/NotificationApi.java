package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The notification and template endpoints of a server, as a client uses them. */
final class NotificationApi {

    static final Set<String> ENDED = Set.of("sent", "skipped", "failed");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    NotificationApi(int httpPort) {
        this.base = URI.create("http://127.0.0.1:" + httpPort);
    }

    HttpResponse<String> putTemplate(String name, String json) {
        return send(HttpRequest.newBuilder(base.resolve("/api/templates/" + name))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String json) {
        return send(HttpRequest.newBuilder(base.resolve("/api/notifications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** Posts a list of notifications, checks the 202, and returns their ids in order. */
    List<Long> accept(Collection<String> notifications) {
        HttpResponse<String> response = post("[" + String.join(",", notifications) + "]");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<Long> ids = new ArrayList<>();
        read(response.body()).getJsonArray("notifications")
                .forEach(item -> ids.add(item.asJsonObject().getJsonNumber("id").longValue()));
        return ids;
    }

    JsonObject notification(long id) {
        return ok("/api/notifications/" + id);
    }

    JsonObject batch(String id) {
        return ok("/api/notifications/batches/" + id);
    }

    /** Polls the notifications until each has ended, and returns their last states in order. */
    List<JsonObject> awaitEnded(List<Long> ids, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonObject> ended = new ArrayList<>();
        for (long id : ids) {
            JsonObject notification = notification(id);
            while (!ENDED.contains(notification.getString("status"))) {
                assertThat(Instant.now()).as("notification still %s", notification).isBefore(deadline);
                Api.pause(Duration.ofMillis(100));
                notification = notification(id);
            }
            ended.add(notification);
        }
        return ended;
    }

    static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    static String email(String recipient, String template, JsonObject data) {
        return Json.createObjectBuilder().add("channel", "email").add("recipient", recipient)
                .add("template", template).add("data", data).build().toString();
    }

    private JsonObject ok(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return read(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
