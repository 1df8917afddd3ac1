package dev.handoff.web;

import dev.handoff.NotFoundException;
import dev.handoff.events.EventStreams;
import dev.handoff.jobs.Job;
import dev.handoff.jobs.JobOutput;
import dev.handoff.jobs.JobService;
import dev.handoff.jobs.JobStatus;
import dev.handoff.jobs.JobStore;
import dev.handoff.jobs.JobSubmission;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Optional;

/** Submitting jobs and following them: {@code /api/jobs}. */
@RequestScoped
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @EJB
    JobService jobs;

    @EJB
    JobStore store;

    @Inject
    EventStreams streams;

    @Context
    UriInfo uris;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response submit(InputStream body) throws IOException {
        String json = BoundedBody.read(body, JobSubmission.MAX_BYTES, "submission");
        String submitter = Callers.actor(security, request).toString();
        JobService.Accepted accepted = submitOnce(JobSubmission.parse(json), submitter);
        Job job = accepted.job();
        Response.ResponseBuilder response = accepted.created() ? Response.accepted() : Response.ok();
        return response
                .location(uris.getBaseUriBuilder().path(JobsResource.class).path(job.getId()).build())
                .entity(JobRepresentation.accepted(job).toString())
                .build();
    }

    /**
     * Submits, and when a concurrent submission with the same idempotency key won the race to store its
     * job (the key's unique constraint refused ours), answers with that job.
     */
    private JobService.Accepted submitOnce(JobSubmission submission, String submitter) {
        try {
            return jobs.submit(submission, submitter);
        } catch (EJBException e) {
            if (submission.idempotencyKey() == null || !causedByConstraintViolation(e)) {
                throw e;
            }
            return jobs.submit(submission, submitter);
        }
    }

    private static boolean causedByConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException
                    || cause.getClass().getSimpleName().equals("ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        Job job = jobs.get(id);
        Response.ResponseBuilder response = Response.ok(JobRepresentation.full(job).toString());
        if (!job.getStatus().isTerminal()) {
            response.header("Retry-After", JobRepresentation.retryAfterSeconds(job));
        }
        return response.build();
    }

    /** Cancels a waiting job at once (200), or asks a running one to stop (202). */
    @DELETE
    @Path("/{id}")
    public Response cancel(@PathParam("id") String id) {
        Optional<Job> cancelled = jobs.cancel(id);
        if (cancelled.isEmpty()) {
            return Problem.response(Response.Status.CONFLICT, "Job '" + id + "' already ended "
                    + jobs.get(id).getStatus().wireName() + "; there is nothing to cancel.");
        }
        Job job = cancelled.get();
        Response.ResponseBuilder response = job.getStatus() == JobStatus.RUNNING ? Response.accepted() : Response.ok();
        return response.entity(JobRepresentation.full(job).toString()).build();
    }

    /**
     * The job's events as server-sent events: first those after {@code Last-Event-ID} (header, else query parameter
     * {@code lastEventId}), then each as it happens, until the job has ended and every event was sent.
     */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @HeaderParam(EventPositions.HEADER) String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        QueryParameters parameters = QueryParameters.of(uris, List.of(EventPositions.QUERY_PARAMETER));
        long after = EventPositions.after(lastEventId, parameters.get(EventPositions.QUERY_PARAMETER));
        jobs.get(id);
        streams.openJobStream(id, after, SseSink.open(sink, sse));
    }

    @GET
    @Path("/{id}/attempts")
    public String attempts(@PathParam("id") String id) {
        jobs.get(id);
        return JobRepresentation.attempts(store.attempts(id)).toString();
    }

    @GET
    @Path("/{id}/result")
    @Produces(MediaType.WILDCARD)
    public Response result(@PathParam("id") String id) {
        Job job = jobs.get(id);
        if (!job.getStatus().isTerminal()) {
            return Problem.builder(Response.Status.CONFLICT, "Job '" + id + "' is " + job.getStatus().wireName()
                            + "; its result exists once it has succeeded.")
                    .header("Retry-After", JobRepresentation.retryAfterSeconds(job))
                    .build();
        }
        JobOutput output = jobs.output(id).orElseThrow(() -> new NotFoundException(
                "Job '" + id + "' ended " + job.getStatus().wireName() + " without a result file."));
        return Response.ok(output.getContent(), output.getMediaType()).build();
    }
}
