package dev.handoff;

import dev.handoff.jobs.spi.JobFailedException;
import jakarta.batch.runtime.JobExecution;
import java.util.function.Predicate;

/**
 * How a batch job that Handoff runs for a job type tells the job why it failed: a step's failure listener records
 * {@code KIND: message} as the execution's exit status, and the job's handler reads it back into the exception that
 * fails the attempt, retryable or not as the kind says.
 */
public final class BatchExitStatus {

    /** Exit statuses are stored by the batch runtime, in columns of limited width. */
    static final int MAX_LENGTH = 500;

    private static final String SEPARATOR = ": ";

    private BatchExitStatus() {
    }

    /** The exit status that records a failure of the given kind. */
    public static String of(Enum<?> kind, String message) {
        String status = kind.name() + SEPARATOR + message;
        return status.length() <= MAX_LENGTH ? status : status.substring(0, MAX_LENGTH - 3) + "...";
    }

    /**
     * The exception that fails the attempt whose batch execution ended without completing: of the kind its exit
     * status names, else retryable, since the next attempt restarts the execution.
     *
     * @param what the execution, as the message names it, e.g. "The report's batch execution"
     */
    public static <K extends Enum<K>> JobFailedException failureOf(JobExecution ended, Class<K> kinds,
            Predicate<K> retryable, String what) {
        String exitStatus = ended.getExitStatus();
        for (K kind : kinds.getEnumConstants()) {
            String prefix = kind.name() + SEPARATOR;
            if (exitStatus != null && exitStatus.startsWith(prefix)) {
                String message = exitStatus.substring(prefix.length());
                return retryable.test(kind) ? JobFailedException.retryable(message, null)
                        : JobFailedException.permanent(message);
            }
        }
        return JobFailedException.retryable(what + " " + ended.getExecutionId() + " ended " + ended.getBatchStatus()
                + " with exit status '" + exitStatus + "'; the next attempt restarts it.", null);
    }
}
