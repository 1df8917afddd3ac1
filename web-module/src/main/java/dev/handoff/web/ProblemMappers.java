package dev.handoff.web;

import dev.handoff.InvalidRequestException;
import dev.handoff.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.jboss.logging.Logger;

/** Turns the exceptions of the API into problem bodies, with a status that says whose fault it is. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /**
     * Errors JAX-RS raises itself: no such path (404), wrong method (405, with its {@code Allow} header),
     * wrong media type (415). Their own messages name framework internals, so the detail is ours.
     */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            Response.ResponseBuilder problem = Problem.builder(status.getStatusCode(), status.getReasonPhrase(),
                    detail(status.getStatusCode()));
            String allow = e.getResponse().getHeaderString("Allow");
            if (allow != null) {
                problem.header("Allow", allow);
            }
            return problem.build();
        }

        private static String detail(int status) {
            return switch (status) {
                case 404 -> "There is nothing at this path; the API's paths are listed in docs/rest-api.md.";
                case 405 -> "This path does not take that method; the Allow header lists those it takes.";
                case 406 -> "This path cannot answer in any of the media types the Accept header asks for.";
                case 415 -> "This path does not take a body of that media type.";
                default -> "The request could not be handled as sent.";
            };
        }
    }

    /** Anything else is Handoff's fault: logged with its stack, answered without it. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class);

        /** What a concurrent request changing the same record makes the database or JPA throw. */
        private static final Set<String> CONFLICTS = Set.of("jakarta.persistence.OptimisticLockException",
                "jakarta.persistence.EntityExistsException", "org.hibernate.StaleStateException",
                "org.hibernate.StaleObjectStateException", "org.hibernate.exception.ConstraintViolationException",
                "java.sql.SQLIntegrityConstraintViolationException");

        @Override
        public Response toResponse(RuntimeException e) {
            if (isConflict(e)) {
                LOG.debug("Request lost a race with another changing the same record", e);
                return Problem.response(Response.Status.CONFLICT, "Another request changed the same record at the"
                        + " same time, and this one was rolled back; read it again and retry if still needed.");
            }
            LOG.error("Request failed unexpectedly", e);
            return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                    "The server failed to handle the request; the failure is logged.");
        }

        private static boolean isConflict(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                    if (CONFLICTS.contains(type.getName())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
