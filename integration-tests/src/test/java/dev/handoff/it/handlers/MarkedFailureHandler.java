package dev.handoff.it.handlers;

import dev.handoff.jobs.spi.InvalidPayloadException;
import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Test-only job type {@code test-marked}: fails with an error that carries the payload's {@code marker}, so a
 * test can find its own dead letters among those other tests left.
 *
 * <p>Payload: {@code marker} (required, a string; a payload without one is refused), {@code fail} (default
 * true), {@code unexpected} (fail with an {@link IllegalArgumentException} rather than a permanent
 * {@link JobFailedException}; submit with {@code retry.maxAttempts} 1 to fail at once).
 */
@ApplicationScoped
@JobType("test-marked")
public class MarkedFailureHandler implements JobHandler {

    @Override
    public void validate(JsonObject payload) throws InvalidPayloadException {
        if (!(payload.get("marker") instanceof JsonString)) {
            throw new InvalidPayloadException("\"marker\" is required and must be a string.");
        }
    }

    @Override
    public JsonValue handle(JobContext job) {
        JsonObject payload = job.payload();
        String marker = payload.getString("marker");
        if (!payload.getBoolean("fail", true)) {
            return Json.createObjectBuilder().add("marker", marker).add("attempt", job.attempt()).build();
        }
        if (payload.getBoolean("unexpected", false)) {
            throw new IllegalArgumentException("marked failure " + marker);
        }
        throw JobFailedException.permanent("marked failure " + marker);
    }
}
