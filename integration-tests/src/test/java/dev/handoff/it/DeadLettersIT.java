package dev.handoff.it;

import static dev.handoff.it.Api.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class DeadLettersIT {

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @Test
    void aMessageThatIsNotJsonIsDeadLetteredWithTheReasonAndStoresNoJob() throws Exception {
        String marker = "poison-" + System.nanoTime();
        long before = Api.jobCount();

        Broker.send(Broker.JOBS, "this is not { json", Map.of("testMarker", marker));

        Message dead = Broker.receive(Broker.JOBS_DEAD_LETTERS, "testMarker = '" + marker + "'",
                Duration.ofSeconds(30));
        assertThat(dead).as("dead letter for %s", marker).isNotNull();
        assertThat(dead.getBody(String.class)).isEqualTo("this is not { json");
        assertThat(dead.getStringProperty("deadLetterReason"))
                .startsWith("invalid-submission")
                .contains("not valid JSON");
        assertThat(Api.jobCount()).isEqualTo(before);
    }

    @Test
    void aMessageThatIsNotTextIsDeadLetteredWithItsBodyKept() throws Exception {
        String marker = "bytes-" + System.nanoTime();
        byte[] body = {0, 1, 2, (byte) 0xff};

        Broker.sendBytes(Broker.JOBS, body, Map.of("testMarker", marker));

        Message dead = Broker.receive(Broker.JOBS_DEAD_LETTERS, "testMarker = '" + marker + "'",
                Duration.ofSeconds(30));
        assertThat(dead).isNotNull();
        assertThat(dead.getBody(byte[].class)).containsExactly(body);
        assertThat(dead.getStringProperty("deadLetterReason")).startsWith("not-a-text-message");
    }

    @Test
    void aJmsSubmissionOfAnUnknownTypeIsDeadLetteredWithTheReason() throws Exception {
        String id = "unknown-type-" + System.nanoTime();

        Broker.sendJob("{\"type\": \"no-such-type\"}", id);

        Message dead = Broker.receive(Broker.JOBS_DEAD_LETTERS, "jobId = '" + id + "'", Duration.ofSeconds(30));
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("deadLetterReason")).contains("Unknown job type 'no-such-type'");
        assertThat(Api.get("/api/jobs/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aJobThatFailsEveryAttemptEndsFailedWithItsLastErrorAndItsMessageDeadLettered() throws Exception {
        String id = Api.submit("{\"type\": \"test-flaky\", \"payload\": {\"failAttempts\": 99}}");

        JsonObject job = awaitEnd(id, Duration.ofSeconds(60));

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getInt("attempts")).isEqualTo(job.getInt("maxAttempts")).isEqualTo(3);
        assertThat(job.getString("error")).contains("planned failure of attempt 3");
        Message dead = Broker.receive(Broker.JOBS_DEAD_LETTERS, "jobId = '" + id + "'", Duration.ofSeconds(10));
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("deadLetterReason")).contains("planned failure of attempt 3");
    }

    @Test
    void aPermanentFailureEndsTheJobWithoutRetrying() throws Exception {
        String id = Api.submit("{\"type\": \"test-flaky\", \"payload\": {\"failPermanently\": true}}");

        JsonObject job = awaitEnd(id, Duration.ofSeconds(30));

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(job.getString("error")).isEqualTo("refused for good on attempt 1");
        Message dead = Broker.receive(Broker.JOBS_DEAD_LETTERS, "jobId = '" + id + "'", Duration.ofSeconds(10));
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("deadLetterReason")).isEqualTo("job-failed: refused for good on attempt 1");
    }

    @Test
    void aJobSubmittedOverJmsWithoutAnIdIsVisibleOverHttp() throws Exception {
        String marker = "no-id-" + System.nanoTime();
        long before = Api.jobCount();

        Broker.send(Broker.JOBS, "{\"type\": \"noop\", \"payload\": {\"marker\": \"" + marker + "\"}}", Map.of());

        for (int i = 0; i < 300 && Api.jobCount() == before; i++) {
            Api.pause(Duration.ofMillis(100));
        }
        assertThat(Api.jobCount()).isEqualTo(before + 1);
    }
}
