package dev.handoff.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobReplayTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    /** A job whose policy allows the given number of attempts, every one of them used and failed. */
    private static Job failedAfter(int attempts) {
        JobSubmission submission = JobSubmission.parse("{\"type\": \"noop\", \"payload\": {\"n\": 1},"
                + " \"retry\": {\"maxAttempts\": " + attempts + "}}");
        Job job = new Job("job-1", submission, Retries.serverDefaults().overriddenBy(submission.retry()), T);
        for (int i = 0; i < attempts; i++) {
            job.startAttempt(Lease.takeNow(T), T);
        }
        job.fail("boom on the last attempt", T.plusSeconds(5));
        return job;
    }

    @Test
    void aReplayedJobIsQueuedAgainWithAFreshBudgetOnTopOfTheAttemptsUsed() {
        Job job = failedAfter(2);

        job.replay(null, T.plusSeconds(60));

        assertThat(job.getStatus()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.getAttempts()).isEqualTo(2);
        assertThat(job.getMaxAttempts()).isEqualTo(4);
        assertThat(job.attemptsExhausted()).isFalse();
        assertThat(job.getRunAt()).isEqualTo(T.plusSeconds(60));
        assertThat(job.getFinishedAt()).isNull();
    }

    @Test
    void aReplayedJobKeepsItsIdFirstStartAndLastErrorUntilTheNextAttempt() {
        Job job = failedAfter(1);

        job.replay(null, T.plusSeconds(60));

        assertThat(job.getId()).isEqualTo("job-1");
        assertThat(job.getStartedAt()).isEqualTo(T);
        assertThat(job.getError()).isEqualTo("boom on the last attempt");
        assertThat(job.getPayload()).isEqualTo("{\"n\":1}");
    }

    @Test
    void aCorrectedPayloadReplacesTheStoredOne() {
        Job job = failedAfter(1);

        job.replay("{\"n\":2}", T.plusSeconds(60));

        assertThat(job.getPayload()).isEqualTo("{\"n\":2}");
    }
}
