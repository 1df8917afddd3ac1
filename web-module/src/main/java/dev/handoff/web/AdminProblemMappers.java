package dev.handoff.web;

import dev.handoff.admin.NotADeadLetterException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Problem bodies for the exceptions of dead-letter operations. */
public final class AdminProblemMappers {

    private AdminProblemMappers() {
    }

    /** An operation on dead letters asked of a job that is not one: a conflict with the job's state. */
    @Provider
    public static class NotADeadLetter implements ExceptionMapper<NotADeadLetterException> {
        @Override
        public Response toResponse(NotADeadLetterException e) {
            return Problem.response(Response.Status.CONFLICT, e.getMessage());
        }
    }
}
