package dev.handoff.bench;

import java.util.concurrent.atomic.AtomicLong;

/** When the last of many concurrent pieces of work ended. */
final class Finish {

    private final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);

    void mark() {
        lastNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /** The time of the last mark, in {@link System#nanoTime()} terms. */
    long nanos() {
        long last = lastNanos.get();
        if (last == Long.MIN_VALUE) {
            throw new IllegalStateException("Nothing finished");
        }
        return last;
    }
}
