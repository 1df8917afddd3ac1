package dev.handoff.events;

/**
 * Where an open stream writes: the HTTP response of one caller, in the web layer, once that layer has started it
 * with a {@code : keep-alive} line. Calls come from one thread at a time per stream, except {@link #isClosed()}
 * and {@link #close()}, which may come from any.
 */
public interface EventSink {

    /**
     * Writes one event and flushes it, or queues it to be, in order after those before.
     *
     * @param id the stream position to give the caller, its {@code id:} line
     * @param kind the event's kind, its {@code event:} line
     * @param data the event's JSON, its {@code data:} line
     * @return {@code false} when the caller is known to be gone; the stream is released then
     */
    boolean send(long id, String kind, String data);

    /** Writes a comment line (a heartbeat); {@code false} when the caller is gone. */
    boolean comment(String text);

    /** Whether the caller is gone: the connection closed, a write failed, or writes stopped completing. */
    boolean isClosed();

    void close();
}
