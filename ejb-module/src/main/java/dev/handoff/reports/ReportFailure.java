package dev.handoff.reports;

import dev.handoff.BatchExitStatus;
import dev.handoff.datasets.MalformedDatasetException;
import dev.handoff.jobs.spi.JobFailedException;
import jakarta.batch.runtime.JobExecution;

/**
 * Why a report's batch execution failed, and whether another attempt could get past it. The step that
 * failed records it in the execution's exit status as {@code KIND: message}; the handler reads it back.
 */
enum ReportFailure {

    SKIP_LIMIT_EXCEEDED(false),
    DATASET_MISSING(false),
    DATASET_MALFORMED(false),
    DATASET_CHANGED(true),
    STEP_FAILED(true);

    private final boolean retryable;

    ReportFailure(boolean retryable) {
        this.retryable = retryable;
    }

    /** The kind of failure an exception that failed a step stands for. */
    static ReportFailure causedBy(Exception e) {
        if (e instanceof UnusableRowException) {
            // Only the row past the skip limit fails the step: the others were skipped.
            return SKIP_LIMIT_EXCEEDED;
        }
        if (e instanceof DatasetMissingException) {
            return DATASET_MISSING;
        }
        if (e instanceof MalformedDatasetException) {
            return DATASET_MALFORMED;
        }
        if (e instanceof DatasetChangedException) {
            return DATASET_CHANGED;
        }
        return STEP_FAILED;
    }

    String exitStatus(String message) {
        return BatchExitStatus.of(this, message);
    }

    /** The exception that fails the attempt whose batch execution ended without completing. */
    static JobFailedException toException(JobExecution ended) {
        return BatchExitStatus.failureOf(ended, ReportFailure.class, failure -> failure.retryable,
                "The report's batch execution");
    }
}
