package dev.handoff.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Spaces actions out to a rate: the n-th turn (counting from 0) comes no earlier than n / rate seconds after
 * the first. Time is counted in whole milliseconds, so the instants it gives can be stored and compared exactly.
 */
final class Throttle {

    /** Waits; a seam for tests. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final double ratePerSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant first;
    private long turns;

    Throttle(double ratePerSecond, Clock clock, Sleeper sleeper) {
        this.ratePerSecond = ratePerSecond;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static Throttle perSecond(double ratePerSecond) {
        return new Throttle(ratePerSecond, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    /** Waits for the next turn; returns when it began. */
    Instant next() throws InterruptedException {
        Instant now = now();
        if (first == null) {
            first = now;
        }
        Instant due = first.plusMillis((long) Math.ceil(turns * 1000 / ratePerSecond));
        while (now.isBefore(due)) {
            sleeper.sleep(Duration.between(now, due));
            now = now();
        }
        turns++;
        return now;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
