package dev.handoff.reports;

import dev.handoff.jobs.spi.JobContext;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;

/** Waits for a report's batch execution to end, passing on its progress meanwhile. */
@ApplicationScoped
public class ReportWatcher {

    static final long POLL_MILLIS = 150;

    /**
     * Polls the execution until it ends, stopping it when the job is asked to cancel.
     *
     * @param job told the percentage done whenever it grows, and asked whether to stop
     * @return the execution, ended
     */
    JobExecution awaitEnd(ReportLaunch launch, JobContext job) throws InterruptedException {
        JobOperator operator = BatchRuntime.getJobOperator();
        int reported = -1;
        boolean stopping = false;
        JobExecution execution = operator.getJobExecution(launch.executionId());
        while (!hasEnded(execution.getBatchStatus())) {
            int percent = launch.percentDone(rowsRead(operator, launch.executionId()));
            if (percent > reported) {
                job.reportProgress(percent);
                reported = percent;
            }
            if (!stopping && job.isCancellationRequested()) {
                operator.stop(launch.executionId());
                stopping = true;
            }
            Thread.sleep(POLL_MILLIS);
            execution = operator.getJobExecution(launch.executionId());
        }
        return execution;
    }

    private static boolean hasEnded(BatchStatus status) {
        return status == BatchStatus.COMPLETED || status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                || status == BatchStatus.ABANDONED;
    }

    private static long rowsRead(JobOperator operator, long executionId) {
        for (StepExecution step : operator.getStepExecutions(executionId)) {
            if (step.getStepName().equals(ReportJob.VALUES_STEP)) {
                return readCount(step);
            }
        }
        return 0;
    }

    private static long readCount(StepExecution step) {
        for (Metric metric : step.getMetrics()) {
            if (metric.getType() == Metric.MetricType.READ_COUNT) {
                return metric.getValue();
            }
        }
        return 0;
    }
}
