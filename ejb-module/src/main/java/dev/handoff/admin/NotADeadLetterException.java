package dev.handoff.admin;

import jakarta.ejb.ApplicationException;

/** An operation on dead letters asked of a job that is not one (it did not fail, or was replayed meanwhile). */
@ApplicationException(rollback = true)
public class NotADeadLetterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotADeadLetterException(String message) {
        super(message);
    }
}
