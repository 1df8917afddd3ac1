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
import java.time.Duration;
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
            deadLetter(message, REASON_NOT_TEXT + ": a job message must be a TextMessage holding JSON");
            return;
        }
        String id = jobIdOf(message);
        if (!JOB_ID.matcher(id).matches()) {
            deadLetter(message, REASON_INVALID + ": property jobId must match " + JOB_ID.pattern());
            return;
        }
        Optional<Job> job = store.find(id);
        if (job.isEmpty() && message.getBooleanProperty(JobQueues.DISPATCHED)) {
            // Handoff enqueued this job, which has been deleted since (purged): never bring it back.
            JobsLogger.LOG.deletedJobDelivered(id);
            return;
        }
        job = job.or(() -> admit(id, text));
        if (job.isPresent()) {
            attempt(job.get(), message);
        }
    }

    private Optional<Job> admit(String id, TextMessage message) {
        try {
            JobSubmission submission = JobSubmission.parse(message.getText());
            return Optional.of(store.admit(id, submission, handlers.validate(submission)));
        } catch (InvalidRequestException e) {
            deadLetter(message, REASON_INVALID + ": " + e.getMessage());
            return Optional.empty();
        } catch (JMSException e) {
            throw new EJBException(e);
        }
    }

    private void attempt(Job job, Message message) throws JMSException {
        Instant now = Instant.now();
        Lease lease = Lease.takeNow(now);
        if (job.getStatus().isTerminal()) {
            logEnded(job, message);
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
            fail(job, message, "Every attempt was used; the last was cut short, its server stopped during it"
                    + (job.getError() == null ? "" : ". Last error: " + job.getError()));
            return;
        }
        Duration timeout = handlers.timeoutFor(job.getType());
        Job running = store.startAttempt(job.getId(), lease.lasting(timeout));
        conclude(running, run(running, timeout), message);
    }

    private static void logEnded(Job job, Message message) throws JMSException {
        if (message.getBooleanProperty(JobQueues.DISPATCHED)) {
            JobsLogger.LOG.finishedJobRedelivered(job.getId(), job.getType(), job.getStatus().wireName());
        } else {
            JobsLogger.LOG.duplicateSubmission(job.getId(), job.getType(), job.getStatus().wireName());
        }
    }

    private AttemptOutcome run(Job job, Duration timeout) {
        try {
            return runner.run(job.getId(), timeout);
        } catch (EJBException e) {
            // The handler's transaction could not commit, e.g. it was marked rollback-only by a failed flush.
            return AttemptOutcome.failure(e.getCause() == null ? e : e.getCause());
        }
    }

    private void conclude(Job job, AttemptOutcome outcome, Message message) throws JMSException {
        if (outcome.succeeded()) {
            return;
        }
        if (store.isCancelRequested(job.getId())) {
            store.recordCancelled(job.getId(), outcome.error());
        } else if (outcome.retryable() && !job.attemptsExhausted()) {
            retry(job, outcome);
        } else {
            fail(job, message, outcome.error());
        }
    }

    private void retry(Job job, AttemptOutcome outcome) {
        Instant nextAttemptAt = Instant.now().plus(job.getRetries().delayAfter(job.getAttempts(),
                outcome.retryAfter()));
        Job retrying = store.recordRetry(job.getId(), outcome.error(), nextAttemptAt);
        JobsLogger.LOG.attemptFailedWillRetry(job.getId(), job.getType(), job.getAttempts(), job.getMaxAttempts(),
                nextAttemptAt, outcome.error());
        dispatcher.dispatch(retrying);
    }

    private void fail(Job job, Message message, String error) throws JMSException {
        Job failed = store.recordFailure(job.getId(), error);
        JobsLogger.LOG.jobDeadLettered(failed.getId(), failed.getType(), failed.getAttempts(),
                failed.getMaxAttempts(), error);
        deadLetters.send(message, REASON_FAILED + ": " + error, job.getId());
    }

    private void deadLetter(Message message, String reason) {
        try {
            JobsLogger.LOG.messageDeadLettered(message.getJMSMessageID(), JobQueues.JOBS, reason);
            deadLetters.send(message, reason);
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
}
