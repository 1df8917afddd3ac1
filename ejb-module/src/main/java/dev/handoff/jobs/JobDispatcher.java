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
 * transaction that stored it commits.
 */
@Stateless
public class JobDispatcher {

    @Inject
    JMSContext jms;

    @Resource(lookup = JobQueues.JOBS)
    Queue jobs;

    /** Enqueues the job for its next attempt, held back by the broker until the job's start time. */
    public void dispatch(Job job) {
        String body = new JobSubmission(job.getType(),
                Json.createReader(new StringReader(job.getPayload())).readObject(),
                job.getPriority(), 0, job.getIdempotencyKey()).toJson().toString();
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setPriority(job.getPriority())
                .setDeliveryDelay(delayUntil(job.getRunAt()))
                .setProperty(JobQueues.JOB_ID, job.getId())
                .send(jobs, body);
    }

    private static long delayUntil(Instant runAt) {
        return Math.max(0, Duration.between(Instant.now(), runAt).toMillis());
    }
}
