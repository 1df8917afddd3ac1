package dev.handoff.jobs;

import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobHandler;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs one attempt of a job in a transaction of its own, which also records the success: the handler's
 * work and the {@code succeeded} status commit together or not at all. The transaction times out after
 * the job type's attempt timeout; an attempt still running then cannot commit, and fails as timed out.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class JobRunner {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @Inject
    JobHandlers handlers;

    @EJB
    JobStore store;

    @Inject
    Event<JobEvent> events;

    @Resource
    UserTransaction transaction;

    /**
     * Runs the attempt. Never throws for a handler's failure: it rolls its transaction back and says
     * how the attempt failed.
     */
    public AttemptOutcome run(String jobId, Duration timeout) {
        Instant started = Instant.now();
        try {
            transaction.setTransactionTimeout((int) Math.max(1, timeout.toSeconds()));
            transaction.begin();
            attempt(em.find(Job.class, jobId));
            transaction.commit();
            return AttemptOutcome.success();
        } catch (Exception e) {
            rollback();
            return AttemptOutcome.failure(timedOut(started, timeout) ? new AttemptTimedOutException(timeout, e) : e);
        } finally {
            resetTimeout();
        }
    }

    private void attempt(Job job) throws Exception {
        JobHandler handler = handlers.find(job.getType()).orElseThrow(() -> new IllegalStateException(
                "No handler for job type '" + job.getType() + "' in this deployment"));
        JsonValue result = handler.handle(new Context(job));
        if (transaction.getStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("The attempt's transaction was marked for rollback by the handler"
                    + " or something it called, so its work was rolled back");
        }
        Instant now = Instant.now();
        job.succeed(result == null ? null : result.toString(), now);
        store.endAttempt(job, JobAttempt.Outcome.SUCCEEDED, null);
        events.fire(JobEvent.of(job, JobEvent.Kind.SUCCEEDED, now));
    }

    private static boolean timedOut(Instant started, Duration timeout) {
        return Duration.between(started, Instant.now()).compareTo(timeout) >= 0;
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            JobsLogger.LOG.debugf(e, "Rolling back an attempt's transaction failed; it ends with the thread");
        }
    }

    private void resetTimeout() {
        try {
            transaction.setTransactionTimeout(0);
        } catch (Exception e) {
            JobsLogger.LOG.debugf(e, "Resetting the transaction timeout failed");
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
