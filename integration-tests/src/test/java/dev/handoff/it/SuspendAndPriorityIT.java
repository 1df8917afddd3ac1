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

/**
 * What waits in the queue: jobs kept through a suspended server, and higher priorities first. Which job
 * starts first among fifteen consumers starting together is a race, so priority is checked where it
 * takes effect: the order in which the broker holds the waiting messages for delivery.
 */
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
    void higherPriorityJobsWaitInTheQueueAheadOfLowerOnes() throws Exception {
        List<String> low = new ArrayList<>();
        List<String> high = new ArrayList<>();
        List<String> queued;
        ServerModel.jobsDelivery(management, false);
        try {
            for (int i = 0; i < 20; i++) {
                low.add(submit("{\"type\": \"noop\", \"priority\": 1}"));
            }
            for (int i = 0; i < 5; i++) {
                high.add(submit("{\"type\": \"noop\", \"priority\": 9}"));
            }
            queued = Broker.browseJobIds(Broker.JOBS);
        } finally {
            ServerModel.jobsDelivery(management, true);
        }

        List<String> ours = queued.stream().filter(id -> low.contains(id) || high.contains(id)).toList();
        assertThat(ours).hasSize(25);
        assertThat(ours.subList(0, 5)).as("the first jobs the broker will deliver")
                .containsExactlyInAnyOrderElementsOf(high);
        for (String id : high) {
            assertThat(awaitEnd(id, Duration.ofSeconds(30)).getString("status")).isEqualTo("succeeded");
        }
        for (String id : low) {
            assertThat(awaitEnd(id, Duration.ofSeconds(30)).getString("status")).isEqualTo("succeeded");
        }
    }

    private static void awaitStatus(String id, String status) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Api.job(id).getString("status").equals(status)) {
            assertThat(Instant.now()).as("job %s never %s", id, status).isBefore(deadline);
            Api.pause(Duration.ofMillis(50));
        }
    }
}
