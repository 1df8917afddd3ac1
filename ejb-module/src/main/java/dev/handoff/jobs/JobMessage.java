package dev.handoff.jobs;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

/**
 * The message that asks for a job's next attempt. Its body is the job's submission, so that a message that
 * ends in the dead letters says what it was about; the broker holds it back until {@code deliverAt}.
 */
record JobMessage(String jobId, String body, int priority, Instant deliverAt) {

    static JobMessage of(Job job, Instant deliverAt) {
        JobSubmission submission = new JobSubmission(job.getType(),
                Json.createReader(new StringReader(job.getPayload())).readObject(), job.getPriority(), 0,
                job.getIdempotencyKey(), null, job.getCallbackUrl());
        return new JobMessage(job.getId(), submission.toJson().toString(), job.getPriority(), deliverAt);
    }

    /** Sends it, in the context's transaction if it has one. */
    void sendWith(JMSContext jms, Queue queue) {
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setPriority(priority)
                .setDeliveryDelay(Math.max(0, Duration.between(Instant.now(), deliverAt).toMillis()))
                .setProperty(JobQueues.JOB_ID, jobId)
                .setProperty(JobQueues.DISPATCHED, true)
                .send(queue, body);
    }
}
