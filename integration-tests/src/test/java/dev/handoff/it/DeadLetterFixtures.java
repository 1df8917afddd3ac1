package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Dead letters made to order, and the admin API's answers read, for the tests of dead-letter operations. */
final class DeadLetterFixtures {

    private DeadLetterFixtures() {
    }

    /** A marker no other test uses, to find one test's dead letters by their error. */
    static String marker() {
        return "mark-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Builds a {@code test-marked} submission, of one attempt. */
    static final class MarkedJob {
        private final JsonObjectBuilder payload = Json.createObjectBuilder();

        private MarkedJob(String marker) {
            payload.add("marker", marker);
        }

        static MarkedJob failingWith(String marker) {
            return new MarkedJob(marker);
        }

        static MarkedJob succeedingWith(String marker) {
            MarkedJob job = new MarkedJob(marker);
            job.payload.add("fail", false);
            return job;
        }

        /** Fails with an unexpected exception, java.lang.IllegalArgumentException, not a permanent failure. */
        MarkedJob unexpectedly() {
            payload.add("unexpected", true);
            return this;
        }

        String json() {
            return Json.createObjectBuilder().add("type", "test-marked").add("payload", payload)
                    .add("retry", Json.createObjectBuilder().add("maxAttempts", 1)).build().toString();
        }

        /** Submits the job and waits until it ends; returns its id. */
        String run() {
            String id = Api.submit(json());
            Api.awaitEnd(id, Duration.ofSeconds(30));
            return id;
        }
    }

    /** Submits the job, waits until it has failed and its message is in the dead letters; returns its id. */
    static String deadLetter(MarkedJob job, DeadLetterMessages messages) {
        String id = job.run();
        assertThat(Api.job(id).getString("status")).isEqualTo("failed");
        messages.awaitCopyOf(id);
        return id;
    }

    static JsonObject list(String query) {
        HttpResponse<String> response = Api.get("/api/dead-letters?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(item -> item.getString("id"))
                .toList();
    }

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Polls a bulk operation until it ends, and returns its last state. */
    static JsonObject awaitOperationEnd(String statusUrl, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject operation = Api.json(Api.get(statusUrl));
        while (operation.getString("status").equals("running")) {
            assertThat(Instant.now()).as("operation still running: %s", operation).isBefore(deadline);
            Api.pause(Duration.ofMillis(100));
            operation = Api.json(Api.get(statusUrl));
        }
        return operation;
    }

    /** The audit entries that match the query, newest first. */
    static List<JsonObject> audit(String query) {
        HttpResponse<String> response = Api.get("/api/audit?limit=500&" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    static JsonArray attempts(String jobId) {
        HttpResponse<String> response = Api.get("/api/jobs/" + jobId + "/attempts");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray();
    }
}
