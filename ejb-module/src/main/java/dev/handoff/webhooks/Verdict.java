package dev.handoff.webhooks;

import java.util.function.IntPredicate;

/** What an answer means for a delivery: done, worth another attempt, or never going to work. */
public enum Verdict {
    DELIVERED, RETRYABLE, PERMANENT;

    /**
     * Network errors, timeouts, 5xx, 408 and 429 are worth retrying; a refused target and any other status
     * that is not expected (4xx, and 3xx, since redirects are not followed) are not.
     *
     * @param expected the statuses that mean success
     */
    public static Verdict of(OutboundAnswer answer, IntPredicate expected) {
        if (answer.refused()) {
            return PERMANENT;
        }
        if (!answer.answered()) {
            return RETRYABLE;
        }
        int status = answer.status();
        if (expected.test(status)) {
            return DELIVERED;
        }
        return status >= 500 || status == 408 || status == 429 ? RETRYABLE : PERMANENT;
    }

    /** The default success: any 2xx. */
    public static boolean successful(int status) {
        return status >= 200 && status < 300;
    }
}
