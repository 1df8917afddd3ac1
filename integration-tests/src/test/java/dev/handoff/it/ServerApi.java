package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Handoff's HTTP API on a server of the tests' own choosing, such as the crash-test server. */
final class ServerApi {

    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    ServerApi(int httpPort) {
        this.base = URI.create("http://127.0.0.1:" + httpPort);
    }

    /** Submits a job and returns its id, checking the answer is a 202. */
    String submit(String json) {
        return idOfAccepted(send(post("/api/jobs", json)));
    }

    /** Submits a job; empty when it was not accepted, or the server did not answer. */
    Optional<String> trySubmit(String json) {
        try {
            HttpResponse<String> response = send(post("/api/jobs", json));
            return response.statusCode() == 202 ? Optional.of(idOfAccepted(response)) : Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Submits the jobs all at once, each as its own request, and returns their ids in order. */
    List<String> submitAll(List<String> jsons) {
        List<CompletableFuture<HttpResponse<String>>> answers = jsons.stream()
                .map(json -> HTTP.sendAsync(post("/api/jobs", json), HttpResponse.BodyHandlers.ofString()))
                .toList();
        return answers.stream().map(CompletableFuture::join).map(ServerApi::idOfAccepted).toList();
    }

    void putDataset(String name, Path json) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/datasets/" + name))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofFile(json)));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    JsonObject job(String id) {
        return read(ok("/api/jobs/" + id), JsonObject.class);
    }

    /** The job, or empty while it is not stored, as for a JMS submission not yet taken from the queue. */
    Optional<JsonObject> stored(String id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/jobs/" + id)).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Optional.of(read(response.body(), JsonObject.class));
    }

    /** How many jobs stand in each status. */
    JsonObject countsByStatus() {
        return read(ok("/api/stats"), JsonObject.class).getJsonObject("jobs");
    }

    JsonArray attempts(String id) {
        return read(ok("/api/jobs/" + id + "/attempts"), JsonArray.class);
    }

    String result(String id) {
        return ok("/api/jobs/" + id + "/result");
    }

    /** Polls the job until it ends, and returns its last state. */
    JsonObject awaitEnd(String id, Duration timeout) {
        return awaitEnd(Set.of(id), timeout).get(id);
    }

    /** Polls the jobs until every one has ended, and returns their last states by id. */
    Map<String, JsonObject> awaitEnd(Collection<String> ids, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, JsonObject> ended = new HashMap<>();
        Set<String> waiting = new HashSet<>(ids);
        while (true) {
            for (String id : Set.copyOf(waiting)) {
                Optional<JsonObject> job = stored(id).filter(stored -> TERMINAL.contains(stored.getString("status")));
                if (job.isPresent()) {
                    ended.put(id, job.get());
                    waiting.remove(id);
                }
            }
            if (waiting.isEmpty()) {
                return ended;
            }
            if (Instant.now().isAfter(deadline)) {
                String example = waiting.iterator().next();
                throw new AssertionError(waiting.size() + " jobs not ended after " + timeout + ", such as " + example
                        + ": " + stored(example).map(JsonObject::toString).orElse("not stored"));
            }
            Api.pause(Duration.ofMillis(250));
        }
    }

    /** Waits until the API answers, after a start. */
    void awaitUp(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isUp()) {
            assertThat(Instant.now()).as("API at %s not up", base).isBefore(deadline);
            Api.pause(Duration.ofMillis(200));
        }
    }

    /** Whether the API answers now. */
    boolean isUp() {
        try {
            return send(HttpRequest.newBuilder(base.resolve("/api/stats")).GET()).statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static String idOfAccepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response.body(), JsonObject.class).getString("id");
    }

    private String ok(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private static <T extends JsonStructure> T read(String json, Class<T> type) {
        return type.cast(Json.createReader(new StringReader(json)).read());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.timeout(Duration.ofSeconds(30)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
