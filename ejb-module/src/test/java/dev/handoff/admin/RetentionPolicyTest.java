package dev.handoff.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import dev.handoff.jobs.JobStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void byDefaultSucceededAndCancelledJobsAreKeptAWeekAndFailedOnesThirtyDays() {
        RetentionPolicy policy = RetentionPolicy.configured();

        assertThat(policy.cutoff(JobStatus.SUCCEEDED, NOW)).hasValue(NOW.minus(Duration.ofDays(7)));
        assertThat(policy.cutoff(JobStatus.CANCELLED, NOW)).hasValue(NOW.minus(Duration.ofDays(7)));
        assertThat(policy.cutoff(JobStatus.FAILED, NOW)).hasValue(NOW.minus(Duration.ofDays(30)));
    }

    @Test
    void jobsThatHaveNotEndedAreNeverPurged() {
        RetentionPolicy policy = RetentionPolicy.configured();

        assertThat(policy.cutoff(JobStatus.RUNNING, NOW)).isEmpty();
        assertThat(policy.cutoff(JobStatus.QUEUED, NOW)).isEmpty();
        assertThat(policy.cutoff(JobStatus.RETRYING, NOW)).isEmpty();
    }

    @Test
    void agesGivenForOneRunReplaceTheConfiguredOnesAndTheOthersStay() {
        RetentionPolicy policy = RetentionPolicy.configuredOr("PT1S", null);

        assertThat(policy.cutoff(JobStatus.SUCCEEDED, NOW)).hasValue(NOW.minusSeconds(1));
        assertThat(policy.cutoff(JobStatus.CANCELLED, NOW)).hasValue(NOW.minusSeconds(1));
        assertThat(policy.cutoff(JobStatus.FAILED, NOW)).hasValue(NOW.minus(Duration.ofDays(30)));
    }

    @Test
    void zeroDaysConfiguredKeepsThoseJobsForGood() {
        System.setProperty(AdminConfig.FAILED_DAYS, "0");
        try {
            assertThat(RetentionPolicy.configured().cutoff(JobStatus.FAILED, NOW)).isEmpty();
        } finally {
            System.clearProperty(AdminConfig.FAILED_DAYS);
        }
    }

    @Test
    void anAgeThatIsNotANonNegativeDurationIsRefused() {
        assertThatThrownBy(() -> RetentionPolicy.configuredOr("-PT1S", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"succeededOlderThan\" must be an ISO-8601 duration");
        assertThatThrownBy(() -> RetentionPolicy.configuredOr(null, "7 days"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"failedOlderThan\"");
    }
}
