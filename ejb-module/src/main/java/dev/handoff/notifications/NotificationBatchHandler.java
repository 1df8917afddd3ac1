package dev.handoff.notifications;

import dev.handoff.jobs.OwnJobType;
import dev.handoff.jobs.spi.AttemptTimeout;
import dev.handoff.jobs.spi.InvalidPayloadException;
import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import dev.handoff.jobs.spi.RetryPolicy;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;

/**
 * The {@code notification-batch} job type: sends one batch of email notifications through the batch job
 * {@code notification-send}. The batch collector submits these jobs; payload {@code {"batchId": "..."}}.
 *
 * <p>Result: {@code {"batchId", "size", "sent", "skipped", "failed"}}. An attempt whose batch execution failed
 * (the SMTP server unreachable, say) fails retryably: the next one, after the backoff, restarts the execution from
 * its checkpoint, and sends only what is not sent yet. A batch whose skips pass the skip limit fails for good.
 */
@ApplicationScoped
@OwnJobType
@JobType(NotificationBatchJob.TYPE)
@RetryPolicy(maxAttempts = 8, delayMillis = 1_000, maxDelayMillis = 60_000)
@AttemptTimeout(seconds = 1800)
public class NotificationBatchHandler implements JobHandler {

    @Inject
    NotificationBatches batches;

    @Inject
    NotificationStore notifications;

    @Inject
    NotificationSendLauncher launcher;

    @Inject
    NotificationSendWatcher watcher;

    @Override
    public void validate(JsonObject payload) throws InvalidPayloadException {
        if (!(payload.get(NotificationBatchJob.BATCH_ID) instanceof JsonString)) {
            throw new InvalidPayloadException("\"" + NotificationBatchJob.BATCH_ID + "\" is required: the id of a"
                    + " notification batch.");
        }
    }

    /** Runs without a transaction: it waits for a batch execution that commits chunk by chunk. */
    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public JsonValue handle(JobContext job) throws Exception {
        String batchId = job.payload().getString(NotificationBatchJob.BATCH_ID);
        NotificationBatch batch = batches.find(batchId).orElseThrow(() -> JobFailedException.permanent(
                "There is no notification batch '" + batchId + "'."));
        if (notifications.counts(batchId).unsent() == 0) {
            return result(batch);
        }

        long executionId = launcher.launch(job, batch);
        JobExecution ended = watcher.awaitEnd(executionId, batch, job);
        if (ended.getBatchStatus() == BatchStatus.COMPLETED) {
            return result(batch);
        }
        if (ended.getBatchStatus() == BatchStatus.STOPPED && job.isCancellationRequested()) {
            throw JobFailedException.permanent("Cancelled on request; batch execution " + executionId
                    + " stopped at its next checkpoint");
        }
        throw SendFailure.toException(ended);
    }

    private JsonValue result(NotificationBatch batch) throws SQLException {
        NotificationStore.BatchCounts counts = notifications.counts(batch.id());
        return Json.createObjectBuilder()
                .add("batchId", batch.id())
                .add("size", batch.size())
                .add("sent", counts.sent())
                .add("skipped", counts.skipped())
                .add("failed", counts.failed())
                .build();
    }
}
