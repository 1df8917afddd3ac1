package dev.handoff.notifications;

/** A send failed for a reason a later attempt may get past: no connection, a 4xx reply, a dropped connection. */
class SmtpUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    SmtpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
