package dev.handoff.web;

import dev.handoff.events.EventStreams;
import dev.handoff.jobs.JobStatus;
import dev.handoff.jobs.JobStore;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** How many jobs stand where, and how many event streams this node has open: {@code GET /api/stats}. */
@RequestScoped
@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @EJB
    JobStore store;

    @Inject
    EventStreams streams;

    @GET
    public String stats() {
        JsonObjectBuilder jobs = Json.createObjectBuilder();
        for (Map.Entry<JobStatus, Long> count : store.countByStatus().entrySet()) {
            jobs.add(count.getKey().wireName(), count.getValue());
        }
        return Json.createObjectBuilder()
                .add("jobs", jobs)
                .add("eventStreams", Json.createObjectBuilder().add("open", streams.openCount()))
                .build()
                .toString();
    }
}
