package dev.handoff.it;

import static dev.handoff.it.Api.awaitEnd;
import static dev.handoff.it.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What waits in the queue: jobs kept through a suspended server, and higher priorities first. */
@ExtendWith(ArquillianExtension.class)
class SuspendAndPriorityIT {

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @Test
    void aSuspendedServerTakesNoNewWorkLetsRunningAttemptsFinishAndRunsWaitingJobsOnceResumed() throws Exception {
        String running = submit("{\"type\": \"test-slow\", \"payload\": {\"millis\": 3000}}");
        String waiting = submit("{\"type\": \"noop\", \"delaySeconds\": 1}");
        awaitStatus(running, "running");

        Instant suspended;
        Instant resumed;
        ServerModel.suspend(management, 30);
        try {
            suspended = Instant.now();
            assertThat(Api.post("/api/jobs", "{\"type\": \"noop\"}").statusCode()).isEqualTo(503);
            Api.pause(Duration.ofSeconds(2));
            resumed = Instant.now();
        } finally {
            ServerModel.resume(management);
        }

        JsonObject finished = awaitEnd(running, Duration.ofSeconds(5));
        assertThat(finished.getString("status")).isEqualTo("succeeded");
        assertThat(finished.getInt("attempts")).isEqualTo(1);
        assertThat(Instant.parse(finished.getString("finishedAt"))).isBeforeOrEqualTo(suspended);
        JsonObject started = awaitEnd(waiting, Duration.ofSeconds(30));
        assertThat(started.getString("status")).isEqualTo("succeeded");
        assertThat(Instant.parse(started.getString("startedAt"))).isAfterOrEqualTo(resumed);
    }

    @Test
    void higherPriorityJobsWaitingInTheQueueStartFirst() throws Exception {
        List<String> low = new ArrayList<>();
        List<String> high = new ArrayList<>();
        ServerModel.jobsDelivery(management, false);
        try {
            for (int i = 0; i < 40; i++) {
                low.add(submit("{\"type\": \"noop\", \"priority\": 1}"));
            }
            for (int i = 0; i < 5; i++) {
                high.add(submit("{\"type\": \"noop\", \"priority\": 9}"));
            }
        } finally {
            ServerModel.jobsDelivery(management, true);
        }

        // Fifteen consumers start together, so order shows in the middle of the starts, not at every one.
        Instant highMedian = median(high);
        Instant lowMedian = median(low);
        assertThat(highMedian).as("the median high-priority start against the low ones").isBefore(lowMedian);
    }

    private static Instant median(List<String> jobs) {
        List<Instant> starts = jobs.stream().map(SuspendAndPriorityIT::startedAt).sorted().toList();
        return starts.get(starts.size() / 2);
    }

    private static Instant startedAt(String id) {
        JsonObject job = awaitEnd(id, Duration.ofSeconds(60));
        assertThat(job.getString("status")).isEqualTo("succeeded");
        return Instant.parse(job.getString("startedAt"));
    }

    private static void awaitStatus(String id, String status) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Api.job(id).getString("status").equals(status)) {
            assertThat(Instant.now()).as("job %s never %s", id, status).isBefore(deadline);
            Api.pause(Duration.ofMillis(50));
        }
    }
}
