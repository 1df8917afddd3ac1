package dev.handoff.events;

import java.time.Duration;

/**
 * The settings of event streams, read from system properties at every use (so a change through the management
 * model takes effect at the next tick), with their defaults beside them.
 */
public final class EventsConfig {

    /** Seconds of silence after which an open stream gets a {@code : keep-alive} comment line. */
    public static final String HEARTBEAT_SECONDS = "handoff.events.heartbeat-seconds";
    public static final int DEFAULT_HEARTBEAT_SECONDS = 15;

    /**
     * Seconds between two reads of the events table for an open stream when no topic message woke it: what makes
     * a lost topic message cost a delay, never an event.
     */
    public static final String CATCH_UP_SECONDS = "handoff.events.catch-up-seconds";
    public static final int DEFAULT_CATCH_UP_SECONDS = 15;

    /**
     * Seconds a stream may have writes pending with none completing (a caller that stopped reading, or a connection
     * that died without a reset) before it is released.
     */
    public static final String WRITE_TIMEOUT_SECONDS = "handoff.events.write-timeout-seconds";
    public static final int DEFAULT_WRITE_TIMEOUT_SECONDS = 10;

    private EventsConfig() {
    }

    public static Duration heartbeat() {
        return seconds(HEARTBEAT_SECONDS, DEFAULT_HEARTBEAT_SECONDS);
    }

    public static Duration catchUp() {
        return seconds(CATCH_UP_SECONDS, DEFAULT_CATCH_UP_SECONDS);
    }

    public static Duration writeTimeout() {
        return seconds(WRITE_TIMEOUT_SECONDS, DEFAULT_WRITE_TIMEOUT_SECONDS);
    }

    private static Duration seconds(String property, int defaultSeconds) {
        return Duration.ofSeconds(Math.max(1, Integer.getInteger(property, defaultSeconds)));
    }
}
