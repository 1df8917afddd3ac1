package dev.handoff.jobs;

import dev.handoff.InvalidRequestException;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drains {@code handoff.jobs}: runs one attempt of the job each message is about.
 *
 * <p>A message carries a job stored by {@link JobService} (property {@code jobId}), or is a submission
 * sent by another application, which is validated and stored here first. Every delivery is consumed: a
 * job to be retried goes back on the queue as a new message held until its next attempt is due, and one
 * that ends for good leaves a copy in the dead letters. Only a failure of the bookkeeping itself rolls the
 * delivery back, for the broker to redeliver after the queue's redelivery delay.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JobQueues.JOBS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class JobsQueueListener implements MessageListener {

    static final String REASON_NOT_TEXT = "not-a-text-message";
    static final String REASON_INVALID = "invalid-submission";
    static final String REASON_FAILED = "job-failed";

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @EJB
    JobStore store;

    @EJB
    JobRunner runner;

    @EJB
    JobDispatcher dispatcher;

    @EJB
    DeadLetters deadLetters;

    @Inject
    JobHandlers handlers;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        try {
            receive(message);
        } catch (JMSException e) {
            throw new EJBException("Could not read message from " + JobQueues.JOBS, e);
        }
    }

    private void receive(Message message) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            deadLetter(message, null, REASON_NOT_TEXT + ": a job message must be a TextMessage holding JSON");
            return;
        }
        String id = jobIdOf(message);
        if (!JOB_ID.matcher(id).matches()) {
            deadLetter(message, text.getText(), REASON_INVALID + ": property jobId must match " + JOB_ID.pattern());
            return;
        }
        Optional<Job> job = store.find(id).or(() -> admit(id, text));
        if (job.isPresent()) {
            attempt(job.get(), message, text.getText());
        }
    }

    private Optional<Job> admit(String id, TextMessage message) {
        try {
            JobSubmission submission = JobSubmission.parse(message.getText());
            handlers.validate(submission);
            return Optional.of(store.admit(id, submission, handlers.retriesFor(submission)));
        } catch (InvalidRequestException e) {
            deadLetter(message, bodyOf(message), REASON_INVALID + ": " + e.getMessage());
            return Optional.empty();
        } catch (JMSException e) {
            throw new EJBException(e);
        }
    }

    private void attempt(Job job, Message message, String body) throws JMSException {
        Instant now = Instant.now();
        Lease lease = Lease.takeNow(now);
        if (job.getStatus().isTerminal()) {
            JobsLogger.LOG.finishedJobRedelivered(job.getId(), job.getType(), job.getStatus().wireName());
            return;
        }
        if (job.getRunAt().isAfter(now)) {
            dispatcher.dispatch(job);
            return;
        }
        if (job.heldByOtherWorker(lease, now)) {
            JobsLogger.LOG.jobHeldElsewhere(job.getId(), job.getType(), job.getAttempts(), job.getMaxAttempts());
            dispatcher.dispatchAt(job, job.getLeaseUntil());
            return;
        }
        if (job.attemptsExhausted()) {
            fail(job, message, body, "Every attempt was used; the last was cut short. Last error: " + job.getError());
            return;
        }
        Job running = store.startAttempt(job.getId(), lease);
        conclude(running, run(running), message, body);
    }

    private AttemptOutcome run(Job job) {
        try {
            return runner.run(job.getId());
        } catch (EJBException e) {
            // The handler's transaction could not commit, e.g. it was marked rollback-only by a failed flush.
            return AttemptOutcome.failure(e.getCause() == null ? e : e.getCause());
        }
    }

    private void conclude(Job job, AttemptOutcome outcome, Message message, String body) throws JMSException {
        if (outcome.succeeded()) {
            return;
        }
        if (store.isCancelRequested(job.getId())) {
            store.recordCancelled(job.getId(), outcome.error());
        } else if (outcome.retryable() && !job.attemptsExhausted()) {
            retry(job, outcome);
        } else {
            fail(job, message, body, outcome.error());
        }
    }

    private void retry(Job job, AttemptOutcome outcome) {
        Instant nextAttemptAt = Instant.now().plus(job.getRetries().delayAfter(job.getAttempts()));
        Job retrying = store.recordRetry(job.getId(), outcome.error(), nextAttemptAt);
        JobsLogger.LOG.attemptFailedWillRetry(job.getId(), job.getType(), job.getAttempts(), job.getMaxAttempts(),
                nextAttemptAt, outcome.error());
        dispatcher.dispatch(retrying);
    }

    private void fail(Job job, Message message, String body, String error) throws JMSException {
        Job failed = store.recordFailure(job.getId(), error);
        JobsLogger.LOG.jobDeadLettered(failed.getId(), failed.getType(), failed.getAttempts(),
                failed.getMaxAttempts(), error);
        deadLetters.send(message, body, REASON_FAILED + ": " + error);
    }

    private void deadLetter(Message message, String body, String reason) {
        try {
            JobsLogger.LOG.messageDeadLettered(message.getJMSMessageID(), JobQueues.JOBS, reason);
            deadLetters.send(message, body, reason);
        } catch (JMSException e) {
            throw new EJBException(e);
        }
    }

    /** The job's id: the {@code jobId} property, or for a submission without one, its message id. */
    private static String jobIdOf(Message message) throws JMSException {
        String id = message.getStringProperty(JobQueues.JOB_ID);
        if (id != null && !id.isBlank()) {
            return id;
        }
        String messageId = message.getJMSMessageID();
        return messageId.startsWith("ID:") ? messageId.substring(3) : messageId;
    }

    private static String bodyOf(TextMessage message) {
        try {
            return message.getText();
        } catch (JMSException e) {
            return null;
        }
    }
}
