package dev.handoff.web;

import dev.handoff.admin.Actor;
import dev.handoff.admin.BulkOperation;
import dev.handoff.admin.DeadLetterFilter;
import dev.handoff.admin.DeadLetterPage;
import dev.handoff.admin.DeadLetterSummary;
import dev.handoff.jobs.Job;
import dev.handoff.jobs.JobAttempt;
import dev.handoff.jobs.JobStatus;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** Dead letters and bulk operations as the API shows them. */
final class DeadLetterRepresentation {

    private DeadLetterRepresentation() {
    }

    static String url(String jobId) {
        return "/api/dead-letters/" + jobId;
    }

    static String operationUrl(BulkOperation operation) {
        return "/api/dead-letters/operations/" + operation.getId();
    }

    static JsonObject page(long total, DeadLetterPage page) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(item -> items.add(summary(item)));
        return Json.createObjectBuilder()
                .add("total", total)
                .add("items", items)
                .add("nextCursor", page.nextCursor() == null ? JsonValue.NULL
                        : Json.createValue(page.nextCursor().encode()))
                .build();
    }

    /** The job with its payload and every attempt. */
    static JsonObject detail(Job job, List<JobAttempt> attempts) {
        return Json.createObjectBuilder(JobRepresentation.full(job))
                .add("queue", DeadLetterFilter.QUEUE)
                .add("payload", Json.createReader(new StringReader(job.getPayload())).readObject())
                .add("attemptHistory", JobRepresentation.attempts(attempts))
                .build();
    }

    static JsonObject operation(BulkOperation operation) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", operation.getId())
                .add("action", operation.getAction().wireName())
                .add("status", operation.getStatus().wireName())
                .add("filter", operation.getFilter())
                .add("matched", operation.getMatched())
                .add("done", operation.getDone())
                .add("skipped", operation.getSkipped())
                .add("requestedBy", actor(operation.getActor()))
                .add("createdAt", operation.getCreatedAt().toString())
                .add("finishedAt", operation.getFinishedAt() == null ? JsonValue.NULL
                        : Json.createValue(operation.getFinishedAt().toString()))
                .add("statusUrl", operationUrl(operation));
        if (operation.getRatePerSecond() != null) {
            json.add("ratePerSecond", operation.getRatePerSecond());
        }
        if (operation.isStopRequested()) {
            json.add("stopRequested", true);
        }
        return json.build();
    }

    static JsonObject actor(Actor actor) {
        return Json.createObjectBuilder().add("kind", actor.kind().wireName()).add("name", actor.name()).build();
    }

    private static JsonObject summary(DeadLetterSummary dead) {
        return Json.createObjectBuilder()
                .add("id", dead.id())
                .add("queue", DeadLetterFilter.QUEUE)
                .add("type", dead.type())
                .add("status", JobStatus.FAILED.wireName())
                .add("attempts", dead.attempts())
                .add("maxAttempts", dead.maxAttempts())
                .add("error", dead.error() == null ? JsonValue.NULL : Json.createValue(dead.error()))
                .add("createdAt", dead.createdAt().toString())
                .add("failedAt", dead.failedAt().toString())
                .add("url", url(dead.id()))
                .build();
    }
}
