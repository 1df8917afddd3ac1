package dev.handoff.reports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Records why a report step failed in the step's and the job's exit status, where the handler reads it:
 * {@code KIND: message}, {@link ReportFailure} naming the kind.
 */
@Named
@Dependent
public class ReportFailureListener extends AbstractStepListener {

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String skipLimit;

    @Override
    public void afterStep() {
        Exception cause = step.getException();
        if (cause == null) {
            return;
        }
        ReportFailure failure = ReportFailure.causedBy(cause);
        String exitStatus = failure.exitStatus(message(failure, cause));
        step.setExitStatus(exitStatus);
        job.setExitStatus(exitStatus);
    }

    private String message(ReportFailure failure, Exception cause) {
        switch (failure) {
            case SKIP_LIMIT_EXCEEDED:
                return "More than " + skipLimit + " rows skipped (skipLimit " + skipLimit + "), e.g. "
                        + cause.getMessage();
            case STEP_FAILED:
                return "Report step '" + step.getStepName() + "' failed: " + cause;
            default:
                return cause.getMessage();
        }
    }
}
