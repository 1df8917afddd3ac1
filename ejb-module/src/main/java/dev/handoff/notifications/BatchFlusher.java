package dev.handoff.notifications;

import dev.handoff.jobs.JobService;
import dev.handoff.jobs.JobSubmission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Hands waiting email notifications to a batch when one is due: as soon as a full batch waits, or when the oldest
 * has waited the longest it may. Each batch is formed in a transaction of its own, together with the job that
 * will send it, so a batch exists with its job or not at all.
 */
@Stateless
public class BatchFlusher {

    @Inject
    NotificationStore notifications;

    @Inject
    NotificationBatches batches;

    @EJB
    JobService jobs;

    /** Forms one batch if one is due now; whether it did. */
    public boolean flushOne(Instant now) {
        try {
            return flushIfDue(now);
        } catch (SQLException e) {
            throw new StoreFailedException("Forming a notification batch", e);
        }
    }

    private boolean flushIfDue(Instant now) throws SQLException {
        NotificationStore.Waiting waiting = notifications.waiting();
        int batchSize = NotificationsConfig.batchSize();
        if (!isDue(waiting, batchSize, Duration.ofMillis(NotificationsConfig.maxWaitMillis()), now)) {
            return false;
        }
        String batchId = UUID.randomUUID().toString();
        int size = notifications.claim(batchId, batchSize);
        if (size == 0) {
            return false;
        }
        String jobId = jobs.submitOwn(submission(batchId)).job().getId();
        batches.insert(new NotificationBatch(batchId, jobId, size, null, now));
        NotificationsLogger.LOG.batchFlushed(batchId, size, jobId);
        return true;
    }

    static boolean isDue(NotificationStore.Waiting waiting, int batchSize, Duration maxWait, Instant now) {
        if (waiting.count() == 0) {
            return false;
        }
        return waiting.count() >= batchSize || !waiting.oldest().plus(maxWait).isAfter(now);
    }

    private static JobSubmission submission(String batchId) {
        return new JobSubmission(NotificationBatchJob.TYPE,
                Json.createObjectBuilder().add(NotificationBatchJob.BATCH_ID, batchId).build(),
                JobSubmission.DEFAULT_PRIORITY, 0, null, null, null);
    }
}
