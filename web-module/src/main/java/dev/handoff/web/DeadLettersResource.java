package dev.handoff.web;

import dev.handoff.NotFoundException;
import dev.handoff.admin.BulkOperation;
import dev.handoff.admin.BulkRequest;
import dev.handoff.admin.DeadLetterCursor;
import dev.handoff.admin.DeadLetterFilter;
import dev.handoff.admin.DeadLetterOperations;
import dev.handoff.admin.DeadLetterSearch;
import dev.handoff.admin.Paging;
import dev.handoff.admin.ReplayRequest;
import dev.handoff.jobs.Job;
import dev.handoff.jobs.JobStore;
import dev.handoff.jobs.JobSubmission;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Failed jobs, for operators: list, look at, replay and purge them, one by one or by filter. */
@RequestScoped
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    private static final List<String> LIST_PARAMETERS = listParameters();

    @EJB
    DeadLetterSearch search;

    @EJB
    DeadLetterOperations operations;

    @EJB
    JobStore store;

    @Context
    UriInfo uris;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    /** The dead letters a filter names, newest failure first, a page at a time, with how many match in all. */
    @GET
    public String list() {
        QueryParameters parameters = QueryParameters.of(uris, LIST_PARAMETERS);
        DeadLetterFilter filter = DeadLetterFilter.parse(parameters::get, Instant.now());
        int limit = Paging.limit(parameters.get("limit"));
        DeadLetterCursor cursor = DeadLetterCursor.parse(parameters.get("cursor"));
        return DeadLetterRepresentation.page(search.count(filter), search.page(filter, cursor, limit)).toString();
    }

    @GET
    @Path("/{id}")
    public String show(@PathParam("id") String id) {
        Job job = search.find(id).orElseThrow(() -> new NotFoundException("No dead letter with id '" + id
                + "'; a job that did not fail is at /api/jobs/" + id + "."));
        return DeadLetterRepresentation.detail(job, store.attempts(id)).toString();
    }

    /** Puts the dead letter back in the queue, with a corrected payload when the body gives one. */
    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    public Response replay(@PathParam("id") String id, InputStream body) throws IOException {
        ReplayRequest replay = ReplayRequest.parse(BoundedBody.read(body, JobSubmission.MAX_BYTES, "request"));
        Job job = operations.replay(id, replay, Callers.actor(security, request));
        return Response.accepted(JobRepresentation.full(job).toString())
                .location(uris.getBaseUriBuilder().path(JobsResource.class).path(job.getId()).build())
                .build();
    }

    @DELETE
    @Path("/{id}")
    public Response purge(@PathParam("id") String id) {
        operations.purge(id, Callers.actor(security, request));
        return Response.noContent().build();
    }

    /** Starts replaying every dead letter the body's filter names, at its rate; answers at once. */
    @POST
    @Path("/replay")
    @Consumes(MediaType.WILDCARD)
    public Response replayAll(InputStream body) throws IOException {
        return start(BulkRequest.replay(BoundedBody.read(body, JobSubmission.MAX_BYTES, "request"), Instant.now()));
    }

    /** Starts purging every dead letter the body's filter names; answers at once. */
    @POST
    @Path("/purge")
    @Consumes(MediaType.WILDCARD)
    public Response purgeAll(InputStream body) throws IOException {
        return start(BulkRequest.purge(BoundedBody.read(body, JobSubmission.MAX_BYTES, "request"), Instant.now()));
    }

    private Response start(BulkRequest bulk) {
        BulkOperation operation = operations.start(bulk, Callers.actor(security, request));
        return Response.accepted(DeadLetterRepresentation.operation(operation).toString())
                .location(uris.getBaseUriBuilder().path(BulkOperationsResource.class).path(operation.getId()).build())
                .build();
    }

    private static List<String> listParameters() {
        List<String> parameters = new ArrayList<>(DeadLetterFilter.FIELDS);
        parameters.add("limit");
        parameters.add("cursor");
        return List.copyOf(parameters);
    }
}
