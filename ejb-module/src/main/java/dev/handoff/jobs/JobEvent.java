package dev.handoff.jobs;

import java.time.Instant;
import java.util.Locale;

/**
 * Something that happened to a job, fired as a CDI event inside the transaction that records it. A
 * synchronous observer's database work commits or rolls back with the change it describes; an observer
 * that talks to the outside world observes {@code during = TransactionPhase.AFTER_SUCCESS}.
 *
 * @param jobId the job
 * @param jobType its type
 * @param kind what happened
 * @param status the job's status after it
 * @param attempt the attempt it happened in, 0 before the first
 * @param progress the job's progress in percent
 * @param error the error of a failed attempt, else {@code null}
 * @param result the JSON result of a job that succeeded, else {@code null}
 * @param at when it happened
 */
public record JobEvent(String jobId, String jobType, Kind kind, JobStatus status, int attempt, int progress,
        String error, String result, Instant at) {

    /** What happened. {@link #SUCCEEDED}, {@link #FAILED} and {@link #CANCELLED} end the job. */
    public enum Kind {
        STARTED, PROGRESS, RETRYING, SUCCEEDED, FAILED, CANCELLED;

        public boolean isTerminal() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }

        /** The name callers see, in lower case. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static JobEvent of(Job job, Kind kind, Instant at) {
        return new JobEvent(job.getId(), job.getType(), kind, job.getStatus(), job.getAttempts(), job.getProgress(),
                kind == Kind.RETRYING || kind == Kind.FAILED || kind == Kind.CANCELLED ? job.getError() : null,
                kind == Kind.SUCCEEDED ? job.getResult() : null, at);
    }
}
