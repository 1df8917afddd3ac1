package dev.handoff.admin;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;

/**
 * Runs bulk operations in the background, page by page through the dead letters they match, each job (a
 * replay) or page (a purge) in a transaction of its own. Replays are spaced out to the operation's rate, so
 * the workers are not flooded; purges go as fast as the database allows.
 */
@Stateless
public class BulkWorker {

    /** Dead letters read per page. */
    static final int PAGE = 100;

    @EJB
    DeadLetterSearch search;

    @EJB
    DeadLetterOperations operations;

    @EJB
    DeadLetterActions actions;

    @EJB
    BulkOperations bulk;

    /**
     * Runs the operation to its end.
     *
     * @param request the operation's request, narrowed to the dead letters that had failed when it started
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(String operationId, BulkRequest request, Actor actor) {
        BulkStatus end = runToEnd(operationId, request, actor);
        if (StopSignal.isStopping()) {
            // The operation's record stays running; read after the next start, it shows interrupted.
            AdminLogger.LOG.bulkOperationCutShort(operationId);
            return;
        }
        bulk.end(operationId, end);
    }

    private BulkStatus runToEnd(String operationId, BulkRequest request, Actor actor) {
        try {
            return request.action() == BulkOperation.Action.REPLAY ? replayAll(operationId, request, actor)
                    : purgeAll(operationId, request, actor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BulkStatus.INTERRUPTED;
        } catch (RuntimeException e) {
            if (!StopSignal.isStopping()) {
                AdminLogger.LOG.bulkOperationFailed(operationId, e);
            }
            return BulkStatus.FAILED;
        }
    }

    private BulkStatus replayAll(String operationId, BulkRequest request, Actor actor) throws InterruptedException {
        Throttle throttle = Throttle.perSecond(request.ratePerSecond());
        DeadLetterCursor cursor = null;
        do {
            DeadLetterPage page = search.page(request.filter(), cursor, PAGE);
            for (DeadLetterSummary dead : page.items()) {
                Instant turn = throttle.next();
                if (stopRequested(operationId)) {
                    return BulkStatus.STOPPED;
                }
                operations.replayInBulk(operationId, dead.id(), actor, turn);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return BulkStatus.COMPLETED;
    }

    private BulkStatus purgeAll(String operationId, BulkRequest request, Actor actor) {
        DeadLetterCursor cursor = null;
        do {
            if (stopRequested(operationId)) {
                return BulkStatus.STOPPED;
            }
            DeadLetterPage page = search.page(request.filter(), cursor, PAGE);
            if (!page.items().isEmpty()) {
                actions.purgeBatch(operationId, page.items(), actor);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return BulkStatus.COMPLETED;
    }

    /** Whether an operator asked the operation to stop, or the application is stopping. */
    private boolean stopRequested(String operationId) {
        return StopSignal.isStopping() || bulk.isStopRequested(operationId);
    }
}
