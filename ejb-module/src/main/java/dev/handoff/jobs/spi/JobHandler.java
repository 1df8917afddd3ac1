package dev.handoff.jobs.spi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Does the work of one job type.
 *
 * <p>Implementations are CDI beans annotated with {@link JobType}, usually {@code @ApplicationScoped};
 * one instance may run many jobs at once, from several threads, so keep per-job state in local
 * variables.
 *
 * <p><b>Attempts.</b> {@link #handle} runs once per attempt. An attempt succeeds when it returns; it
 * fails when it throws. A failed attempt is retried, after a delay, until the job's attempts are used
 * up, unless the exception is a {@link JobFailedException} that says not to retry. Because an attempt
 * may be cut short (the server may crash) and then run again, make the work idempotent, or record
 * what is done as you go and skip it on the next attempt.
 *
 * <p><b>Transactions.</b> {@code handle} runs in a transaction of its own, which commits together with
 * the job's {@code succeeded} status: database work the handler does through the server's JTA
 * datasources either happens with the success or not at all. Handlers that must not run in a
 * transaction (long waits, calls that start their own) can say so with
 * {@code @Transactional(TxType.NOT_SUPPORTED)} on the method.
 */
public interface JobHandler {

    /**
     * Checks a payload before a job is stored. A submission whose payload is refused here is answered
     * with an error and leaves nothing behind.
     *
     * <p>Keep it quick and free of side effects: it runs while the caller waits.
     *
     * @param payload the submission's payload, never {@code null}
     * @throws InvalidPayloadException with a message for the caller, when the payload is not acceptable
     */
    default void validate(JsonObject payload) throws InvalidPayloadException {
    }

    /**
     * Does the work of one attempt.
     *
     * @param job what the attempt is about, and where to report progress
     * @return the job's result, shown to callers as the job's {@code result}; {@code null} for none
     * @throws JobFailedException to fail the attempt and say whether a retry could succeed
     * @throws Exception any other exception fails the attempt, which is retried while attempts remain
     */
    JsonValue handle(JobContext job) throws Exception;
}
