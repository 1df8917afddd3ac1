package dev.handoff.jobs;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Instant;

/**
 * Puts jobs already enqueued once back on the jobs queue, in the caller's transaction: the jobs queue
 * listener's, so that a retry is enqueued if and only if the delivery that led to it is consumed. Jobs stored
 * by a submission go through {@link JobOutbox} instead.
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
        JobMessage.of(job, time).sendWith(jms, jobs);
    }
}
