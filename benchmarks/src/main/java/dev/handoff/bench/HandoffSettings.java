package dev.handoff.bench;

import java.time.Duration;

/** How many noop jobs the Handoff measurements submit, and how. */
record HandoffSettings(int httpClients, int warmupJobs, int jobs, int drainJobs, int pacedRate, int pacedSeconds,
                       int pacedClients, Duration waitLimit, Duration pollInterval) {

    static final String HTTP_CLIENTS = "bench.http-clients";
    static final int DEFAULT_HTTP_CLIENTS = 4;

    static final String WARMUP_JOBS = "bench.warmup-jobs";
    static final int DEFAULT_WARMUP_JOBS = 2_000;

    static final String JOBS = "bench.jobs";
    static final int DEFAULT_JOBS = 5_000;

    /** Jobs submitted while the MDB delivers nothing, then drained; 0 skips the measurement. */
    static final String DRAIN_JOBS = "bench.drain-jobs";
    static final int DEFAULT_DRAIN_JOBS = 2_000;

    /** Accept latency at a steady rate (jobs/s); 0 skips the measurement. */
    static final String PACED_RATE = "bench.paced-rate";
    static final int DEFAULT_PACED_RATE = 1_000;

    static final String PACED_SECONDS = "bench.paced-seconds";
    static final int DEFAULT_PACED_SECONDS = 5;

    static final String PACED_CLIENTS = "bench.paced-clients";
    static final int DEFAULT_PACED_CLIENTS = 8;

    /** The longest wait for submitted jobs to succeed, per measurement. */
    static final String WAIT_SECONDS = "bench.wait-seconds";
    static final int DEFAULT_WAIT_SECONDS = 300;

    static final String POLL_MILLIS = "bench.poll-millis";
    static final int DEFAULT_POLL_MILLIS = 100;

    static HandoffSettings fromSystemProperties() {
        return new HandoffSettings(
                SystemSettings.positive(HTTP_CLIENTS, DEFAULT_HTTP_CLIENTS),
                SystemSettings.count(WARMUP_JOBS, DEFAULT_WARMUP_JOBS),
                SystemSettings.positive(JOBS, DEFAULT_JOBS),
                SystemSettings.count(DRAIN_JOBS, DEFAULT_DRAIN_JOBS),
                SystemSettings.count(PACED_RATE, DEFAULT_PACED_RATE),
                SystemSettings.positive(PACED_SECONDS, DEFAULT_PACED_SECONDS),
                SystemSettings.positive(PACED_CLIENTS, DEFAULT_PACED_CLIENTS),
                Duration.ofSeconds(SystemSettings.positive(WAIT_SECONDS, DEFAULT_WAIT_SECONDS)),
                Duration.ofMillis(SystemSettings.positive(POLL_MILLIS, DEFAULT_POLL_MILLIS)));
    }

    int pacedJobs() {
        return pacedRate * pacedSeconds;
    }
}
