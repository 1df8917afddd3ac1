package dev.handoff.web;

import dev.handoff.NotFoundException;
import dev.handoff.jobs.Job;
import dev.handoff.jobs.JobOutput;
import dev.handoff.jobs.JobService;
import dev.handoff.jobs.JobStatus;
import dev.handoff.jobs.JobStore;
import dev.handoff.jobs.JobSubmission;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLIntegrityConstraintViolationException;

/** Submitting jobs and following them: {@code /api/jobs}. */
@RequestScoped
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @EJB
    JobService jobs;

    @EJB
    JobStore store;

    @Context
    UriInfo uris;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response submit(InputStream body) throws IOException {
        String json = BoundedBody.read(body, JobSubmission.MAX_BYTES, "submission");
        JobService.Accepted accepted = submitOnce(JobSubmission.parse(json));
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
    private JobService.Accepted submitOnce(JobSubmission submission) {
        try {
            return jobs.submit(submission);
        } catch (EJBException e) {
            if (submission.idempotencyKey() == null || !causedByConstraintViolation(e)) {
                throw e;
            }
            return jobs.submit(submission);
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
        JobStatus before = jobs.get(id).getStatus();
        if (before.isTerminal()) {
            return Problem.response(Response.Status.CONFLICT,
                    "Job '" + id + "' already ended " + before.wireName() + "; there is nothing to cancel.");
        }
        Job job = jobs.cancel(id);
        Response.ResponseBuilder response = job.getStatus() == JobStatus.RUNNING ? Response.accepted() : Response.ok();
        return response.entity(JobRepresentation.full(job).toString()).build();
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
