package dev.handoff.it.handlers;

import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Test-only job type {@code test-flaky}, deployed with the tests: fails on demand.
 *
 * <p>Payload: {@code failAttempts} (the first n attempts fail with a retryable error, default 0),
 * {@code failPermanently} (every attempt fails with a permanent error).
 */
@ApplicationScoped
@JobType("test-flaky")
public class FlakyHandler implements JobHandler {

    @Override
    public JsonValue handle(JobContext job) {
        JsonObject payload = job.payload();
        if (payload.getBoolean("failPermanently", false)) {
            throw JobFailedException.permanent("refused for good on attempt " + job.attempt());
        }
        if (job.attempt() <= payload.getInt("failAttempts", 0)) {
            throw new IllegalStateException("planned failure of attempt " + job.attempt());
        }
        return Json.createObjectBuilder().add("succeededOnAttempt", job.attempt()).build();
    }
}
