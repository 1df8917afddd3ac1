package dev.handoff;

import jakarta.ejb.ApplicationException;

/**
 * A request Handoff refuses before storing anything: malformed JSON, an unknown job type, a payload
 * its handler refuses, a body over a size limit. The message says what is wrong, for the caller.
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
