package dev.handoff.notifications;

/** More recipients of one batch refused than its skip limit allows: the batch fails for good. */
class SkipLimitExceededException extends Exception {

    private static final long serialVersionUID = 1L;

    SkipLimitExceededException(String message) {
        super(message);
    }
}
