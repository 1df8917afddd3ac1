package dev.handoff.reports;

import dev.handoff.datasets.DatasetInfo;
import dev.handoff.datasets.DatasetStore;
import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
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
 * Gives an attempt a batch execution to follow: it restarts the one an earlier attempt left failed or
 * stopped, from its checkpoint; follows one still running; and starts a new one when there is none, or
 * when the dataset was replaced since.
 */
@ApplicationScoped
public class ReportLauncher {

    @Inject
    DatasetStore datasets;

    @Inject
    ReportRuns runs;

    @Inject
    ReportValues values;

    ReportLaunch launch(JobContext job, ReportRequest request) throws SQLException {
        DatasetInfo dataset = datasets.find(request.dataset()).orElseThrow(() -> JobFailedException.permanent(
                new DatasetMissingException(request.dataset()).getMessage()));
        Optional<ReportRun> run = runs.find(job.jobId()).filter(earlier -> earlier.executionId() != null);
        if (run.isEmpty()) {
            return start(job, request, dataset);
        }
        if (!run.get().datasetVersion().equals(dataset.updatedAt())) {
            return startOver(job, request, dataset, "dataset '" + dataset.name() + "' was replaced");
        }
        return resume(job, request, dataset, run.get().executionId());
    }

    /** The parameters of a new execution. */
    Properties startParameters(String jobId, ReportRequest request, DatasetInfo dataset) {
        return request.jobParameters(jobId, dataset, request.skipLimit());
    }

    /** The parameters of a restart; they replace the earlier execution's. */
    Properties restartParameters(String jobId, ReportRequest request, DatasetInfo dataset, int skipAllowance) {
        return request.jobParameters(jobId, dataset, skipAllowance);
    }

    private ReportLaunch resume(JobContext job, ReportRequest request, DatasetInfo dataset, long executionId)
            throws SQLException {
        Optional<BatchStatus> known = statusOfOwnExecution(job.jobId(), executionId);
        if (known.isEmpty()) {
            return startOver(job, request, dataset, "batch execution " + executionId + " is unknown to the batch"
                    + " runtime, or now another job's: its job repository did not outlive a server restart");
        }
        BatchStatus status = known.get();
        switch (status) {
            case COMPLETED:
                return follow(job, executionId, status);
            case ABANDONED:
                return startOver(job, request, dataset, "batch execution " + executionId + " was abandoned");
            default:
                return restart(job, request, dataset, executionId, status);
        }
    }

    /**
     * Restarts a failed or stopped execution. One that still looks alive is restarted only if the server that
     * ran it is gone (JBeret tells); if it runs here, the attempt follows it.
     */
    private ReportLaunch restart(JobContext job, ReportRequest request, DatasetInfo dataset, long previous,
            BatchStatus status) throws SQLException {
        ReportValues.SoFar soFar = values.soFar(job.jobId());
        // JBeret counts skips per execution: the restart may skip what the limit leaves after earlier ones. Should
        // the reader resume before the last row stored (its checkpoint lagging the values, possible without JTA),
        // rows in between count twice, erring on the strict side.
        int skipAllowance = (int) Math.max(0, request.skipLimit() - soFar.skipped());
        long executionId;
        try {
            executionId = operator().restart(previous,
                    restartParameters(job.jobId(), request, dataset, skipAllowance));
        } catch (JobRestartException e) {
            if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
                return follow(job, previous, status);
            }
            return startOver(job, request, dataset, e.getMessage());
        } catch (JobExecutionNotMostRecentException e) {
            return startOver(job, request, dataset, e.getMessage());
        }
        runs.recordExecution(job.jobId(), executionId);
        ReportsLogger.LOG.restarted(job.jobId(), job.attempt(), job.maxAttempts(), previous, executionId,
                soFar.lastRowNumber());
        return new ReportLaunch(executionId, soFar.lastRowNumber(), dataset.rows());
    }

    private ReportLaunch start(JobContext job, ReportRequest request, DatasetInfo dataset) throws SQLException {
        runs.prepareFresh(job.jobId(), dataset.updatedAt());
        long executionId = operator().start(ReportJob.NAME, startParameters(job.jobId(), request, dataset));
        runs.recordExecution(job.jobId(), executionId);
        ReportsLogger.LOG.started(job.jobId(), job.attempt(), job.maxAttempts(), executionId, dataset.name(),
                dataset.rows());
        return new ReportLaunch(executionId, 0, dataset.rows());
    }

    private ReportLaunch startOver(JobContext job, ReportRequest request, DatasetInfo dataset, String reason)
            throws SQLException {
        ReportsLogger.LOG.startingOver(job.jobId(), job.attempt(), job.maxAttempts(), reason);
        return start(job, request, dataset);
    }

    private ReportLaunch follow(JobContext job, long executionId, BatchStatus status) {
        ReportsLogger.LOG.adopted(job.jobId(), job.attempt(), job.maxAttempts(), executionId, status.name());
        return new ReportLaunch(executionId, 0, 0);
    }

    /**
     * The status of the job's execution; empty when the batch runtime has no such execution, or when the id is
     * now another job's: an in-memory job repository numbers executions from 1 again after a server restart.
     */
    private static Optional<BatchStatus> statusOfOwnExecution(String jobId, long executionId) {
        try {
            JobExecution execution = operator().getJobExecution(executionId);
            boolean own = execution.getJobName().equals(ReportJob.NAME)
                    && jobId.equals(operator().getParameters(executionId).getProperty(ReportJob.JOB_ID));
            return own ? Optional.of(execution.getBatchStatus()) : Optional.empty();
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
