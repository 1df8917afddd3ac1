package dev.handoff.jobs;

import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

/**
 * Job type {@code noop}: does nothing and succeeds. Measures what the engine itself costs per job, and
 * checks that a deployment is alive.
 */
@ApplicationScoped
@JobType("noop")
public class NoopHandler implements JobHandler {

    @Override
    public JsonValue handle(JobContext job) {
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
