package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js webhook receiver of {@code src/test/webhook-receiver}, started on a loopback port: it verifies every
 * request with the {@code standardwebhooks} library from npm, and the test reads what it received. Closing it
 * stops its process.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI base;

    private WebhookReceiver(Process process, int port) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts a receiver on the port named by the system property, once the build installed it. */
    static WebhookReceiver start(String portProperty) throws IOException {
        int port = Integer.getInteger(portProperty);
        File dir = new File(System.getProperty("handoff.it.receiver.dir"));
        Process process = new ProcessBuilder("node", "receiver.js", Integer.toString(port))
                .directory(dir)
                .redirectErrorStream(true)
                .redirectOutput(new File(dir, "receiver-" + port + ".log"))
                .start();
        WebhookReceiver receiver = new WebhookReceiver(process, port);
        receiver.awaitListening();
        return receiver;
    }

    /** The receiver's URL for a path. */
    String url(String path) {
        return base.resolve(path).toString();
    }

    int port() {
        return base.getPort();
    }

    /** The secrets to verify with, each on its own, as if each belonged to a separate receiver. */
    void secrets(String... secrets) {
        assertThat(send(HttpRequest.newBuilder(base.resolve("/_secrets"))
                .PUT(HttpRequest.BodyPublishers.ofString(String.join("\n", secrets)))).statusCode()).isEqualTo(204);
    }

    /** The answers to the next requests on a path, e.g. {@code [{"status": 500}]}; then 200. */
    void plan(String path, String answers) {
        assertThat(send(HttpRequest.newBuilder(base.resolve("/_plan?path=" + path))
                .PUT(HttpRequest.BodyPublishers.ofString(answers))).statusCode()).isEqualTo(204);
    }

    /** The requests received on a path so far, oldest first. */
    List<JsonObject> received(String path) {
        String body = send(HttpRequest.newBuilder(base.resolve("/_received")).GET()).body();
        JsonArray all = Json.createReader(new StringReader(body)).readArray();
        return all.stream().map(v -> v.asJsonObject()).filter(r -> r.getString("path").equals(path)).toList();
    }

    /** Waits until the path has received at least {@code count} requests, and returns them. */
    List<JsonObject> awaitReceived(String path, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonObject> received = received(path);
        while (received.size() < count) {
            assertThat(Instant.now()).as("%d requests on %s, got %s", count, path, received).isBefore(deadline);
            Api.pause(Duration.ofMillis(100));
            received = received(path);
        }
        return received;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                HTTP.send(HttpRequest.newBuilder(base.resolve("/_received")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                assertThat(process.isAlive()).as("receiver on %s exited; see its log", base).isTrue();
                assertThat(Instant.now()).as("receiver on %s listening", base).isBefore(deadline);
                Api.pause(Duration.ofMillis(100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
