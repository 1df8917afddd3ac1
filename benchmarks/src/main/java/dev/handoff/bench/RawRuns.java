package dev.handoff.bench;

import java.time.Duration;

/** The raw-broker baseline, in order: warm-up, sends, consumes, both together, then blocking sends. */
final class RawRuns {

    private static final int DEPTH_CHECKS = 20;
    private static final long DEPTH_CHECK_MILLIS = 250;

    private final RawSettings settings;
    private final RawBroker broker;
    private final int latencyThreads;

    RawRuns(ServerSettings server, RawSettings settings, int latencyThreads, Duration limit) {
        this.settings = settings;
        this.broker = new RawBroker(server, settings, limit);
        this.latencyThreads = latencyThreads;
    }

    Results run() throws Exception {
        requireEmptyQueue();
        warmUp();
        Console.progress("Raw broker: %d persistent messages of %d bytes", settings.messages(), settings.bodyBytes());
        RawBroker.Measured send = broker.send(settings.messages());
        requireDepth(settings.messages());
        Throughput consume = broker.consume(settings.messages());
        Throughput sendAndConsume = broker.sendAndConsume(settings.messages());
        RawBroker.Measured blocking = broker.sendBlocking(settings.latencyMessages(), latencyThreads);
        broker.consume(settings.latencyMessages());
        requireDepth(0);
        return new Results(send, consume, sendAndConsume, blocking);
    }

    private void warmUp() throws Exception {
        if (settings.warmupMessages() == 0) {
            return;
        }
        Console.progress("Raw broker warm-up: %d messages", settings.warmupMessages());
        broker.sendAndConsume(settings.warmupMessages());
        int blocking = Math.min(settings.warmupMessages(), settings.latencyMessages());
        broker.sendBlocking(blocking, latencyThreads);
        broker.consume(blocking);
    }

    private void requireEmptyQueue() throws Exception {
        long depth = broker.depth();
        if (depth < 0) {
            throw new IllegalStateException("The broker has no queue " + RawBroker.QUEUE
                    + "; is the provisioned server current?");
        }
        requireDepth(0);
    }

    /**
     * The sends really reached the queue that the consumers then empty. Consumers acknowledge asynchronously, so the
     * count may take a moment to settle.
     */
    private void requireDepth(long expected) throws Exception {
        long depth = broker.depth();
        for (int check = 1; check < DEPTH_CHECKS && depth != expected; check++) {
            Thread.sleep(DEPTH_CHECK_MILLIS);
            depth = broker.depth();
        }
        if (depth != expected) {
            throw new IllegalStateException(RawBroker.QUEUE + " holds " + depth + " messages, expected " + expected);
        }
    }

    /** The baseline's figures. */
    record Results(RawBroker.Measured send, Throughput consume, Throughput sendAndConsume,
                   RawBroker.Measured blockingSend) {
    }
}
