package dev.handoff.notifications;

import dev.handoff.jobs.spi.JobContext;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Gives an attempt the batch execution to follow: it restarts the one an earlier attempt left failed or stopped
 * (a crash leaves it so, see {@code InterruptedExecutions}), from its checkpoint; follows one still running here;
 * and starts a new one when there is none. Any of them reads only the batch's notifications not sent yet.
 */
@ApplicationScoped
public class NotificationSendLauncher {

    @Inject
    NotificationBatches batches;

    long launch(JobContext job, NotificationBatch batch) throws SQLException {
        if (batch.executionId() == null) {
            return start(job, batch);
        }
        long previous = batch.executionId();
        Optional<BatchStatus> known = statusOfOwnExecution(batch.id(), previous);
        if (known.isEmpty() || known.get() == BatchStatus.COMPLETED || known.get() == BatchStatus.ABANDONED) {
            return start(job, batch);
        }
        try {
            long executionId = operator().restart(previous, parameters(job.jobId(), batch.id()));
            batches.recordExecution(batch.id(), executionId);
            NotificationsLogger.LOG.restarted(job.jobId(), job.attempt(), job.maxAttempts(), previous, executionId);
            return executionId;
        } catch (JobRestartException e) {
            // Still running in this server (an attempt that timed out left it): follow it to its end.
            return previous;
        } catch (JobExecutionNotMostRecentException e) {
            return start(job, batch);
        }
    }

    static Properties parameters(String jobId, String batchId) {
        Properties parameters = new Properties();
        parameters.setProperty(NotificationSendJob.JOB_ID, jobId);
        parameters.setProperty(NotificationSendJob.BATCH_ID, batchId);
        parameters.setProperty(NotificationSendJob.CHUNK_SIZE, Integer.toString(NotificationsConfig.chunkSize()));
        parameters.setProperty(NotificationSendJob.SKIP_LIMIT, Integer.toString(NotificationsConfig.skipLimit()));
        return parameters;
    }

    private long start(JobContext job, NotificationBatch batch) throws SQLException {
        long executionId = operator().start(NotificationSendJob.NAME, parameters(job.jobId(), batch.id()));
        batches.recordExecution(batch.id(), executionId);
        NotificationsLogger.LOG.started(job.jobId(), job.attempt(), job.maxAttempts(), executionId, batch.id());
        return executionId;
    }

    /** Empty when the runtime has no such execution, or the id is now another batch's. */
    private static Optional<BatchStatus> statusOfOwnExecution(String batchId, long executionId) {
        try {
            JobExecution execution = operator().getJobExecution(executionId);
            boolean own = execution.getJobName().equals(NotificationSendJob.NAME)
                    && batchId.equals(operator().getParameters(executionId)
                            .getProperty(NotificationSendJob.BATCH_ID));
            return own ? Optional.of(execution.getBatchStatus()) : Optional.empty();
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
