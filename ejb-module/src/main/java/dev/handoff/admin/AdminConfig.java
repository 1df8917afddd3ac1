package dev.handoff.admin;

import java.time.Duration;

/** The settings of dead-letter operations and retention, read from system properties, with their defaults. */
public final class AdminConfig {

    /** How many dead letters a bulk replay puts back per second, when the request does not say. */
    public static final String REPLAY_RATE = "handoff.dead-letters.replay-rate";
    public static final double DEFAULT_REPLAY_RATE = 50;

    /** Days a succeeded or cancelled job is kept after it ended; 0 or less keeps them for good. */
    public static final String SUCCEEDED_DAYS = "handoff.retention.succeeded-days";
    public static final int DEFAULT_SUCCEEDED_DAYS = 7;

    /** Days a failed job (a dead letter) is kept after it ended; 0 or less keeps them for good. */
    public static final String FAILED_DAYS = "handoff.retention.failed-days";
    public static final int DEFAULT_FAILED_DAYS = 30;

    /** Minutes between two runs of retention. */
    public static final String RETENTION_INTERVAL_MINUTES = "handoff.retention.interval-minutes";
    public static final long DEFAULT_RETENTION_INTERVAL_MINUTES = 60;

    /** Jobs deleted per transaction by retention. */
    public static final String RETENTION_BATCH_SIZE = "handoff.retention.batch-size";
    public static final int DEFAULT_RETENTION_BATCH_SIZE = 500;

    private AdminConfig() {
    }

    public static double replayRate() {
        String value = System.getProperty(REPLAY_RATE);
        return value == null ? DEFAULT_REPLAY_RATE : Double.parseDouble(value);
    }

    static int succeededDays() {
        return Integer.getInteger(SUCCEEDED_DAYS, DEFAULT_SUCCEEDED_DAYS);
    }

    static int failedDays() {
        return Integer.getInteger(FAILED_DAYS, DEFAULT_FAILED_DAYS);
    }

    static Duration retentionInterval() {
        return Duration.ofMinutes(Math.max(1, Long.getLong(RETENTION_INTERVAL_MINUTES,
                DEFAULT_RETENTION_INTERVAL_MINUTES)));
    }

    static int retentionBatchSize() {
        return Math.max(1, Integer.getInteger(RETENTION_BATCH_SIZE, DEFAULT_RETENTION_BATCH_SIZE));
    }
}
