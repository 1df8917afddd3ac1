package dev.handoff.jobs;

import java.util.Locale;

/** Where a job is in its life. {@link #SUCCEEDED}, {@link #FAILED} and {@link #CANCELLED} are final. */
public enum JobStatus {
    /** Stored and waiting in the queue for a worker. */
    QUEUED,
    /** Stored and waiting for the time it was asked to start at. */
    SCHEDULED,
    /** A worker is running an attempt. */
    RUNNING,
    /** An attempt failed; another will follow after a delay. */
    RETRYING,
    SUCCEEDED,
    /** Every attempt failed, or one failed for good: the job sits in the dead letters. */
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** The name callers see, in lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
