package dev.handoff.notifications;

import dev.handoff.BatchExitStatus;
import dev.handoff.jobs.spi.JobFailedException;
import jakarta.batch.runtime.JobExecution;

/**
 * Why a batch execution of {@code notification-send} failed, and whether another attempt could get past it. The
 * step records it in the execution's exit status as {@code KIND: message}; the handler reads it back.
 */
enum SendFailure {

    /** The SMTP server refused more recipients than the skip limit allows: it refuses them all, likely. */
    SKIP_LIMIT_EXCEEDED(false),
    /** The SMTP server could not be reached, or failed a send for a passing reason. */
    SMTP_UNAVAILABLE(true),
    STEP_FAILED(true);

    private final boolean retryable;

    SendFailure(boolean retryable) {
        this.retryable = retryable;
    }

    static SendFailure causedBy(Exception e) {
        if (e instanceof SkipLimitExceededException) {
            return SKIP_LIMIT_EXCEEDED;
        }
        if (e instanceof SmtpUnavailableException) {
            return SMTP_UNAVAILABLE;
        }
        return STEP_FAILED;
    }

    String exitStatus(String message) {
        return BatchExitStatus.of(this, message);
    }

    static JobFailedException toException(JobExecution ended) {
        return BatchExitStatus.failureOf(ended, SendFailure.class, failure -> failure.retryable, "Batch execution");
    }
}
