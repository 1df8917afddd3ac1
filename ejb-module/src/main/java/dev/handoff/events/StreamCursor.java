package dev.handoff.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which events a stream has sent. Event ids come from one sequence taken when each event is written, so two jobs'
 * transactions can commit out of id order: an event may become visible after one with a higher id was sent. The
 * cursor therefore reads again from a floor below its recent events and remembers those it sent since, for a
 * settling time; an event committed more than that long after a higher id was sent would be missed.
 */
final class StreamCursor {

    static final Duration SETTLE = Duration.ofSeconds(10);

    /** Every event at or below it is behind the stream. */
    private long floor;

    /** The highest id sent: what the caller resumes from. */
    private long highest;

    private final TreeMap<Long, Instant> recent = new TreeMap<>();

    StreamCursor(long after) {
        this.floor = after;
        this.highest = after;
    }

    long floor() {
        return floor;
    }

    boolean isNew(long id) {
        return id > floor && !recent.containsKey(id);
    }

    /** Records the event as sent and returns the position to give the caller. */
    long sent(long id, Instant now) {
        recent.put(id, now);
        highest = Math.max(highest, id);
        return highest;
    }

    /** Raises the floor past the events sent longer ago than the settling time. */
    void settle(Instant now) {
        Instant settled = now.minus(SETTLE);
        Iterator<Map.Entry<Long, Instant>> entries = recent.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Long, Instant> entry = entries.next();
            if (entry.getValue().isBefore(settled)) {
                floor = Math.max(floor, entry.getKey());
                entries.remove();
            }
        }
        recent.headMap(floor, true).clear();
    }
}
