package dev.handoff.notifications;

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

    static final int MAX_EXIT_STATUS_LENGTH = 500;
    private static final String SEPARATOR = ": ";

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
        String status = name() + SEPARATOR + message;
        return status.length() <= MAX_EXIT_STATUS_LENGTH ? status
                : status.substring(0, MAX_EXIT_STATUS_LENGTH - 3) + "...";
    }

    static JobFailedException toException(JobExecution ended) {
        String exitStatus = ended.getExitStatus();
        for (SendFailure failure : values()) {
            String prefix = failure.name() + SEPARATOR;
            if (exitStatus != null && exitStatus.startsWith(prefix)) {
                String message = exitStatus.substring(prefix.length());
                return failure.retryable ? JobFailedException.retryable(message, null)
                        : JobFailedException.permanent(message);
            }
        }
        return JobFailedException.retryable("Batch execution " + ended.getExecutionId() + " ended "
                + ended.getBatchStatus() + " with exit status '" + exitStatus + "'; the next attempt restarts it.",
                null);
    }
}
