package dev.handoff.jobs;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

/**
 * Puts jobs on the jobs queue, in the caller's transaction: a job is enqueued if and only if the
 * transaction that stored it commits. The body is the job's submission, so a message that ends in the
 * dead letters says what it was about.
 */
@Stateless
public class JobDispatcher {

    @Inject
    JMSContext jms;

    @Resource(lookup = JobQueues.JOBS)
    Queue jobs;

    /** Enqueues the job for its next attempt, held back by the broker until the job's start time. */
    public void dispatch(Job job) {
        dispatchAt(job, job.getRunAt());
    }

    /** Enqueues the job to be delivered no earlier than the given time. */
    public void dispatchAt(Job job, Instant time) {
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setPriority(job.getPriority())
                .setDeliveryDelay(Math.max(0, Duration.between(Instant.now(), time).toMillis()))
                .setProperty(JobQueues.JOB_ID, job.getId())
                .setProperty(JobQueues.DISPATCHED, true)
                .send(jobs, bodyOf(job));
    }

    private static String bodyOf(Job job) {
        return new JobSubmission(job.getType(), Json.createReader(new StringReader(job.getPayload())).readObject(),
                job.getPriority(), 0, job.getIdempotencyKey(), null, null).toJson().toString();
    }
}
