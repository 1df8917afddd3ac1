package dev.handoff.it.handlers;

import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;

/**
 * Test-only job type {@code test-recorded}: works for {@code millis} (default 0) in steps of 100 ms, then
 * records its completion in {@link Completions}, in the attempt's transaction.
 */
@ApplicationScoped
@JobType("test-recorded")
public class RecordedHandler implements JobHandler {

    @Inject
    Completions completions;

    @Override
    public JsonValue handle(JobContext job) throws Exception {
        completions.ensureTable();
        long millis = job.payload().getJsonNumber("millis") == null ? 0
                : job.payload().getJsonNumber("millis").longValue();
        for (long done = 0; done < millis; done += 100) {
            job.reportProgress((int) (done * 100 / millis));
            Thread.sleep(100);
        }
        completions.record(job.jobId(), job.attempt());
        return Json.createObjectBuilder().add("attempt", job.attempt()).build();
    }
}
