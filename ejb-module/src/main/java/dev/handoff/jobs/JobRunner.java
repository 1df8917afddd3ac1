package dev.handoff.jobs;

import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobHandler;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.StringReader;
import java.time.Instant;

/**
 * Runs one attempt of a job in a transaction of its own, which also records the success: the handler's
 * work and the {@code succeeded} status commit together or not at all.
 */
@Stateless
public class JobRunner {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @Inject
    JobHandlers handlers;

    @EJB
    JobStore store;

    @Resource
    SessionContext session;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Runs the attempt. Never throws for a handler's failure: it rolls its transaction back and says
     * how the attempt failed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AttemptOutcome run(String jobId) {
        Job job = em.find(Job.class, jobId);
        try {
            JobHandler handler = handlers.find(job.getType()).orElseThrow(() -> new IllegalStateException(
                    "No handler for job type '" + job.getType() + "' in this deployment"));
            JsonValue result = handler.handle(new Context(job));
            if (transactions.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK) {
                // Returning would roll back silently: the success could not be recorded.
                throw new IllegalStateException("The attempt's transaction was marked for rollback by the handler"
                        + " or something it called, so its work was rolled back");
            }
            job.succeed(result == null ? null : result.toString(), Instant.now());
            store.endAttempt(job, JobAttempt.Outcome.SUCCEEDED, null);
            return AttemptOutcome.success();
        } catch (Exception e) {
            session.setRollbackOnly();
            return AttemptOutcome.failure(e);
        }
    }

    /** The handler's view of the job, a snapshot taken when the attempt started. */
    private final class Context implements JobContext {

        private final String id;
        private final String type;
        private final JsonObject payload;
        private final int attempt;
        private final int maxAttempts;

        Context(Job job) {
            this.id = job.getId();
            this.type = job.getType();
            this.payload = Json.createReader(new StringReader(job.getPayload())).readObject();
            this.attempt = job.getAttempts();
            this.maxAttempts = job.getMaxAttempts();
        }

        @Override
        public String jobId() {
            return id;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public JsonObject payload() {
            return payload;
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public int maxAttempts() {
            return maxAttempts;
        }

        @Override
        public void reportProgress(int percent) {
            store.recordProgress(id, percent);
        }

        @Override
        public boolean isCancellationRequested() {
            return store.isCancelRequested(id);
        }
    }
}
