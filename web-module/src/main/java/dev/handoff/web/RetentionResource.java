package dev.handoff.web;

import dev.handoff.admin.Retention;
import dev.handoff.admin.RetentionPolicy;
import dev.handoff.admin.RetentionSchedule;
import dev.handoff.jobs.JobStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/** Retention of finished jobs: its settings, and running it now with ages of the caller's choosing. */
@RequestScoped
@Path("/admin/retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private static final List<String> RUN_PARAMETERS = List.of("succeededOlderThan", "failedOlderThan");

    @EJB
    Retention retention;

    @EJB
    RetentionSchedule schedule;

    @Context
    UriInfo uris;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    /** The configured ages, per final status ({@code null}: kept for good), and when the timer runs next. */
    @GET
    public String settings() {
        RetentionPolicy policy = RetentionPolicy.configured();
        JsonObjectBuilder ages = Json.createObjectBuilder();
        for (JobStatus status : List.of(JobStatus.SUCCEEDED, JobStatus.CANCELLED, JobStatus.FAILED)) {
            ages.add(status.wireName(), nullable(policy.age(status)));
        }
        return Json.createObjectBuilder()
                .add("keep", ages)
                .add("nextRunAt", nullable(schedule.nextRun()))
                .build()
                .toString();
    }

    /** Runs retention now and answers what it purged; the ages given replace the configured ones for this run. */
    @POST
    @Path("/run")
    public String run() {
        QueryParameters parameters = QueryParameters.of(uris, RUN_PARAMETERS);
        RetentionPolicy policy = RetentionPolicy.configuredOr(parameters.get("succeededOlderThan"),
                parameters.get("failedOlderThan"));
        return retention.run(policy, Callers.actor(security, request)).toJson().toString();
    }

    private static JsonValue nullable(Optional<?> value) {
        return value.<JsonValue>map(present -> Json.createValue(present.toString())).orElse(JsonValue.NULL);
    }
}
