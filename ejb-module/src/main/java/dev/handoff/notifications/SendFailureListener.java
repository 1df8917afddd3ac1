package dev.handoff.notifications;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Records why the send step failed in the step's and the job's exit status, as {@link SendFailure} reads it. */
@Named
@Dependent
public class SendFailureListener extends AbstractStepListener {

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Override
    public void afterStep() {
        Exception cause = step.getException();
        if (cause == null) {
            return;
        }
        String exitStatus = SendFailure.causedBy(cause).exitStatus(cause.getMessage());
        step.setExitStatus(exitStatus);
        job.setExitStatus(exitStatus);
    }
}
