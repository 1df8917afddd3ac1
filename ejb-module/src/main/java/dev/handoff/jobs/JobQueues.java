package dev.handoff.jobs;

/** Where jobs travel: the JNDI names of the queues that {@code wildfly-config} creates. */
public final class JobQueues {

    /** Jobs waiting for a worker; also where other applications send JMS submissions. */
    public static final String JOBS = "java:/jms/queue/handoff.jobs";

    /** Jobs and messages that failed for good, each with the reason in {@link #REASON}. */
    public static final String JOBS_DEAD_LETTERS = "java:/jms/queue/handoff.jobs.dlq";

    /** String property: the job a message is about. Optional on submissions; Handoff assigns one. */
    public static final String JOB_ID = "jobId";

    /** Boolean property set on the messages Handoff itself enqueues for a stored job. */
    public static final String DISPATCHED = "handoffDispatch";

    /** String property on dead letters: why the message is there. */
    public static final String REASON = "deadLetterReason";

    /** String property on dead letters: the queue the message came from. */
    public static final String ORIGINAL_QUEUE = "deadLetterQueue";

    private JobQueues() {
    }
}
