package dev.handoff.jobs;

import java.time.Duration;

/** An attempt that ran longer than its job type's timeout: its work is rolled back and it may be retried. */
class AttemptTimedOutException extends Exception {

    private static final long serialVersionUID = 1L;

    AttemptTimedOutException(Duration timeout, Throwable cause) {
        super("The attempt ran longer than its " + timeout.toSeconds() + " s timeout and was rolled back", cause);
    }
}
