package dev.handoff.it;

import static dev.handoff.it.Api.awaitEnd;
import static dev.handoff.it.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retries with their delays, cancellation, exclusive attempts and the Java API's transactions. */
@ExtendWith(ArquillianExtension.class)
class JobLifecycleIT {

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @Test
    void aFailedAttemptIsRetriedAfterItsPolicysDelayWithTheErrorAndNextAttemptVisibleMeanwhile() {
        String id = submit("{\"type\": \"test-flaky\", \"payload\": {\"failAttempts\": 1},"
                + " \"retry\": {\"backoff\": \"fixed\", \"delayMillis\": 2000, \"jitter\": 0}}");

        JsonObject retrying = awaitStatus(id, "retrying");
        assertThat(retrying.getInt("attempts")).isEqualTo(1);
        assertThat(retrying.getString("error")).contains("planned failure of attempt 1");
        assertThat(retrying.getString("nextAttemptAt")).isNotBlank();

        JsonObject job = awaitEnd(id, Duration.ofSeconds(30));
        assertThat(job.getString("status")).isEqualTo("succeeded");
        JsonArray attempts = attempts(id);
        assertThat(attempts).hasSize(2);
        Instant firstEnded = Instant.parse(attempts.getJsonObject(0).getString("endedAt"));
        Instant secondStarted = Instant.parse(attempts.getJsonObject(1).getString("startedAt"));
        assertThat(Duration.between(firstEnded, secondStarted)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("failed");
        assertThat(attempts.getJsonObject(1).getString("outcome")).isEqualTo("succeeded");
    }

    @Test
    void anAttemptRunningPastItsTypesTimeoutFailsAndIsRetried() {
        String id = submit("{\"type\": \"test-too-slow\", \"retry\": {\"delayMillis\": 100}}");

        JsonObject job = awaitEnd(id, Duration.ofSeconds(30));

        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getJsonObject("result").getInt("attempt")).isEqualTo(2);
        JsonObject first = attempts(id).getJsonObject(0);
        assertThat(first.getString("outcome")).isEqualTo("failed");
        assertThat(first.getString("error")).contains("ran longer than its 1 s timeout");
    }

    @Test
    void aRetryPolicyOutsideTheOperatorsBoundsIsRefused() {
        HttpResponse<String> response = Api.post("/api/jobs",
                "{\"type\": \"noop\", \"retry\": {\"maxAttempts\": 1000}}");

        RefusedInputIT.assertProblem(response, 400, "\"retry.maxAttempts\" must be a whole number from 1 to 25");
    }

    @Test
    void aHandlerThatDoomsItsTransactionStillHasItsAttemptAndErrorRecorded() {
        String id = submit("{\"type\": \"test-rollback-only\", \"retry\": {\"maxAttempts\": 1}}");

        JsonObject job = awaitEnd(id, Duration.ofSeconds(30));

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(job.getString("error")).containsIgnoringCase("roll");
        assertThat(attempts(id).getJsonObject(0).getString("outcome")).isEqualTo("failed");
    }

    @Test
    void aScheduledJobCancelledBeforeItsTimeNeverRuns() {
        String id = submit("{\"type\": \"noop\", \"delaySeconds\": 2}");

        HttpResponse<String> cancelled = Api.delete("/api/jobs/" + id);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Api.json(cancelled).getString("status")).isEqualTo("cancelled");
        Api.pause(Duration.ofSeconds(4));
        JsonObject job = Api.job(id);
        assertThat(job.getString("status")).isEqualTo("cancelled");
        assertThat(job.getInt("attempts")).isZero();
    }

    @Test
    void aRunningJobAskedToCancelStopsAndEndsCancelled() {
        String id = submit("{\"type\": \"test-slow\", \"payload\": {\"millis\": 20000}}");
        awaitStatus(id, "running");

        HttpResponse<String> asked = Api.delete("/api/jobs/" + id);

        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(Api.json(asked).getBoolean("cancelRequested")).isTrue();
        JsonObject job = awaitEnd(id, Duration.ofSeconds(15));
        assertThat(job.getString("status")).isEqualTo("cancelled");
        assertThat(attempts(id).getJsonObject(0).getString("error")).startsWith("stopped on request");
    }

    @Test
    void cancellingAFinishedJobIsAConflict() {
        String id = submit("{\"type\": \"noop\"}");
        awaitEnd(id, Duration.ofSeconds(30));

        RefusedInputIT.assertProblem(Api.delete("/api/jobs/" + id), 409, "already ended succeeded");
    }

    @Test
    void aDuplicateMessageForARunningJobDoesNotStartASecondAttempt() {
        String id = submit("{\"type\": \"test-slow\", \"payload\": {\"millis\": 3000}}");
        awaitStatus(id, "running");

        Broker.send(Broker.JOBS, "{\"type\": \"test-slow\", \"payload\": {\"millis\": 3000}}", Map.of("jobId", id));

        JsonObject job = awaitEnd(id, Duration.ofSeconds(30));
        Api.pause(Duration.ofSeconds(1));
        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(Api.job(id).getInt("attempts")).isEqualTo(1);
        assertThat(attempts(id)).hasSize(1);
    }

    @Test
    void aJmsSubmissionSentTwiceWithTheSameDuplicateIdMakesOneJob() {
        long before = Api.jobCount();
        Map<String, String> duplicateId = Map.of("_AMQ_DUPL_ID", "it-dup-" + System.nanoTime());

        Broker.send(Broker.JOBS, "{\"type\": \"noop\"}", duplicateId);
        Broker.send(Broker.JOBS, "{\"type\": \"noop\"}", duplicateId);

        for (int i = 0; i < 100 && Api.jobCount() == before; i++) {
            Api.pause(Duration.ofMillis(100));
        }
        Api.pause(Duration.ofSeconds(2));
        assertThat(Api.jobCount()).isEqualTo(before + 1);
    }

    /** Cancels racing for one waiting job: one is answered 200, the others 409, and the job ends cancelled. */
    @Test
    void concurrentCancelsOfOneJobAreAnsweredWithoutAServerError() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = submit("{\"type\": \"noop\", \"delaySeconds\": 600}");
            ExecutorService cancels = Executors.newFixedThreadPool(8);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(cancels.submit(() -> Api.delete("/api/jobs/" + id).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            cancels.shutdown();
            assertThat(statuses).as("answers to 8 cancels of %s", id).allMatch(s -> s == 200 || s == 409)
                    .containsOnlyOnce(200);
            assertThat(Api.job(id).getString("status")).isEqualTo("cancelled");
        }
    }

    /** A job Handoff enqueued and then deleted (purged) is never brought back by a late or duplicate message. */
    @Test
    void aMessageForADeletedJobIsConsumedWithoutBringingTheJobBack() {
        String id = "it-deleted-" + System.nanoTime();
        Broker.send(Broker.JOBS, "{\"type\": \"noop\"}", Map.of("jobId", id, "handoffDispatch", "true"));

        for (int i = 0; i < 100 && Broker.browseJobIds(Broker.JOBS).contains(id); i++) {
            Api.pause(Duration.ofMillis(100));
        }
        assertThat(Broker.browseJobIds(Broker.JOBS)).as("jobs queue").doesNotContain(id);
        Api.pause(Duration.ofSeconds(1));
        assertThat(Api.get("/api/jobs/" + id).statusCode()).isEqualTo(404);
        assertThat(Broker.browseJobIds(Broker.JOBS_DEAD_LETTERS)).as("dead letters").doesNotContain(id);
    }

    @Test
    void aJobSubmittedThroughTheJavaApiExistsOnlyIfTheCallersTransactionCommits() {
        long before = Api.jobCount();
        String failing = submit("{\"type\": \"test-child\", \"payload\": {\"fail\": true}}");
        assertThat(awaitEnd(failing, Duration.ofSeconds(30)).getString("status")).isEqualTo("failed");
        assertThat(Api.jobCount()).isEqualTo(before + 1);

        String succeeding = submit("{\"type\": \"test-child\"}");
        JsonObject parent = awaitEnd(succeeding, Duration.ofSeconds(30));

        assertThat(parent.getString("status")).isEqualTo("succeeded");
        String child = parent.getJsonObject("result").getString("child");
        assertThat(awaitEnd(child, Duration.ofSeconds(30)).getString("status")).isEqualTo("succeeded");
        assertThat(Api.jobCount()).isEqualTo(before + 3);
    }

    private static JsonObject awaitStatus(String id, String status) {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonObject job = Api.job(id);
        while (!job.getString("status").equals(status)) {
            assertThat(Instant.now()).as("job %s never %s: %s", id, status, job).isBefore(deadline);
            Api.pause(Duration.ofMillis(50));
            job = Api.job(id);
        }
        return job;
    }

    private static JsonArray attempts(String id) {
        HttpResponse<String> response = Api.get("/api/jobs/" + id + "/attempts");
        assertThat(response.statusCode()).isEqualTo(200);
        return jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readArray();
    }
}
