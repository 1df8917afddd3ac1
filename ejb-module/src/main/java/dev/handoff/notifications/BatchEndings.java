package dev.handoff.notifications;

import dev.handoff.jobs.JobEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;

/**
 * When a batch's job ends failed or cancelled, marks the batch's notifications not sent yet as failed, in the
 * transaction that ends the job: whatever ended it (a permanent failure, the last retry, a cancellation, a crash
 * on the last attempt), no notification is left {@code batched} for good.
 */
@ApplicationScoped
public class BatchEndings {

    @Inject
    NotificationBatches batches;

    @Inject
    NotificationStore notifications;

    void onJobEnded(@Observes JobEvent event) throws SQLException {
        if (!event.jobType().equals(NotificationBatchJob.TYPE)
                || (event.kind() != JobEvent.Kind.FAILED && event.kind() != JobEvent.Kind.CANCELLED)) {
            return;
        }
        Optional<NotificationBatch> batch = batches.byJob(event.jobId());
        if (batch.isEmpty()) {
            return;
        }
        String error = "Batch job " + event.jobId() + " ended " + event.kind().wireName()
                + (event.error() == null ? "" : ": " + event.error());
        int failed = notifications.failUnsent(batch.get().id(), error);
        NotificationsLogger.LOG.batchFailed(event.jobId(), batch.get().id(), event.kind().wireName(), failed);
    }
}
