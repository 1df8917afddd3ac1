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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Handoff's HTTP API as a client sees it, on the test server. */
public final class Api {

    /** The test server's HTTP port, which the build sets. */
    public static final int PORT = Integer.getInteger("handoff.it.http-port", 8180);
    public static final URI BASE = URI.create("http://127.0.0.1:" + PORT);
    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    public static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(BASE.resolve(path)).GET());
    }

    public static HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(BASE.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(BASE.resolve(path)).DELETE());
    }

    public static HttpResponse<String> put(String path, String contentType, Path file) {
        try {
            return send(HttpRequest.newBuilder(BASE.resolve(path))
                    .header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> put(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(BASE.resolve(path))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Submits a job and returns its id, checking the answer is a 202 with a Location. */
    public static String submit(String json) {
        HttpResponse<String> response = post("/api/jobs", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonObject body = json(response);
        String statusUrl = body.getString("statusUrl");
        assertThat(response.headers().firstValue("Location")).hasValue(BASE.resolve(statusUrl).toString());
        return body.getString("id");
    }

    public static JsonObject job(String id) {
        HttpResponse<String> response = get("/api/jobs/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Polls the job until it ends, and returns its last state. */
    public static JsonObject awaitEnd(String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject job = job(id);
        while (!TERMINAL.contains(job.getString("status"))) {
            assertThat(Instant.now()).as("job %s still %s", id, job).isBefore(deadline);
            pause(Duration.ofMillis(100));
            job = job(id);
        }
        return job;
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The number of jobs the server holds, in any status. */
    public static long jobCount() {
        JsonObject jobs = json(get("/api/stats")).getJsonObject("jobs");
        return jobs.values().stream().mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum();
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
