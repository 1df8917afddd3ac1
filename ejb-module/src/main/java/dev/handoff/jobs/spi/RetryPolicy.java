package dev.handoff.jobs.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a job type's failed attempts are retried, declared on its {@link JobHandler} beside
 * {@link JobType}. Without it a type gets the server's defaults: the attempts of the system property
 * {@code handoff.jobs.max-attempts} (3), exponential backoff from 1 s up to 5 min, jitter 0.2.
 *
 * <p>The wait before attempt n+1 is {@code delayMillis} grown by {@link #backoff()} for n failed attempts,
 * capped at {@code maxDelayMillis}, then spread by {@code jitter}: multiplied by a random factor between
 * {@code 1 - jitter} and {@code 1 + jitter}, so jobs that failed together do not retry together.
 *
 * <p>A submission may ask for other values in its {@code retry} field, within the bounds the operator
 * sets; see the configuration docs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RetryPolicy {

    /** Attempts in all, the first included; 1 means never retry. */
    int maxAttempts() default 3;

    Backoff backoff() default Backoff.EXPONENTIAL;

    /** The wait before the first retry, in milliseconds. */
    long delayMillis() default 1_000;

    /** The longest wait before any retry, in milliseconds, before jitter. */
    long maxDelayMillis() default 300_000;

    /** How far, as a share of the delay, the wait may be randomly shortened or lengthened: 0 to 1. */
    double jitter() default 0.2;
}
