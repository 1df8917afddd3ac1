package dev.handoff.it.handlers;

import dev.handoff.jobs.JobService;
import dev.handoff.jobs.JobSubmission;
import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;

/**
 * Test-only job type {@code test-child}: submits a {@code noop} job through the Java API, in its own
 * transaction, then fails for good when {@code fail} is true, rolling that transaction back.
 */
@ApplicationScoped
@JobType("test-child")
public class ChildJobHandler implements JobHandler {

    @EJB
    JobService jobs;

    @Override
    public JsonValue handle(JobContext job) {
        String child = jobs.submit(JobSubmission.parse("{\"type\": \"noop\"}")).job().getId();
        if (job.payload().getBoolean("fail", false)) {
            throw JobFailedException.permanent("failing after submitting child " + child);
        }
        return Json.createObjectBuilder().add("child", child).build();
    }
}
