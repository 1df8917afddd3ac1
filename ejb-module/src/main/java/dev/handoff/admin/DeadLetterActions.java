package dev.handoff.admin;

import dev.handoff.jobs.Job;
import dev.handoff.jobs.JobService;
import dev.handoff.jobs.JobStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Replays and purges dead letters, each in one transaction with its message in {@code handoff.jobs.dlq} and
 * its audit entry: all of it happens, or none.
 */
@Stateless
public class DeadLetterActions {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @EJB
    JobService jobs;

    @EJB
    DeadLetterSearch search;

    @EJB
    DeadLetterQueue queue;

    @EJB
    JobPurger purger;

    @EJB
    Audit audit;

    @EJB
    BulkOperations bulk;

    /**
     * Puts a dead letter back in the queue; see {@link JobService#replay}.
     *
     * @param operationId the bulk operation it is part of, or {@code null}
     * @param now when the replay happens; the job may start from then on
     */
    public Job replay(String id, JsonObject correctedPayload, Actor actor, String operationId, Instant now) {
        Instant failedAt = search.deadLetter(id).getFinishedAt();
        Job queued = jobs.replay(id, correctedPayload, now);
        flush(id);

        queue.remove(List.of(id), failedAt);
        String correction = correctedPayload == null ? "" : " with a corrected payload";
        audit.record(AuditEntry.of(actor, AuditAction.REPLAY, AuditOutcome.SUCCEEDED, now).job(id)
                .operation(operationId)
                .detail("Queued again" + correction + "; attempts " + queued.getAttempts() + " used, up to "
                        + queued.getMaxAttempts() + " allowed."));
        if (operationId != null) {
            bulk.countDone(operationId, 1);
        }
        AdminLogger.LOG.deadLetterReplayed(id, queued.getType(), queued.getAttempts(), queued.getMaxAttempts(), actor,
                correction);
        return queued;
    }

    /** Deletes a dead letter with its attempts, outputs and message. */
    public void purge(String id, Actor actor) {
        Job dead = search.deadLetter(id);
        if (purger.delete(List.of(id), Set.of(JobStatus.FAILED)).isEmpty()) {
            throw changedMeanwhile(id);
        }

        queue.remove(List.of(id), dead.getFinishedAt());
        audit.record(AuditEntry.of(actor, AuditAction.PURGE, AuditOutcome.SUCCEEDED).job(id)
                .detail("Deleted with its attempts, outputs and dead-letter message."));
        AdminLogger.LOG.deadLetterPurged(id, dead.getType(), dead.getAttempts(), dead.getMaxAttempts(), actor);
    }

    /**
     * Purges a batch of a bulk operation in a transaction of its own. Jobs no longer failed are left alone and
     * counted as skipped.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void purgeBatch(String operationId, List<DeadLetterSummary> batch, Actor actor) {
        List<String> purged = purger.delete(batch.stream().map(DeadLetterSummary::id).toList(),
                Set.of(JobStatus.FAILED));

        batch.stream().map(DeadLetterSummary::failedAt).max(Comparator.naturalOrder())
                .ifPresent(latest -> queue.remove(purged, latest));
        for (DeadLetterSummary dead : batch) {
            if (purged.contains(dead.id())) {
                audit.record(AuditEntry.of(actor, AuditAction.PURGE, AuditOutcome.SUCCEEDED).job(dead.id())
                        .operation(operationId)
                        .detail("Deleted with its attempts, outputs and dead-letter message."));
                AdminLogger.LOG.deadLetterPurged(dead.id(), dead.type(), dead.attempts(), dead.maxAttempts(),
                        actor);
            }
        }
        bulk.countDone(operationId, purged.size());
        bulk.countSkipped(operationId, batch.size() - purged.size());
    }

    private void flush(String id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(id);
        }
    }

    private static NotADeadLetterException changedMeanwhile(String id) {
        return new NotADeadLetterException("Job '" + id + "' changed while this request ran; look at it again.");
    }
}
