package dev.handoff.events;

import dev.handoff.jobs.JobStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * This node's open event streams. Everything a stream sends comes from the events table, read after the stream's
 * position by one pump at a time: the first pump replays what the caller missed, later ones run when the events
 * topic says the stream's job (or submitter) changed, or at a catch-up tick. So replay and live events never race,
 * and nothing is sent twice or out of its stream's order.
 */
@ApplicationScoped
public class EventStreams {

    /** The comment of a heartbeat line, {@code : keep-alive}. */
    public static final String KEEP_ALIVE = "keep-alive";

    @EJB
    EventLog log;

    @Resource
    ManagedExecutorService executor;

    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** Opens a stream of one job's events after the given id; the caller has checked that the job exists. */
    public EventStream openJobStream(String jobId, long afterId, EventSink sink) {
        return open(EventStream.ofJob(jobId, sink, afterId, Instant.now()));
    }

    /** Opens a stream of the events of every job the submitter submitted (of one type, when given). */
    public EventStream openSubmitterStream(String submitter, String jobType, long afterId, EventSink sink) {
        return open(EventStream.ofSubmitter(submitter, jobType, sink, afterId, Instant.now()));
    }

    /** The number of streams open on this node. */
    public int openCount() {
        return streams.size();
    }

    /** The events topic says the job changed: its streams, and its submitter's, read the table. */
    public void wake(String jobId, String submitter) {
        for (EventStream stream : streams) {
            if (stream.concerns(jobId, submitter)) {
                requestPump(stream, true);
            }
        }
    }

    /** Releases streams whose caller left, reads for those due a catch-up, sends heartbeats to idle ones. */
    void tick() {
        Instant now = Instant.now();
        Duration heartbeat = EventsConfig.heartbeat();
        Duration catchUp = EventsConfig.catchUp();
        for (EventStream stream : streams) {
            if (stream.sink().isClosed()) {
                release(stream);
            } else if (due(stream.lastRead(), catchUp, now)) {
                requestPump(stream, true);
            } else if (due(stream.lastWrite(), heartbeat, now)) {
                requestPump(stream, false);
            }
        }
    }

    private EventStream open(EventStream stream) {
        streams.add(stream);
        EventsLogger.LOG.debugf("Event stream %s opened; %d open", stream, streams.size());
        requestPump(stream, true);
        return stream;
    }

    private void requestPump(EventStream stream, boolean read) {
        if (stream.isReleased() || !stream.requestPump(read)) {
            return;
        }
        try {
            executor.execute(() -> pump(stream));
        } catch (RejectedExecutionException e) {
            release(stream);
        }
    }

    private void pump(EventStream stream) {
        try {
            do {
                boolean read = stream.startRound();
                if (!stream.isReleased()) {
                    round(stream, read);
                }
            } while (stream.finishRound());
        } catch (RuntimeException e) {
            if (stopping) {
                EventsLogger.LOG.debugf(e, "Event stream %s stopped with the application", stream);
            } else {
                EventsLogger.LOG.streamFailed(stream.toString(), e);
            }
            release(stream);
        }
    }

    private void round(EventStream stream, boolean read) {
        if (stream.sink().isClosed()) {
            release(stream);
            return;
        }
        Instant now = Instant.now();
        boolean sent = false;
        if (read) {
            Optional<JobStatus> status = stream.isJobStream() ? log.statusOf(stream.jobId()) : Optional.empty();
            if (stream.isJobStream() && status.isEmpty()) {
                release(stream);
                return;
            }
            sent = deliver(stream, now);
            stream.read(now);
            // The status was read before the events: a job that had ended then has every event in what was sent.
            if (stream.isReleased() || status.map(JobStatus::isTerminal).orElse(false)) {
                release(stream);
                return;
            }
        }
        if (!sent && due(stream.lastWrite(), EventsConfig.heartbeat(), now)) {
            if (stream.sink().comment(KEEP_ALIVE)) {
                stream.wrote(now);
            } else {
                release(stream);
            }
        }
    }

    /** Sends what the table holds after the stream's position; {@code true} when it sent anything. */
    private boolean deliver(EventStream stream, Instant now) {
        StreamCursor cursor = stream.cursor();
        boolean sent = false;
        long after = cursor.floor();
        List<StoredEvent> batch;
        do {
            batch = read(stream, after);
            for (StoredEvent event : batch) {
                if (cursor.isNew(event.getId())) {
                    long position = cursor.sent(event.getId(), now);
                    if (!stream.sink().send(position, event.getKind(), event.getData())) {
                        release(stream);
                        return sent;
                    }
                    sent = true;
                    stream.wrote(now);
                }
                after = event.getId();
            }
        } while (batch.size() == EventLog.BATCH);
        cursor.settle(now);
        return sent;
    }

    private List<StoredEvent> read(EventStream stream, long after) {
        return stream.isJobStream() ? log.ofJob(stream.jobId(), after)
                : log.ofSubmitter(stream.submitter(), stream.jobType(), after);
    }

    private void release(EventStream stream) {
        if (stream.release()) {
            streams.remove(stream);
            stream.sink().close();
            EventsLogger.LOG.debugf("Event stream %s closed; %d open", stream, streams.size());
        }
    }

    private static boolean due(Instant last, Duration period, Instant now) {
        return !last.plus(period).isAfter(now);
    }

    /**
     * At undeployment the web layer has already gone, and with it the responses: the streams are forgotten without
     * writing to them.
     */
    @PreDestroy
    void forgetAll() {
        stopping = true;
        streams.forEach(EventStream::release);
        streams.clear();
    }
}
