package dev.handoff.jobs.spi;

import jakarta.json.JsonObject;

/**
 * What a {@link JobHandler} sees of the job it runs.
 */
public interface JobContext {

    /** The job's id, stable across attempts. */
    String jobId();

    /** The job type's name. */
    String type();

    /** The payload the job was submitted with. */
    JsonObject payload();

    /** This attempt's number: 1 for the first, 2 for the first retry, and so on. */
    int attempt();

    /** How many attempts the job may use in all. */
    int maxAttempts();

    /**
     * Reports how far the attempt has come, shown to callers as the job's {@code progress}.
     * Recorded at once and kept even if the attempt later fails.
     *
     * @param percent 0 to 100; values outside are clamped
     */
    void reportProgress(int percent);

    /**
     * Whether someone asked to cancel the job while this attempt runs. A handler doing long work should
     * look now and then and, when it is set, stop and throw: the job then ends {@code cancelled}. A
     * handler that finishes anyway makes the job succeed. Each call reads the job's current state.
     *
     * <p>A default, so that contexts written for tests need not implement it.
     */
    default boolean isCancellationRequested() {
        return false;
    }
}
