package dev.handoff;

import jakarta.ejb.ApplicationException;

/**
 * A request for something Handoff does not have: an unknown job, a dataset never uploaded, a result
 * not produced (yet).
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
