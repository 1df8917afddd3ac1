package dev.handoff.web;

import dev.handoff.events.EventSink;
import dev.handoff.events.EventStreams;
import dev.handoff.events.EventsConfig;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** An event stream's HTTP response: JAX-RS server-sent events, written without holding the writing thread. */
final class SseSink implements EventSink {

    private static final ConcurrentMap<Class<?>, Optional<Method>> CLOSERS = new ConcurrentHashMap<>();

    private final SseEventSink sink;
    private final Sse sse;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Instant waitingSince;
    private volatile boolean failed;
    private volatile CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    private SseSink(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    /**
     * Starts the response on the request's own thread with a first {@code : keep-alive} line, before any other
     * thread writes to it or closes it: RESTEasy is still setting the response up while the resource method runs,
     * and an event written or a close from elsewhere in that moment could be lost, or end the response before its
     * headers went out.
     */
    static SseSink open(SseEventSink sink, Sse sse) {
        SseSink opened = new SseSink(sink, sse);
        try {
            sink.send(sse.newEventBuilder().comment(EventStreams.KEEP_ALIVE).build()).toCompletableFuture()
                    .get(EventsConfig.writeTimeout().toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            opened.failed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opened.failed = true;
        }
        return opened;
    }

    @Override
    public boolean send(long id, String kind, String data) {
        return write(sse.newEventBuilder()
                .id(Long.toString(id))
                .name(kind)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, data)
                .build());
    }

    @Override
    public boolean comment(String text) {
        return write(sse.newEventBuilder().comment(text).build());
    }

    @Override
    public boolean isClosed() {
        return failed || sink.isClosed() || stalled();
    }

    /**
     * Ends the response without a last flush. RESTEasy's {@code close()} flushes first and waits for the flush
     * without a time limit, and on a connection the caller has dropped that flush never completes (seen with
     * RESTEasy 6.2 on Undertow): the closing thread would hang for good. RESTEasy flushes each event as it writes
     * it, so its own {@code close(false)} (flush skipped, asynchronous response completed) loses nothing once the
     * last event is written, which is when it runs; it is protected, hence the reflection. Where it cannot be
     * reached, the plain {@code close()} is used.
     */
    @Override
    public void close() {
        CompletableFuture<?> last = lastSend;
        if (last.isDone()) {
            closeWithoutFlush();
        } else {
            // Closing drops the events RESTEasy has not written yet: close once the last one is out, or given up.
            last.copy().orTimeout(EventsConfig.writeTimeout().toSeconds(), TimeUnit.SECONDS)
                    .whenComplete((done, error) -> closeWithoutFlush());
        }
    }

    private void closeWithoutFlush() {
        try {
            Optional<Method> closeWithoutFlush = CLOSERS.computeIfAbsent(sink.getClass(), SseSink::closeWithoutFlush);
            if (closeWithoutFlush.isPresent()) {
                closeWithoutFlush.get().invoke(sink, false);
            } else {
                sink.close();
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            // The connection is gone already; there is nothing left to release.
        }
    }

    private static Optional<Method> closeWithoutFlush(Class<?> type) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            try {
                Method close = declaring.getDeclaredMethod("close", boolean.class);
                close.setAccessible(true);
                return Optional.of(close);
            } catch (NoSuchMethodException e) {
                // Declared higher up, if at all.
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Hands the event to RESTEasy, which writes events in order, without waiting: a write to a connection the
     * caller dropped may never complete, and waiting for it would hold a thread per dead stream. A failed write, or
     * writes pending with none completed for the write timeout, make the sink count as closed.
     */
    private boolean write(OutboundSseEvent event) {
        if (isClosed()) {
            return false;
        }
        if (pending.getAndIncrement() == 0) {
            waitingSince = Instant.now();
        }
        try {
            CompletableFuture<?> sent = sink.send(event).toCompletableFuture();
            lastSend = sent;
            sent.whenComplete((done, error) -> finished(error));
            return true;
        } catch (RuntimeException e) {
            failed = true;
            return false;
        }
    }

    private void finished(Throwable error) {
        if (error != null) {
            failed = true;
        }
        waitingSince = pending.decrementAndGet() == 0 ? null : Instant.now();
    }

    private boolean stalled() {
        // A completion racing a new write can leave a time behind with nothing pending: only pending writes count.
        Instant since = waitingSince;
        return since != null && pending.get() > 0 && since.plus(EventsConfig.writeTimeout()).isBefore(Instant.now());
    }
}
