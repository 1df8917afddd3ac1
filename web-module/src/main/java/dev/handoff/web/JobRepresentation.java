package dev.handoff.web;

import dev.handoff.jobs.Job;
import dev.handoff.jobs.JobAttempt;
import dev.handoff.jobs.JobStatus;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A job as the API shows it. */
final class JobRepresentation {

    /** How long a poller should wait before asking again about a job that is queued or running. */
    static final long POLL_SECONDS = 1;

    private JobRepresentation() {
    }

    static String statusUrl(Job job) {
        return "/api/jobs/" + job.getId();
    }

    /** The answer to a submission. */
    static JsonObject accepted(Job job) {
        return Json.createObjectBuilder()
                .add("id", job.getId())
                .add("status", job.getStatus().wireName())
                .add("statusUrl", statusUrl(job))
                .build();
    }

    static JsonObject full(Job job) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", job.getId())
                .add("type", job.getType())
                .add("status", job.getStatus().wireName())
                .add("priority", job.getPriority())
                .add("progress", job.getProgress())
                .add("attempts", job.getAttempts())
                .add("maxAttempts", job.getMaxAttempts())
                .add("result", result(job))
                .add("error", nullable(job.getError()))
                .add("createdAt", job.getCreatedAt().toString())
                .add("runAt", job.getRunAt().toString())
                .add("startedAt", nullable(job.getStartedAt()))
                .add("finishedAt", nullable(job.getFinishedAt()));
        if (job.getIdempotencyKey() != null) {
            json.add("idempotencyKey", job.getIdempotencyKey());
        }
        if (job.getCallbackUrl() != null) {
            json.add("callbackUrl", job.getCallbackUrl());
        }
        if (job.getStatus() == JobStatus.RETRYING) {
            json.add("nextAttemptAt", job.getRunAt().toString());
        }
        if (job.isCancelRequested()) {
            json.add("cancelRequested", true);
        }
        return json.add("retry", job.getRetries().toJson()).build();
    }

    static JsonArray attempts(List<JobAttempt> attempts) {
        JsonArrayBuilder json = Json.createArrayBuilder();
        for (JobAttempt attempt : attempts) {
            json.add(Json.createObjectBuilder()
                    .add("attempt", attempt.getAttempt())
                    .add("worker", attempt.getWorker())
                    .add("startedAt", attempt.getStartedAt().toString())
                    .add("endedAt", nullable(attempt.getEndedAt()))
                    .add("outcome", nullable(attempt.getOutcome()))
                    .add("error", nullable(attempt.getError())));
        }
        return json.build();
    }

    /** Seconds until the job is worth asking about again: its start time when scheduled, else a short poll. */
    static long retryAfterSeconds(Job job) {
        if (job.getStatus() == JobStatus.SCHEDULED || job.getStatus() == JobStatus.RETRYING) {
            long untilStart = (Duration.between(Instant.now(), job.getRunAt()).toMillis() + 999) / 1000;
            return Math.max(POLL_SECONDS, untilStart);
        }
        return POLL_SECONDS;
    }

    private static JsonValue result(Job job) {
        if (job.getResult() == null) {
            return JsonValue.NULL;
        }
        return Json.createReader(new StringReader(job.getResult())).readValue();
    }

    /** The value as a JSON string, or JSON null. */
    static JsonValue nullable(Object value) {
        return value == null ? JsonValue.NULL : Json.createValue(value.toString());
    }
}
