package dev.handoff.events;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One caller's open stream: the events of one job, or of every job one submitter submitted (optionally of one job
 * type), the position it has reached and when it last wrote and read. Only one pump runs per stream at a time.
 */
public final class EventStream {

    private final String jobId;
    private final String submitter;
    private final String jobType;
    private final EventSink sink;
    private final StreamCursor cursor;
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean pumpAgain;
    private volatile boolean readWanted;
    private volatile Instant lastWrite;
    private volatile Instant lastRead;

    private EventStream(String jobId, String submitter, String jobType, EventSink sink, long after, Instant now) {
        this.jobId = jobId;
        this.submitter = submitter;
        this.jobType = jobType;
        this.sink = sink;
        this.cursor = new StreamCursor(after);
        // The web layer starts every stream with a keep-alive line.
        this.lastWrite = now;
        this.lastRead = now;
    }

    static EventStream ofJob(String jobId, EventSink sink, long after, Instant now) {
        return new EventStream(jobId, null, null, sink, after, now);
    }

    static EventStream ofSubmitter(String submitter, String jobType, EventSink sink, long after, Instant now) {
        return new EventStream(null, submitter, jobType, sink, after, now);
    }

    boolean isJobStream() {
        return jobId != null;
    }

    String jobId() {
        return jobId;
    }

    String submitter() {
        return submitter;
    }

    String jobType() {
        return jobType;
    }

    EventSink sink() {
        return sink;
    }

    StreamCursor cursor() {
        return cursor;
    }

    /** Whether an event of this job, submitted by this submitter, may concern the stream. */
    boolean concerns(String eventJobId, String eventSubmitter) {
        return isJobStream() ? jobId.equals(eventJobId) : submitter.equals(eventSubmitter);
    }

    /**
     * Asks for a pump; returns {@code true} when the caller must start one (none runs), {@code false} when the
     * running one will go round again.
     */
    boolean requestPump(boolean read) {
        if (read) {
            readWanted = true;
        }
        pumpAgain = true;
        return pumping.compareAndSet(false, true);
    }

    /** Called by the pump before a round: whether it must read the table, clearing the requests. */
    boolean startRound() {
        pumpAgain = false;
        boolean read = readWanted;
        readWanted = false;
        return read;
    }

    /** Called by the pump after a round: whether another round was asked for meanwhile. */
    boolean finishRound() {
        if (!pumpAgain) {
            pumping.set(false);
            return pumpAgain && pumping.compareAndSet(false, true);
        }
        return true;
    }

    /** Marks the stream released; {@code true} only the first time. */
    boolean release() {
        return released.compareAndSet(false, true);
    }

    boolean isReleased() {
        return released.get();
    }

    void wrote(Instant now) {
        lastWrite = now;
    }

    void read(Instant now) {
        lastRead = now;
    }

    Instant lastWrite() {
        return lastWrite;
    }

    Instant lastRead() {
        return lastRead;
    }

    @Override
    public String toString() {
        return isJobStream() ? "of job " + jobId
                : "of " + submitter + (jobType == null ? "" : " type " + jobType);
    }
}
