package dev.handoff.webhooks;

/**
 * A URL Handoff will not send to: not http or https, a host that does not resolve, or an address in a range it
 * refuses (loopback, private, link-local, ...) and that the allowlist does not open. Never worth retrying.
 */
public class RefusedTargetException extends Exception {

    private static final long serialVersionUID = 1L;

    RefusedTargetException(String message) {
        super(message);
    }
}
