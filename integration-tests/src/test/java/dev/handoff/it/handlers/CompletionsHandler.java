package dev.handoff.it.handlers;

import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/**
 * Test-only job type {@code test-completions}: its result is the ledger of {@link Completions},
 * {@code {jobId: runs}}, so a test can see from outside how often each {@code test-recorded} job completed.
 */
@ApplicationScoped
@JobType("test-completions")
public class CompletionsHandler implements JobHandler {

    @Inject
    Completions completions;

    @Override
    public JsonValue handle(JobContext job) throws Exception {
        completions.ensureTable();
        return completions.countsByJob();
    }
}
