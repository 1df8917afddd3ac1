package dev.handoff.jobs;

/**
 * The job engine's settings, read from system properties that {@code wildfly-config} sets, with their
 * defaults beside them.
 */
public final class JobsConfig {

    /**
     * How many attempts a job gets. Must equal the {@code max-delivery-attempts} of the queue's address
     * settings, which the same CLI variable sets.
     */
    public static final String MAX_ATTEMPTS = "handoff.jobs.max-attempts";
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** How long an attempt may run when its handler declares no {@code @AttemptTimeout}. */
    public static final String ATTEMPT_TIMEOUT_SECONDS = "handoff.jobs.attempt-timeout-seconds";
    public static final int DEFAULT_ATTEMPT_TIMEOUT_SECONDS = 300;

    private JobsConfig() {
    }

    public static int attemptTimeoutSeconds() {
        return Integer.getInteger(ATTEMPT_TIMEOUT_SECONDS, DEFAULT_ATTEMPT_TIMEOUT_SECONDS);
    }

    public static int maxAttempts() {
        return Integer.getInteger(MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS);
    }
}
