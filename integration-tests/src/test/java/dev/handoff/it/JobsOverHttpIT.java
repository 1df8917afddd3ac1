package dev.handoff.it;

import static dev.handoff.it.Api.awaitEnd;
import static dev.handoff.it.Api.job;
import static dev.handoff.it.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class JobsOverHttpIT {

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @Test
    void anAcceptedJobIsStoredQueuedAndRunToSuccess() {
        HttpResponse<String> response = Api.post("/api/jobs", "{\"type\": \"noop\", \"payload\": {}}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonObject accepted = Api.json(response);
        assertThat(accepted.getString("status")).isEqualTo("queued");
        assertThat(accepted.getString("statusUrl")).isEqualTo("/api/jobs/" + accepted.getString("id"));
        assertThat(response.headers().firstValue("Location")).hasValue(Api.BASE + accepted.getString("statusUrl"));

        JsonObject job = awaitEnd(accepted.getString("id"), Duration.ofSeconds(30));

        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getString("type")).isEqualTo("noop");
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(job.getInt("progress")).isEqualTo(100);
        assertThat(job.isNull("error")).isTrue();
        Instant created = Instant.parse(job.getString("createdAt"));
        Instant started = Instant.parse(job.getString("startedAt"));
        Instant finished = Instant.parse(job.getString("finishedAt"));
        assertThat(started).isAfterOrEqualTo(created);
        assertThat(finished).isAfterOrEqualTo(started);
    }

    @Test
    void aFinishedJobIsAnsweredWithoutRetryAfter() {
        String id = submit("{\"type\": \"noop\"}");
        awaitEnd(id, Duration.ofSeconds(30));

        HttpResponse<String> response = Api.get("/api/jobs/" + id);

        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void aDelayedJobIsScheduledAndStartsNoEarlierThanAsked() {
        Instant submitted = Instant.now();
        String id = submit("{\"type\": \"noop\", \"delaySeconds\": 2}");

        HttpResponse<String> waiting = Api.get("/api/jobs/" + id);
        assertThat(Api.json(waiting).getString("status")).isEqualTo("scheduled");
        assertThat(waiting.headers().firstValue("Retry-After")).isPresent();

        JsonObject job = awaitEnd(id, Duration.ofSeconds(30));
        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(Instant.parse(job.getString("startedAt"))).isAfterOrEqualTo(submitted.plusSeconds(2));
    }

    @Test
    void aSecondSubmissionWithTheSameIdempotencyKeyReturnsTheFirstJob() {
        String json = "{\"type\": \"noop\", \"idempotencyKey\": \"it-once-" + System.nanoTime() + "\"}";
        String first = submit(json);

        HttpResponse<String> again = Api.post("/api/jobs", json);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Api.json(again).getString("id")).isEqualTo(first);
    }

    @Test
    void concurrentSubmissionsWithTheSameIdempotencyKeyMakeOneJob() throws Exception {
        String json = "{\"type\": \"noop\", \"idempotencyKey\": \"it-race-" + System.nanoTime() + "\"}";
        long before = Api.jobCount();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(callers.submit(() -> Api.post("/api/jobs", json)));
            }
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
                created += response.statusCode() == 202 ? 1 : 0;
                ids.add(Api.json(response).getString("id"));
            }

            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
            assertThat(Api.jobCount()).isEqualTo(before + 1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aJobThatFailsTwiceSucceedsOnItsThirdAttempt() {
        String id = submit("{\"type\": \"test-flaky\", \"payload\": {\"failAttempts\": 2}}");

        JsonObject job = awaitEnd(id, Duration.ofSeconds(60));

        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getInt("attempts")).isEqualTo(3);
        assertThat(job.getJsonObject("result").getInt("succeededOnAttempt")).isEqualTo(3);
    }
}
