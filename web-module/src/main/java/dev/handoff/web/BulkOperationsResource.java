package dev.handoff.web;

import dev.handoff.admin.BulkOperation;
import dev.handoff.admin.BulkOperations;
import dev.handoff.admin.BulkStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Following and stopping bulk replays and purges: {@code /api/dead-letters/operations}. */
@RequestScoped
@Path("/dead-letters/operations")
@Produces(MediaType.APPLICATION_JSON)
public class BulkOperationsResource {

    @EJB
    BulkOperations operations;

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return answer(operations.find(id));
    }

    /** Asks a running operation to stop before its next job (202); one that ended is answered as it is (200). */
    @DELETE
    @Path("/{id}")
    public Response stop(@PathParam("id") String id) {
        BulkOperation operation = operations.requestStop(id);
        Response.ResponseBuilder response = operation.getStatus() == BulkStatus.RUNNING ? Response.accepted()
                : Response.ok();
        return response.entity(DeadLetterRepresentation.operation(operation).toString()).build();
    }

    private static Response answer(BulkOperation operation) {
        Response.ResponseBuilder response = Response.ok(DeadLetterRepresentation.operation(operation).toString());
        if (operation.getStatus() == BulkStatus.RUNNING) {
            response.header("Retry-After", JobRepresentation.POLL_SECONDS);
        }
        return response.build();
    }
}
