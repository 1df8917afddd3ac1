package dev.handoff.bench;

import java.io.IOException;
import java.time.Duration;

/** Polls {@code GET /api/stats} until a number of jobs submitted since a baseline have ended. */
final class JobProgress {

    private static final long FIRST_END_POLL_MILLIS = 10;
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final HandoffClient client;
    private final Duration limit;
    private final Duration pollInterval;

    JobProgress(HandoffClient client, Duration limit, Duration pollInterval) {
        this.client = client;
        this.limit = limit;
        this.pollInterval = pollInterval;
    }

    JobCounts now() throws IOException, InterruptedException {
        return client.stats();
    }

    /** Waits until {@code jobs} more jobs than in {@code before} have ended; returns when, and how many failed. */
    Ended awaitEnded(JobCounts before, long jobs) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long nextReport = start + REPORT_EVERY_NANOS;
        JobCounts counts = client.stats();
        while (counts.ended() - before.ended() < jobs) {
            long now = System.nanoTime();
            if (now - start > limit.toNanos()) {
                throw new IllegalStateException("Jobs still not ended after " + limit.toSeconds() + " s: " + counts);
            }
            if (now > nextReport) {
                Console.progress("  %d of %d jobs ended", counts.ended() - before.ended(), jobs);
                nextReport = now + REPORT_EVERY_NANOS;
            }
            Thread.sleep(pollInterval.toMillis());
            counts = client.stats();
        }
        return new Ended(System.nanoTime(), counts.failed() - before.failed());
    }

    /**
     * Waits until the first job since {@code before} ends; returns a time halfway between the last poll that saw
     * none ended and the first that saw one.
     */
    long awaitFirstEnded(JobCounts before) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long lastNone = start;
        while (client.stats().ended() == before.ended()) {
            lastNone = System.nanoTime();
            if (lastNone - start > limit.toNanos()) {
                throw new IllegalStateException("No job ended within " + limit.toSeconds() + " s");
            }
            Thread.sleep(FIRST_END_POLL_MILLIS);
        }
        return lastNone + (System.nanoTime() - lastNone) / 2;
    }

    /** When the last job was seen ended (within one poll interval of it), and how many of them failed. */
    record Ended(long nanos, long failed) {
    }
}
