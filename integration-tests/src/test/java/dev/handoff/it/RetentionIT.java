package dev.handoff.it;

import static dev.handoff.it.DeadLetterFixtures.audit;
import static dev.handoff.it.DeadLetterFixtures.deadLetter;
import static dev.handoff.it.DeadLetterFixtures.marker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.DeadLetterFixtures.MarkedJob;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Finished jobs purged once past their age, on the server's timer or when an operator runs retention. */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @Test
    void retentionPurgesSucceededAndCancelledJobsPastTheirAgeAndKeepsNewerAndFailedOnes() {
        String oldSucceeded = MarkedJob.succeedingWith(marker()).run();
        String oldCancelled = Api.submit("{\"type\": \"noop\", \"delaySeconds\": 600}");
        assertThat(Api.delete("/api/jobs/" + oldCancelled).statusCode()).isEqualTo(200);
        String failed = deadLetter(MarkedJob.failingWith(marker()), new DeadLetterMessages(management));
        Api.pause(Duration.ofSeconds(3));
        String newSucceeded = MarkedJob.succeedingWith(marker()).run();

        JsonObject report = run("succeededOlderThan=PT2S");

        assertThat(report.getJsonObject("purged").getInt("succeeded")).isGreaterThanOrEqualTo(1);
        assertThat(report.getJsonObject("purged").getInt("cancelled")).isGreaterThanOrEqualTo(1);
        assertThat(report.getJsonObject("purged").getInt("failed")).isZero();
        assertThat(Api.get("/api/jobs/" + oldSucceeded).statusCode()).isEqualTo(404);
        assertThat(Api.get("/api/jobs/" + oldSucceeded + "/attempts").statusCode()).isEqualTo(404);
        assertThat(Api.get("/api/jobs/" + oldCancelled).statusCode()).isEqualTo(404);
        assertThat(Api.job(newSucceeded).getString("status")).isEqualTo("succeeded");
        assertThat(Api.job(failed).getString("status")).isEqualTo("failed");
    }

    @Test
    void failedJobsGoAfterTheirOwnAgeWithTheirDeadLetterMessages() {
        DeadLetterMessages messages = new DeadLetterMessages(management);
        String failed = deadLetter(MarkedJob.failingWith(marker()), messages);
        String succeeded = MarkedJob.succeedingWith(marker()).run();
        Api.pause(Duration.ofSeconds(2));

        JsonObject report = run("failedOlderThan=PT1S");

        assertThat(report.getJsonObject("purged").getInt("failed")).isGreaterThanOrEqualTo(1);
        Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
        assertThat(Instant.parse(report.getJsonObject("endedBefore").getString("succeeded")))
                .as("the configured age, 7 days").isBetween(weekAgo.minusSeconds(60), weekAgo);
        assertThat(Api.get("/api/jobs/" + failed).statusCode()).isEqualTo(404);
        assertThat(messages.of(failed)).isZero();
        assertThat(Api.job(succeeded).getString("status")).isEqualTo("succeeded");
    }

    @Test
    void everyRunIsAuditedWithWhoRanItAndWhatItPurged() {
        JsonObject report = run("succeededOlderThan=P1D");

        JsonObject entry = audit("action=retention").get(0);
        assertThat(entry.getString("outcome")).isEqualTo("succeeded");
        assertThat(entry.getJsonObject("actor").getString("name")).isEqualTo("127.0.0.1");
        assertThat(entry.getJsonObject("filter")).isEqualTo(report.getJsonObject("endedBefore"));
        assertThat(entry.getString("detail")).isEqualTo(report.getJsonObject("purged").toString());
    }

    @Test
    void retentionRunsOnATimerWithTheConfiguredAges() {
        JsonObject settings = Api.json(Api.get("/api/admin/retention"));

        assertThat(settings.getJsonObject("keep").getString("succeeded")).isEqualTo("PT168H");
        assertThat(settings.getJsonObject("keep").getString("cancelled")).isEqualTo("PT168H");
        assertThat(settings.getJsonObject("keep").getString("failed")).isEqualTo("PT720H");
        Instant next = Instant.parse(settings.getString("nextRunAt"));
        assertThat(next).isBetween(Instant.now(), Instant.now().plus(Duration.ofMinutes(61)));
    }

    @Test
    void anAgeThatIsNoDurationIsABadRequestAndPurgesNothing() {
        long before = Api.jobCount();

        HttpResponse<String> refused = Api.post("/api/admin/retention/run?succeededOlderThan=yesterday", "");

        RefusedInputIT.assertProblem(refused, 400, "\"succeededOlderThan\" must be an ISO-8601 duration");
        assertThat(Api.jobCount()).isEqualTo(before);
    }

    private static JsonObject run(String query) {
        HttpResponse<String> response = Api.post("/api/admin/retention/run?" + query, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }
}
