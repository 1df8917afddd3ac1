package dev.handoff.jobs;

import dev.handoff.jobs.spi.InvalidPayloadException;
import dev.handoff.jobs.spi.JobFailedException;
import java.time.Duration;

/**
 * How one attempt ended: succeeded, or failed with an error, a verdict on retrying and the least wait before a
 * retry that the failure asked for ({@link Duration#ZERO} when none).
 */
record AttemptOutcome(boolean succeeded, String error, boolean retryable, Duration retryAfter, Throwable cause) {

    static AttemptOutcome success() {
        return new AttemptOutcome(true, null, false, Duration.ZERO, null);
    }

    static AttemptOutcome failure(Throwable cause) {
        return new AttemptOutcome(false, describe(cause), isRetryable(cause), retryAfter(cause), cause);
    }

    private static Duration retryAfter(Throwable cause) {
        return cause instanceof JobFailedException failure ? failure.retryAfter().orElse(Duration.ZERO)
                : Duration.ZERO;
    }

    /** Bad input stays bad, so a refused payload is not retried; neither is what the handler says is final. */
    private static boolean isRetryable(Throwable cause) {
        if (cause instanceof InvalidPayloadException) {
            return false;
        }
        return !(cause instanceof JobFailedException failure) || failure.isRetryable();
    }

    /** The error as callers see it: the exception's class and message, and those of its root cause. */
    static String describe(Throwable cause) {
        boolean ownMessage = cause instanceof JobFailedException || cause instanceof InvalidPayloadException;
        String error = ownMessage ? cause.getMessage() : summary(cause);
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause || error.contains(String.valueOf(root.getMessage())) ? error
                : error + " (caused by " + summary(root) + ")";
    }

    private static String summary(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
    }
}
