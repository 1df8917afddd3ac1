package dev.handoff.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One HTTP client of Handoff's API, with a connection of its own kept open between requests. */
final class HandoffClient {

    static final String NOOP_JOB = "{\"type\":\"noop\",\"payload\":{}}";
    static final int ACCEPTED = 202;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    private final HttpRequest submitNoop;
    private final HttpRequest stats;

    HandoffClient(URI base) {
        submitNoop = HttpRequest.newBuilder(base.resolve("/api/jobs"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NOOP_JOB))
                .build();
        stats = HttpRequest.newBuilder(base.resolve("/api/stats")).timeout(REQUEST_TIMEOUT).GET().build();
    }

    /** Submits a noop job; the answer is 202 when Handoff stored and enqueued it. */
    HttpResponse<String> submitNoop() throws IOException, InterruptedException {
        return http.send(submitNoop, HttpResponse.BodyHandlers.ofString());
    }

    JobCounts stats() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(stats, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/stats answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JobCounts.parse(response.body());
    }
}
