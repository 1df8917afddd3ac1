package dev.handoff.admin;

import dev.handoff.InvalidRequestException;
import dev.handoff.NotFoundException;
import dev.handoff.jobs.Job;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;

/**
 * What operators do to dead letters: replay or purge one, or start a bulk operation. Every request is audited,
 * a refused one too: its audit entry is written on its own while the refused work rolls back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetterOperations {

    @EJB
    DeadLetterActions actions;

    @EJB
    Audit audit;

    @EJB
    BulkOperations bulk;

    @EJB
    BulkWorker worker;

    /**
     * Replays one dead letter.
     *
     * @throws NotFoundException when there is no such job
     * @throws NotADeadLetterException when the job has not failed
     * @throws InvalidRequestException when its type is gone or its handler refuses the payload
     */
    public Job replay(String id, ReplayRequest request, Actor actor) {
        try {
            return actions.replay(id, request.correctedPayload(), actor, null, Instant.now());
        } catch (InvalidRequestException | NotFoundException | NotADeadLetterException e) {
            audit.recordAlone(AuditEntry.of(actor, AuditAction.REPLAY, AuditOutcome.REFUSED).job(id)
                    .detail(e.getMessage()));
            throw e;
        }
    }

    /**
     * Purges one dead letter.
     *
     * @throws NotFoundException when there is no such job
     * @throws NotADeadLetterException when the job has not failed
     */
    public void purge(String id, Actor actor) {
        try {
            actions.purge(id, actor);
        } catch (NotFoundException | NotADeadLetterException e) {
            audit.recordAlone(AuditEntry.of(actor, AuditAction.PURGE, AuditOutcome.REFUSED).job(id)
                    .detail(e.getMessage()));
            throw e;
        }
    }

    /** Starts a bulk operation in the background; it takes the dead letters that have failed by now. */
    public BulkOperation start(BulkRequest request, Actor actor) {
        BulkOperation operation = bulk.start(request, actor);
        worker.run(operation.getId(), request.failedBefore(operation.getCreatedAt()), actor);
        return operation;
    }

    /** One replay of a bulk operation. A job it cannot replay is audited and counted as skipped, never thrown. */
    public void replayInBulk(String operationId, String id, Actor actor, Instant turn) {
        try {
            actions.replay(id, null, actor, operationId, turn);
        } catch (InvalidRequestException | NotFoundException | NotADeadLetterException e) {
            bulk.skip(operationId, id, actor, AuditAction.REPLAY, e.getMessage());
        } catch (EJBException e) {
            AdminLogger.LOG.bulkOperationSkippedJob(id, operationId, String.valueOf(e.getCause()));
            bulk.skip(operationId, id, actor, AuditAction.REPLAY, "Failed unexpectedly; the server log says why.");
        }
    }
}
