package dev.handoff.it.handlers;

import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Test-only job type {@code test-rollback-only}: dooms its transaction, as a failed JPA flush would, and
 * returns as if all went well.
 */
@ApplicationScoped
@JobType("test-rollback-only")
public class RollbackOnlyHandler implements JobHandler {

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public JsonValue handle(JobContext job) {
        transactions.setRollbackOnly();
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
