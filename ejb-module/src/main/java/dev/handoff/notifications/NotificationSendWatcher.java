package dev.handoff.notifications;

import dev.handoff.jobs.spi.JobContext;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/** Waits for a batch execution to end, reporting the share of the batch done meanwhile. */
@ApplicationScoped
public class NotificationSendWatcher {

    static final long POLL_MILLIS = 100;
    private static final Set<BatchStatus> ENDED = EnumSet.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
            BatchStatus.STOPPED, BatchStatus.ABANDONED);

    @Inject
    NotificationStore notifications;

    JobExecution awaitEnd(long executionId, NotificationBatch batch, JobContext job)
            throws InterruptedException, SQLException {
        JobOperator operator = BatchRuntime.getJobOperator();
        int reported = -1;
        boolean stopping = false;
        JobExecution execution = operator.getJobExecution(executionId);
        while (!ENDED.contains(execution.getBatchStatus())) {
            int percent = percentDone(batch);
            if (percent > reported) {
                job.reportProgress(percent);
                reported = percent;
            }
            if (!stopping && job.isCancellationRequested()) {
                operator.stop(executionId);
                stopping = true;
            }
            Thread.sleep(POLL_MILLIS);
            execution = operator.getJobExecution(executionId);
        }
        return execution;
    }

    private int percentDone(NotificationBatch batch) throws SQLException {
        NotificationStore.BatchCounts counts = notifications.counts(batch.id());
        long done = counts.sent() + counts.skipped() + counts.failed();
        return batch.size() == 0 ? 99 : (int) Math.min(99, done * 100 / batch.size());
    }
}
