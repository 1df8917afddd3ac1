package dev.handoff.jobs;

import dev.handoff.jobs.spi.InvalidPayloadException;
import dev.handoff.jobs.spi.JobFailedException;

/** How one attempt ended: succeeded, or failed with an error and a verdict on retrying. */
record AttemptOutcome(boolean succeeded, String error, boolean retryable, Throwable cause) {

    static AttemptOutcome success() {
        return new AttemptOutcome(true, null, false, null);
    }

    static AttemptOutcome failure(Throwable cause) {
        return new AttemptOutcome(false, describe(cause), isRetryable(cause), cause);
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
