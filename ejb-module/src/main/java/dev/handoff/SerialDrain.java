package dev.handoff;

import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Empties a queue of waiting work on an executor, one task at a time: a task starts when work arrives and none
 * runs, ends when it finds the queue empty, and another starts if work arrived as it ended. While the executor
 * refuses tasks (the server is stopping) work stays queued.
 *
 * @param <T> the waiting work
 */
public final class SerialDrain<T> {

    private final Queue<T> waiting;
    private final Runnable emptier;
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param waiting the queue, safe for concurrent use
     * @param emptier takes work from the queue until it is empty; run by one task at a time
     */
    public SerialDrain(Queue<T> waiting, Runnable emptier) {
        this.waiting = waiting;
        this.emptier = emptier;
    }

    /** Starts a task on the executor, unless the queue is empty or a task runs already. */
    public void start(Executor executor) {
        if (waiting.isEmpty() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> empty(executor));
        } catch (RejectedExecutionException e) {
            running.set(false);
        }
    }

    private void empty(Executor executor) {
        try {
            emptier.run();
        } finally {
            running.set(false);
        }
        start(executor);
    }
}
