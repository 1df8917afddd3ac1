package dev.handoff.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.jobs.JobEvent;
import dev.handoff.jobs.JobStatus;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobCallbacksTest {

    private static JobEvent succeededWith(String result) {
        return new JobEvent("job-1", "report", JobEvent.Kind.SUCCEEDED, JobStatus.SUCCEEDED, 1, 100, null, result,
                Instant.parse("2026-12-04T19:00:00Z"));
    }

    @Test
    void aCallbackCarriesTheJobAndItsResult() {
        JsonObject data = JobCallbacks.data(succeededWith("{\"rows\":3}"));

        assertThat(data.getString("id")).isEqualTo("job-1");
        assertThat(data.getString("status")).isEqualTo("succeeded");
        assertThat(data.getJsonObject("result").getInt("rows")).isEqualTo(3);
        assertThat(data.containsKey("resultOmitted")).isFalse();
    }

    @Test
    void aResultTooLargeForAWebhookBodyIsLeftOutRatherThanFailingTheJobsEnd() {
        String large = "{\"text\":\"" + "x".repeat(WebhooksConfig.MAX_REQUEST_BYTES) + "\"}";

        JsonObject data = JobCallbacks.data(succeededWith(large));

        assertThat(data.isNull("result")).isTrue();
        assertThat(data.getBoolean("resultOmitted")).isTrue();
        assertThat(data.toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(JobCallbacks.MAX_DATA_BYTES);
    }
}
