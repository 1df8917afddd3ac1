package dev.handoff.it.handlers;

import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;

/**
 * Test-only job type {@code test-slow}: works for {@code millis} (default 3,000) in steps of 100 ms,
 * reporting progress, and gives up when asked to cancel.
 */
@ApplicationScoped
@JobType("test-slow")
public class SlowHandler implements JobHandler {

    @Override
    public JsonValue handle(JobContext job) throws InterruptedException {
        long millis = job.payload().getJsonNumber("millis") == null ? 3_000
                : job.payload().getJsonNumber("millis").longValue();
        for (long done = 0; done < millis; done += 100) {
            if (job.isCancellationRequested()) {
                throw JobFailedException.permanent("stopped on request after " + done + " ms");
            }
            job.reportProgress((int) (done * 100 / millis));
            Thread.sleep(100);
        }
        return Json.createObjectBuilder().add("attempt", job.attempt()).build();
    }
}
