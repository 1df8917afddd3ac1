package dev.handoff.admin;

import dev.handoff.jobs.JobStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;

/** What a retention run did: how many jobs of each final status it purged, and the cutoffs it used. */
public record RetentionReport(Instant ranAt, Map<JobStatus, Long> purged, Map<JobStatus, Instant> cutoffs) {

    public long purged(JobStatus status) {
        return purged.getOrDefault(status, 0L);
    }

    /** {@code {"purged": {"succeeded": n, ...}, "endedBefore": {"succeeded": instant or null, ...}}} */
    public JsonObject toJson() {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        JsonObjectBuilder before = Json.createObjectBuilder();
        for (JobStatus status : Retention.PURGED) {
            counts.add(status.wireName(), purged(status));
            Instant cutoff = cutoffs.get(status);
            if (cutoff == null) {
                before.addNull(status.wireName());
            } else {
                before.add(status.wireName(), cutoff.toString());
            }
        }
        return Json.createObjectBuilder()
                .add("ranAt", ranAt.toString())
                .add("purged", counts)
                .add("endedBefore", before)
                .build();
    }
}
