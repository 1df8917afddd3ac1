package dev.handoff.jobs.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long one attempt of a job type may run, declared on its {@link JobHandler} beside {@link JobType}.
 * Without it the server's default applies: the system property {@code handoff.jobs.attempt-timeout-seconds}
 * (300).
 *
 * <p>The attempt's transaction times out then: whatever the handler did through it is rolled back, and
 * the attempt fails as a retryable failure, to be retried per the type's {@link RetryPolicy}. A handler
 * that waits for long should look at {@link JobContext#isCancellationRequested()} or finish its waits
 * within the timeout; Handoff does not interrupt its thread.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AttemptTimeout {

    /** Seconds an attempt may run, at least 1. */
    int seconds();
}
