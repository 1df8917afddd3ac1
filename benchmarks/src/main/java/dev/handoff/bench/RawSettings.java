package dev.handoff.bench;

/** How hard the raw-broker baseline pushes the {@code handoff.bench} queue. */
record RawSettings(int warmupMessages, int messages, int producers, int consumers, int inFlight, int bodyBytes,
                   int latencyMessages) {

    static final String WARMUP_MESSAGES = "bench.raw-warmup-messages";
    static final int DEFAULT_WARMUP_MESSAGES = 5_000;

    static final String MESSAGES = "bench.raw-messages";
    static final int DEFAULT_MESSAGES = 20_000;

    static final String PRODUCERS = "bench.raw-producers";
    static final int DEFAULT_PRODUCERS = 4;

    static final String CONSUMERS = "bench.raw-consumers";
    static final int DEFAULT_CONSUMERS = 4;

    /** Sends awaiting their acknowledgement, over all producers. */
    static final String IN_FLIGHT = "bench.raw-in-flight";
    static final int DEFAULT_IN_FLIGHT = 100;

    static final String BODY_BYTES = "bench.raw-body-bytes";
    static final int DEFAULT_BODY_BYTES = 1024;

    /** Blocking sends timed one by one, from as many threads as there are HTTP clients. */
    static final String LATENCY_MESSAGES = "bench.raw-latency-messages";
    static final int DEFAULT_LATENCY_MESSAGES = 5_000;

    static RawSettings fromSystemProperties() {
        return new RawSettings(
                SystemSettings.count(WARMUP_MESSAGES, DEFAULT_WARMUP_MESSAGES),
                SystemSettings.positive(MESSAGES, DEFAULT_MESSAGES),
                SystemSettings.positive(PRODUCERS, DEFAULT_PRODUCERS),
                SystemSettings.positive(CONSUMERS, DEFAULT_CONSUMERS),
                SystemSettings.positive(IN_FLIGHT, DEFAULT_IN_FLIGHT),
                SystemSettings.count(BODY_BYTES, DEFAULT_BODY_BYTES),
                SystemSettings.positive(LATENCY_MESSAGES, DEFAULT_LATENCY_MESSAGES));
    }

    int inFlightPerProducer() {
        return Math.max(1, inFlight / producers);
    }
}
