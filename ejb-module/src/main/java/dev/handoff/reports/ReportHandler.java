package dev.handoff.reports;

import dev.handoff.datasets.DatasetStore;
import dev.handoff.jobs.spi.InvalidPayloadException;
import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code report} job type: statistics of a dataset's measure by group, as CSV.
 *
 * <p>Payload: {@code {"dataset": name, "groupBy": field, "measure": field, "threshold": number,
 * "skipLimit": whole number >= 0 (default 100), "itemCount": 1-10000 (default 500)}}. The report has one row
 * per group, in the order of the group keys: {@code <groupBy>,count,mean,min,max,p95,over}, where p95 is the
 * nearest-rank 95th percentile and over the share of rows whose measure is above the threshold. Rows without
 * the group or a numeric measure are skipped; more than {@code skipLimit} of them fail the job.
 *
 * <p>Result: {@code {"rows", "groups", "skipped", "resultUrl"}}; the CSV is the job's output, served at
 * {@code resultUrl}.
 *
 * <p>The work is the batch job {@code report}: a chunk step reading the rows into
 * {@code handoff_report_value}, checkpointed, then a summary step. An attempt that finds its job's earlier
 * execution failed or stopped restarts it from its checkpoint rather than starting over.
 */
@ApplicationScoped
@JobType(ReportJob.NAME)
public class ReportHandler implements JobHandler {

    @Inject
    DatasetStore datasets;

    @Inject
    ReportRuns runs;

    @Inject
    ReportValues values;

    @Inject
    ReportLauncher launcher;

    @Inject
    ReportWatcher watcher;

    @Override
    public void validate(JsonObject payload) throws InvalidPayloadException {
        ReportRequest request = ReportRequest.from(payload);
        if (!datasetExists(request.dataset())) {
            throw new InvalidPayloadException("There is no dataset named '" + request.dataset()
                    + "'; upload it first with PUT /api/datasets/" + request.dataset() + ".");
        }
    }

    /** Runs without a transaction: it waits for a batch execution that commits chunk by chunk. */
    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public JsonValue handle(JobContext job) throws Exception {
        ReportRequest request = request(job);
        Optional<ReportResult> done = resultOf(job.jobId());
        if (done.isPresent()) {
            return done.get().toJson(job.jobId());
        }

        ReportLaunch launch = launcher.launch(job, request);
        JobExecution ended = watcher.awaitEnd(launch, job);
        if (ended.getBatchStatus() == BatchStatus.STOPPED && job.isCancellationRequested()) {
            throw JobFailedException.permanent("Cancelled on request; batch execution " + ended.getExecutionId()
                    + " stopped at its next checkpoint");
        }

        if (ended.getBatchStatus() == BatchStatus.COMPLETED) {
            return resultOf(job.jobId()).orElseThrow(() -> JobFailedException.retryable(
                    "The report's batch execution completed without recording its result.", null))
                    .toJson(job.jobId());
        }
        throw failed(job, ended);
    }

    private static ReportRequest request(JobContext job) {
        try {
            return ReportRequest.from(job.payload());
        } catch (InvalidPayloadException e) {
            throw JobFailedException.permanent(e.getMessage());
        }
    }

    /** The result the job's summary step recorded, in this attempt or an earlier one. */
    private Optional<ReportResult> resultOf(String jobId) throws SQLException {
        return runs.find(jobId).map(ReportRun::result);
    }

    private JobFailedException failed(JobContext job, JobExecution ended) throws SQLException {
        JobFailedException failure = ReportFailure.toException(ended);
        if (!failure.isRetryable() || job.attempt() >= job.maxAttempts()) {
            // No later attempt will resume from the values read so far.
            values.deleteAll(job.jobId());
        }
        return failure;
    }

    private boolean datasetExists(String name) {
        try {
            return datasets.find(name).isPresent();
        } catch (SQLException e) {
            throw new IllegalStateException("Looking up dataset '" + name + "' failed", e);
        }
    }
}
