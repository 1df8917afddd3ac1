package dev.handoff.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a number of workers side by side and waits, for a bounded time, until all are done. */
final class Parallel {

    /** One worker's share of the work, told its index among the workers. */
    @FunctionalInterface
    interface Worker {
        void run(int index) throws Exception;
    }

    private final ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();

    private Parallel(int size) {
        pool = Executors.newFixedThreadPool(size);
    }

    static Parallel start(int size, Worker worker) {
        Parallel parallel = new Parallel(size);
        for (int i = 0; i < size; i++) {
            int index = i;
            parallel.workers.add(parallel.pool.submit(() -> {
                worker.run(index);
                return null;
            }));
        }
        return parallel;
    }

    static void run(int size, Duration limit, Worker worker) throws InterruptedException {
        start(size, worker).await(limit);
    }

    /** Waits for every worker; rethrows the first failure; stops the rest when the time is up. */
    void await(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            for (Future<?> worker : workers) {
                worker.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("A worker failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The workers did not finish within " + limit.toSeconds() + " s", e);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Worker {@code index}'s part of {@code total} items split over {@code workers}. */
    static int share(int total, int workers, int index) {
        return total / workers + (index < total % workers ? 1 : 0);
    }
}
