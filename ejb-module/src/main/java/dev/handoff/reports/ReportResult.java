package dev.handoff.reports;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The counts a finished report returns as its job's result; the table itself is the job's CSV output. */
record ReportResult(long rows, long groups, long skipped) {

    JsonObject toJson(String jobId) {
        return Json.createObjectBuilder()
                .add("rows", rows)
                .add("groups", groups)
                .add("skipped", skipped)
                .add("resultUrl", "/api/jobs/" + jobId + "/result")
                .build();
    }
}
