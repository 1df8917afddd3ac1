package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * The copies of jobs' messages in {@code handoff.jobs.dlq}, counted through the management model, which leaves
 * them where they are (a test user's consumer would take them away).
 */
final class DeadLetterMessages {

    private final ManagementClient management;

    DeadLetterMessages(ManagementClient management) {
        this.management = management;
    }

    /** How many messages about the job are in the dead letters now. */
    long of(String jobId) {
        ModelNode count = Operations.createOperation("count-messages", Operations.createAddress("subsystem",
                "messaging-activemq", "server", "default", "jms-queue", Broker.JOBS_DEAD_LETTERS));
        count.get("filter").set("jobId = '" + jobId + "'");
        try {
            ModelNode outcome = management.getControllerClient().execute(count);
            assertThat(Operations.isSuccessfulOutcome(outcome)).as("%s", outcome).isTrue();
            return Operations.readResult(outcome).asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the job's copy is in the dead letters: it arrives a moment after the job is seen failed. */
    void awaitCopyOf(String jobId) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (of(jobId) == 0) {
            assertThat(Instant.now()).as("no dead-letter message for job %s", jobId).isBefore(deadline);
            Api.pause(Duration.ofMillis(50));
        }
    }
}
