package dev.handoff.admin;

import dev.handoff.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * The records of bulk operations: started, counted as they go, stopped on request, ended. Counters move by
 * update statements, so a stop request never races a counter.
 */
@Stateless
public class BulkOperations {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @EJB
    DeadLetterSearch search;

    @EJB
    Audit audit;

    /** Records a new operation, with how many dead letters it matches now, and audits its start. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public BulkOperation start(BulkRequest request, Actor actor) {
        Instant now = Instant.now();
        long matched = search.count(request.failedBefore(now).filter());
        BulkOperation operation = new BulkOperation(UUID.randomUUID().toString(), request, matched, actor, now);
        em.persist(operation);

        audit.record(AuditEntry.of(actor, request.action().audited(), AuditOutcome.STARTED, now)
                .operation(operation.getId())
                .filter(request.filter().toJson())
                .detail(matched + " dead letters match."));
        AdminLogger.LOG.bulkOperationStarted(operation.getId(), request.action().wireName(), actor, matched,
                request.filter().toJson().toString());
        return operation;
    }

    /**
     * The operation with this id.
     *
     * @throws NotFoundException when there is none
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BulkOperation find(String id) {
        BulkOperation operation = em.find(BulkOperation.class, id);
        if (operation == null) {
            throw new NotFoundException("No bulk operation with id '" + id + "'.");
        }
        return operation;
    }

    /** Asks a running operation to stop before its next job; one already ended stays as it is. */
    public BulkOperation requestStop(String id) {
        find(id);
        em.createQuery("update BulkOperation o set o.stopRequested = true where o.id = :id and o.status = :running")
                .setParameter("id", id)
                .setParameter("running", BulkStatus.RUNNING)
                .executeUpdate();
        em.clear();
        return find(id);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isStopRequested(String id) {
        return em.createQuery("select o.stopRequested from BulkOperation o where o.id = :id", Boolean.class)
                .setParameter("id", id)
                .getSingleResult();
    }

    /** Counts jobs done, in the transaction that did them. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void countDone(String id, long jobs) {
        count("done", id, jobs);
    }

    /** Counts jobs left alone, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void countSkipped(String id, long jobs) {
        count("skipped", id, jobs);
    }

    /** Audits and counts a job the operation left alone, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void skip(String id, String jobId, Actor actor, AuditAction action, String reason) {
        audit.record(AuditEntry.of(actor, action, AuditOutcome.REFUSED).job(jobId).operation(id).detail(reason));
        count("skipped", id, 1);
    }

    /** Ends the operation with the given status, and audits it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void end(String id, BulkStatus status) {
        Instant now = Instant.now();
        em.createQuery("update BulkOperation o set o.status = :status, o.finishedAt = :now where o.id = :id")
                .setParameter("status", status)
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
        BulkOperation ended = find(id);

        audit.record(AuditEntry.of(ended.getActor(), ended.getAction().audited(), status.auditOutcome(), now)
                .operation(id)
                .filter(ended.getFilter())
                .detail(ended.getDone() + " done, " + ended.getSkipped() + " skipped of " + ended.getMatched()
                        + " matched."));
        AdminLogger.LOG.bulkOperationEnded(id, ended.getAction().wireName(), status.wireName(), ended.getDone(),
                ended.getSkipped());
    }

    private void count(String counter, String id, long jobs) {
        if (jobs > 0) {
            em.createQuery("update BulkOperation o set o." + counter + " = o." + counter + " + :jobs where o.id = :id")
                    .setParameter("jobs", jobs)
                    .setParameter("id", id)
                    .executeUpdate();
        }
    }
}
