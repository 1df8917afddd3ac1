package dev.handoff.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Submits noop jobs over HTTP from several clients at once and times each accept: back to back (each client sends
 * its next job when the last is answered) or paced at a fixed rate over all clients.
 *
 * <p>Paced, a job's latency counts from when it was due to be sent, so a slow answer that holds back the jobs after
 * it shows in their latency too (no coordinated omission). A paced run ends a second after its last job was due,
 * whether or not every job was sent: a server that falls behind does not stretch the run.
 */
final class Submissions {

    private final List<HandoffClient> clients;
    private final Duration limit;
    private final Histogram latency = new ConcurrentHistogram(Latency.newHistogram());
    private final Finish finish = new Finish();
    private static final long PACED_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<String> firstRefusal = new AtomicReference<>();

    private Submissions(List<HandoffClient> clients, Duration limit) {
        this.clients = clients;
        this.limit = limit;
    }

    static Result backToBack(List<HandoffClient> clients, int jobs, Duration limit) throws InterruptedException {
        return new Submissions(clients, limit).run(jobs, 0);
    }

    static Result paced(List<HandoffClient> clients, int jobs, int perSecond, Duration limit)
            throws InterruptedException {
        return new Submissions(clients, limit).run(jobs, TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    private Result run(int jobs, long intervalNanos) throws InterruptedException {
        int size = clients.size();
        StartLine startLine = new StartLine(size);
        Parallel running = Parallel.start(size,
                i -> submit(clients.get(i), i, jobs, startLine.arrive(limit), intervalNanos));
        long start = startLine.open(limit);
        running.await(limit);
        return new Result(jobs, Throughput.between(sent.get(), start, finish.nanos()), Latency.of(latency),
                refused.get(), firstRefusal.get(), start);
    }

    /** Client {@code index} sends jobs index, index + clients, ...; paced, each at its due time. */
    private void submit(HandoffClient client, int index, int jobs, long start, long intervalNanos) throws Exception {
        long cutoff = intervalNanos == 0 ? Long.MAX_VALUE : start + jobs * intervalNanos + PACED_GRACE_NANOS;
        for (int job = index; job < jobs && System.nanoTime() < cutoff; job += clients.size()) {
            long due = start + job * intervalNanos;
            waitUntil(due);
            long sentNanos = intervalNanos == 0 ? System.nanoTime() : due;
            HttpResponse<String> response = client.submitNoop();
            finish.mark();
            sent.incrementAndGet();
            Latency.record(latency, System.nanoTime() - sentNanos);
            check(response);
        }
    }

    private void check(HttpResponse<String> response) {
        if (response.statusCode() != HandoffClient.ACCEPTED) {
            refused.incrementAndGet();
            firstRefusal.compareAndSet(null, response.statusCode() + " " + response.body());
        }
    }

    private static void waitUntil(long dueNanos) throws InterruptedException {
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /**
     * How the submissions went: of the jobs planned, {@code accepts} counts those sent, {@code refused} those not
     * answered 202; {@code startNanos} is when the first was sent.
     */
    record Result(int planned, Throughput accepts, Latency latency, int refused, String firstRefusal,
                  long startNanos) {

        int accepted() {
            return (int) accepts.count() - refused;
        }

        int unsent() {
            return planned - (int) accepts.count();
        }
    }
}
