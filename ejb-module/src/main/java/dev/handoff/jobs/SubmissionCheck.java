package dev.handoff.jobs;

/**
 * A check that other features of Handoff make on every submission, HTTP or JMS, before a job is stored: the
 * webhooks feature checks a {@code callbackUrl} this way. Implementations are CDI beans; {@link JobHandlers}
 * calls each of them after the type's handler has accepted the payload.
 */
public interface SubmissionCheck {

    /**
     * @throws dev.handoff.InvalidRequestException saying what is wrong, when the submission must be refused
     */
    void check(JobSubmission submission);
}
