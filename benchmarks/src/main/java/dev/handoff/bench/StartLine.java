package dev.handoff.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds workers until all have set up (connections, sessions), so the clock starts on the work alone.
 */
final class StartLine {

    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile long startNanos;

    StartLine(int workers) {
        ready = new CountDownLatch(workers);
    }

    /** Called by each worker once set up; returns the start time when the run starts. */
    long arrive(Duration limit) throws InterruptedException {
        ready.countDown();
        if (!go.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The run did not start within " + limit.toSeconds() + " s");
        }
        return startNanos;
    }

    /** Waits for every worker, then starts them all; returns the start time in nanoseconds. */
    long open(Duration limit) throws InterruptedException {
        if (!ready.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The workers were not ready within " + limit.toSeconds() + " s");
        }
        startNanos = System.nanoTime();
        go.countDown();
        return startNanos;
    }
}
