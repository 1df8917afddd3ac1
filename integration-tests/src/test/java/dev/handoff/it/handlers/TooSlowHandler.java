package dev.handoff.it.handlers;

import dev.handoff.jobs.spi.AttemptTimeout;
import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;

/** Test-only job type {@code test-too-slow}: its first attempt outlasts the type's 1 s timeout, later ones do not. */
@ApplicationScoped
@JobType("test-too-slow")
@AttemptTimeout(seconds = 1)
public class TooSlowHandler implements JobHandler {

    @Override
    public JsonValue handle(JobContext job) throws InterruptedException {
        if (job.attempt() == 1) {
            Thread.sleep(2_500);
        }
        return Json.createObjectBuilder().add("attempt", job.attempt()).build();
    }
}
