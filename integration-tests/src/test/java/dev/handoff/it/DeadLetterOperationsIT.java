package dev.handoff.it;

import static dev.handoff.it.DeadLetterFixtures.audit;
import static dev.handoff.it.DeadLetterFixtures.awaitOperationEnd;
import static dev.handoff.it.DeadLetterFixtures.deadLetter;
import static dev.handoff.it.DeadLetterFixtures.ids;
import static dev.handoff.it.DeadLetterFixtures.list;
import static dev.handoff.it.DeadLetterFixtures.marker;
import static dev.handoff.it.DeadLetterFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.DeadLetterFixtures.MarkedJob;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operators at work on failed jobs: listing, looking at, replaying and purging them, and the audit of it. */
@ExtendWith(ArquillianExtension.class)
class DeadLetterOperationsIT {

    @ArquillianResource
    private ManagementClient management;

    private DeadLetterMessages messages;
    private String marker;

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @BeforeEach
    void markThisTestsJobs() {
        messages = new DeadLetterMessages(management);
        marker = marker();
    }

    @Test
    void theListingShowsFailedJobsNewestFirstWithTheTotalAPageAtATime() {
        String first = deadLetter(MarkedJob.failingWith(marker), messages);
        String second = deadLetter(MarkedJob.failingWith(marker), messages);
        String third = deadLetter(MarkedJob.failingWith(marker), messages);
        MarkedJob.succeedingWith(marker).run();

        JsonObject page1 = list(query("error", marker) + "&limit=2");
        JsonObject page2 = list(query("error", marker) + "&limit=2&" + query("cursor", page1.getString("nextCursor")));

        assertThat(page1.getInt("total")).isEqualTo(3);
        assertThat(ids(page1)).containsExactly(third, second);
        assertThat(page2.getInt("total")).isEqualTo(3);
        assertThat(ids(page2)).containsExactly(first);
        assertThat(page2.isNull("nextCursor")).isTrue();
        JsonObject item = page1.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("queue")).isEqualTo("handoff.jobs");
        assertThat(item.getString("status")).isEqualTo("failed");
        assertThat(item.getString("error")).isEqualTo("marked failure " + marker);
        assertThat(item.getString("url")).isEqualTo("/api/dead-letters/" + third);
    }

    @Test
    void filtersNarrowTheListingByTypeErrorClassAndTimeOfFailure() {
        String permanent = deadLetter(MarkedJob.failingWith(marker), messages);
        String unexpected = deadLetter(MarkedJob.failingWith(marker).unexpectedly(), messages);
        Instant afterBoth = Instant.now();
        String mine = query("error", marker);

        assertThat(ids(list(mine))).containsExactly(unexpected, permanent);
        assertThat(ids(list(mine + "&errorClass=java.lang.IllegalArgumentException"))).containsExactly(unexpected);
        assertThat(ids(list(mine + "&errorClass=java.lang."))).containsExactly(unexpected);
        assertThat(ids(list(mine + "&errorClass=java.net."))).isEmpty();
        assertThat(ids(list(mine + "&type=test-marked&queue=handoff.jobs"))).hasSize(2);
        assertThat(ids(list(mine + "&type=test-flaky"))).isEmpty();
        assertThat(ids(list(mine + "&" + query("olderThan", afterBoth.toString())))).hasSize(2);
        assertThat(ids(list(mine + "&" + query("newerThan", afterBoth.toString())))).isEmpty();
        assertThat(ids(list(mine + "&olderThan=PT1H"))).isEmpty();
        assertThat(ids(list(mine + "&newerThan=PT1H"))).hasSize(2);
    }

    @Test
    void aFilterThatCannotMeanAnythingIsABadRequest() {
        RefusedInputIT.assertProblem(Api.get("/api/dead-letters?queue=handoff.reports"), 400,
                "Unknown queue 'handoff.reports'");
        RefusedInputIT.assertProblem(Api.get("/api/dead-letters?olderThan=yesterday"), 400, "\"olderThan\"");
        RefusedInputIT.assertProblem(Api.get("/api/dead-letters?limit=501"), 400, "\"limit\"");
        RefusedInputIT.assertProblem(Api.get("/api/dead-letters?cursor=nonsense"), 400, "\"cursor\"");
        RefusedInputIT.assertProblem(Api.get("/api/dead-letters?errorclass=java.lang."), 400,
                "Unknown query parameter \"errorclass\"");
    }

    @Test
    void aDeadLetterShowsItsPayloadAndEveryAttemptWithItsErrorAndTimes() {
        String id = Api.submit("{\"type\": \"test-flaky\", \"payload\": {\"failAttempts\": 99}, \"retry\":"
                + " {\"maxAttempts\": 2, \"backoff\": \"fixed\", \"delayMillis\": 100, \"jitter\": 0}}");
        Api.awaitEnd(id, Duration.ofSeconds(30));

        HttpResponse<String> response = Api.get("/api/dead-letters/" + id);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject dead = Api.json(response);
        assertThat(dead.getString("status")).isEqualTo("failed");
        assertThat(dead.getJsonObject("payload").getInt("failAttempts")).isEqualTo(99);
        assertThat(dead.getString("error")).contains("planned failure of attempt 2");
        JsonArray history = dead.getJsonArray("attemptHistory");
        assertThat(history).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonObject attempt = history.getJsonObject(i);
            assertThat(attempt.getInt("attempt")).isEqualTo(i + 1);
            assertThat(attempt.getString("outcome")).isEqualTo("failed");
            assertThat(attempt.getString("error")).contains("planned failure of attempt " + (i + 1));
            assertThat(Instant.parse(attempt.getString("endedAt")))
                    .isAfterOrEqualTo(Instant.parse(attempt.getString("startedAt")));
        }
    }

    @Test
    void onlyFailedJobsAreDeadLetters() {
        String succeeded = MarkedJob.succeedingWith(marker).run();

        RefusedInputIT.assertProblem(Api.get("/api/dead-letters/" + succeeded), 404, "No dead letter");
        RefusedInputIT.assertProblem(Api.get("/api/dead-letters/no-such-job"), 404, "no-such-job");
        RefusedInputIT.assertProblem(Api.post("/api/dead-letters/" + succeeded + "/replay", ""), 409,
                "is succeeded, not a dead letter");
        RefusedInputIT.assertProblem(Api.delete("/api/dead-letters/" + succeeded), 409, "not a dead letter");
        RefusedInputIT.assertProblem(Api.post("/api/dead-letters/no-such-job/replay", ""), 404, "no-such-job");
    }

    @Test
    void aReplayWithACorrectedPayloadSucceedsUnderTheSameIdWithItsHistoryAndItsDeadLetterMessageGone() {
        String id = Api.submit("{\"type\": \"test-flaky\", \"payload\": {\"failPermanently\": true}}");
        assertThat(Api.awaitEnd(id, Duration.ofSeconds(30)).getString("status")).isEqualTo("failed");
        messages.awaitCopyOf(id);

        HttpResponse<String> replayed = Api.post("/api/dead-letters/" + id + "/replay",
                "{\"payload\": {\"failPermanently\": false}}");

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        assertThat(replayed.headers().firstValue("Location")).hasValue(Api.BASE.resolve("/api/jobs/" + id).toString());
        assertThat(Api.json(replayed).getInt("maxAttempts")).isEqualTo(1 + 3);
        JsonObject job = Api.awaitEnd(id, Duration.ofSeconds(30));
        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getJsonObject("result").getInt("succeededOnAttempt")).isEqualTo(2);
        JsonArray attempts = DeadLetterFixtures.attempts(id);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.getJsonObject(0).getString("error")).isEqualTo("refused for good on attempt 1");
        assertThat(attempts.getJsonObject(1).getString("outcome")).isEqualTo("succeeded");
        assertThat(messages.of(id)).isZero();
        assertThat(Api.get("/api/dead-letters/" + id).statusCode()).isEqualTo(404);
        JsonObject entry = audit("jobId=" + id).get(0);
        assertThat(entry.getString("action")).isEqualTo("replay");
        assertThat(entry.getString("outcome")).isEqualTo("succeeded");
        assertThat(entry.getJsonObject("actor").getString("kind")).isEqualTo("address");
        assertThat(entry.getJsonObject("actor").getString("name")).isEqualTo("127.0.0.1");
        assertThat(entry.getString("detail")).contains("corrected payload");
    }

    @Test
    void aReplayWhosePayloadTheHandlerRefusesIsABadRequestAndChangesNothingButTheAudit() {
        String id = deadLetter(MarkedJob.failingWith(marker), messages);
        JsonObject before = Api.job(id);

        HttpResponse<String> refused = Api.post("/api/dead-letters/" + id + "/replay", "{\"payload\": {}}");

        RefusedInputIT.assertProblem(refused, 400, "\"marker\" is required");
        JsonObject after = Api.job(id);
        assertThat(after.getString("status")).isEqualTo("failed");
        assertThat(after.getInt("maxAttempts")).isEqualTo(before.getInt("maxAttempts"));
        assertThat(after.getString("finishedAt")).isEqualTo(before.getString("finishedAt"));
        assertThat(Api.json(Api.get("/api/dead-letters/" + id)).getJsonObject("payload").getString("marker"))
                .isEqualTo(marker);
        assertThat(messages.of(id)).isEqualTo(1);
        JsonObject entry = audit("jobId=" + id).get(0);
        assertThat(entry.getString("action")).isEqualTo("replay");
        assertThat(entry.getString("outcome")).isEqualTo("refused");
        assertThat(entry.getString("detail")).contains("\"marker\" is required");
    }

    @Test
    void aBulkReplayPutsBackEveryMatchingDeadLetterOnceSpacedOutToItsRate() {
        int count = 6;
        double rate = 4;
        List<String> dead = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dead.add(deadLetter(MarkedJob.failingWith(marker), messages));
        }

        HttpResponse<String> started = Api.post("/api/dead-letters/replay",
                "{\"error\": \"" + marker + "\", \"ratePerSecond\": " + rate + "}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonObject operation = awaitOperationEnd(started.headers().firstValue("Location").orElseThrow(),
                Duration.ofSeconds(60));
        assertThat(operation.getString("status")).isEqualTo("completed");
        assertThat(operation.getInt("matched")).isEqualTo(count);
        assertThat(operation.getInt("done")).isEqualTo(count);
        List<JsonObject> replays = audit("action=replay&operationId=" + operation.getString("id"));
        assertThat(replays).hasSize(count).allSatisfy(entry -> assertThat(entry.getString("outcome"))
                .isEqualTo("succeeded"));
        assertThat(replays.stream().map(entry -> entry.getString("jobId"))).containsExactlyInAnyOrderElementsOf(dead);
        Instant firstReplay = Instant.parse(replays.get(count - 1).getString("at"));
        Instant lastReplay = Instant.parse(replays.get(0).getString("at"));
        assertThat(Duration.between(firstReplay, lastReplay))
                .isGreaterThanOrEqualTo(Duration.ofMillis((long) ((count - 1) / rate * 1000)));
        for (String id : dead) {
            JsonObject job = Api.awaitEnd(id, Duration.ofSeconds(30));
            assertThat(job.getString("status")).as("replayed once, failed again").isEqualTo("failed");
            assertThat(job.getInt("attempts")).isEqualTo(2);
        }
    }

    @Test
    void aBulkOperationStoppedOnRequestEndsBeforeReachingEveryDeadLetter() {
        for (int i = 0; i < 3; i++) {
            deadLetter(MarkedJob.failingWith(marker), messages);
        }
        HttpResponse<String> started = Api.post("/api/dead-letters/replay",
                "{\"error\": \"" + marker + "\", \"ratePerSecond\": 0.5}");
        String statusUrl = started.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> stop = Api.delete(statusUrl);

        assertThat(stop.statusCode()).as(stop.body()).isIn(200, 202);
        JsonObject operation = awaitOperationEnd(statusUrl, Duration.ofSeconds(30));
        assertThat(operation.getString("status")).isEqualTo("stopped");
        assertThat(operation.getInt("done")).isLessThan(3);
        assertThat(audit("action=replay&operationId=" + operation.getString("id"))).hasSize(operation.getInt("done"));
    }

    /** Purges racing for one dead letter: one deletes it and is audited as such; the others lose (404 or 409). */
    @Test
    void concurrentPurgesOfOneDeadLetterPurgeItOnce() throws Exception {
        String id = deadLetter(MarkedJob.failingWith(marker), messages);

        ExecutorService purgers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(purgers.submit(() -> Api.delete("/api/dead-letters/" + id).statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        purgers.shutdown();

        assertThat(statuses).as("answers to 4 purges").containsOnlyOnce(204)
                .allMatch(s -> s == 204 || s == 404 || s == 409);
        assertThat(audit("jobId=" + id + "&action=purge").stream()
                .filter(entry -> entry.getString("outcome").equals("succeeded"))).hasSize(1);
        assertThat(messages.of(id)).isZero();
    }

    @Test
    void purgingADeadLetterDeletesTheJobItsAttemptsAndItsMessage() {
        String id = deadLetter(MarkedJob.failingWith(marker), messages);

        HttpResponse<String> purged = Api.delete("/api/dead-letters/" + id);

        assertThat(purged.statusCode()).as(purged.body()).isEqualTo(204);
        assertThat(Api.get("/api/jobs/" + id).statusCode()).isEqualTo(404);
        assertThat(Api.get("/api/jobs/" + id + "/attempts").statusCode()).isEqualTo(404);
        assertThat(messages.of(id)).isZero();
        RefusedInputIT.assertProblem(Api.delete("/api/dead-letters/" + id), 404, id);
        List<JsonObject> entries = audit("jobId=" + id);
        assertThat(entries.get(0).getString("outcome")).isEqualTo("refused");
        assertThat(entries.get(1).getString("action")).isEqualTo("purge");
        assertThat(entries.get(1).getString("outcome")).isEqualTo("succeeded");
    }

    @Test
    void aFilteredPurgeDeletesTheDeadLettersItNamesAndNoOthers() {
        String other = marker();
        String kept = deadLetter(MarkedJob.failingWith(other), messages);
        List<String> purged = List.of(deadLetter(MarkedJob.failingWith(marker), messages),
                deadLetter(MarkedJob.failingWith(marker).unexpectedly(), messages));

        HttpResponse<String> started = Api.post("/api/dead-letters/purge", "{\"error\": \"" + marker + "\"}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonObject operation = awaitOperationEnd(started.headers().firstValue("Location").orElseThrow(),
                Duration.ofSeconds(30));
        assertThat(operation.getString("status")).isEqualTo("completed");
        assertThat(operation.getInt("done")).isEqualTo(2);
        for (String id : purged) {
            assertThat(Api.get("/api/jobs/" + id).statusCode()).isEqualTo(404);
            assertThat(messages.of(id)).isZero();
        }
        assertThat(Api.job(kept).getString("status")).isEqualTo("failed");
        assertThat(messages.of(kept)).isEqualTo(1);
        List<JsonObject> entries = audit("operationId=" + operation.getString("id"));
        assertThat(entries.stream().map(entry -> entry.getString("action") + " " + entry.getString("outcome")))
                .containsExactly("bulk-purge completed", "purge succeeded", "purge succeeded", "bulk-purge started");
        assertThat(entries.get(0).getJsonObject("filter").getString("error")).isEqualTo(marker);
    }

    @Test
    void aPurgeWithoutAFilterMustSayItMeansEveryDeadLetter() {
        RefusedInputIT.assertProblem(Api.post("/api/dead-letters/purge", "{}"), 400, "\"all\": true");
        RefusedInputIT.assertProblem(Api.post("/api/dead-letters/purge", "{\"queue\": \"handoff.jobs.dlq\"}"), 400,
                "Unknown queue");
    }

    @Test
    void theAuditListsNewestFirstAPageAtATime() {
        String id = deadLetter(MarkedJob.failingWith(marker), messages);
        Api.post("/api/dead-letters/" + id + "/replay", "{\"payload\": {}}");
        Api.post("/api/dead-letters/" + id + "/replay", "{\"payload\": {\"marker\": \"" + marker + "\"}}");

        HttpResponse<String> first = Api.get("/api/audit?limit=1&jobId=" + id);
        JsonObject firstPage = Api.json(first);
        JsonObject secondPage = Api.json(Api.get("/api/audit?limit=1&jobId=" + id + "&cursor="
                + firstPage.getString("nextCursor")));

        JsonObject newest = firstPage.getJsonArray("items").getJsonObject(0);
        JsonObject older = secondPage.getJsonArray("items").getJsonObject(0);
        assertThat(newest.getString("outcome")).isEqualTo("succeeded");
        assertThat(older.getString("outcome")).isEqualTo("refused");
        assertThat(Instant.parse(newest.getString("at"))).isAfterOrEqualTo(Instant.parse(older.getString("at")));
        assertThat(secondPage.isNull("nextCursor")).isTrue();
        RefusedInputIT.assertProblem(Api.get("/api/audit?action=delete"), 400, "\"action\" must be one of");
    }
}
