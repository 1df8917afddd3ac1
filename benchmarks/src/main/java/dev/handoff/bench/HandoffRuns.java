package dev.handoff.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The Handoff measurements: noop jobs submitted over HTTP, accepted, then run by the MDB. */
final class HandoffRuns {

    /** The MDB that drains handoff.jobs. */
    static final String JOBS_LISTENER = "JobsQueueListener";

    private final HandoffSettings settings;
    private final BenchServer server;
    private final List<HandoffClient> clients;
    private final List<HandoffClient> pacedClients;
    private final JobProgress progress;

    HandoffRuns(ServerSettings serverSettings, HandoffSettings settings, BenchServer server) {
        this.settings = settings;
        this.server = server;
        this.clients = clients(serverSettings, settings.httpClients());
        this.pacedClients = clients(serverSettings, settings.pacedClients());
        this.progress = new JobProgress(clients.get(0), settings.waitLimit(), settings.pollInterval());
    }

    /** Submits jobs and waits until all have ended, so the JIT, pools and connections are warm. */
    void warmUp() throws IOException, InterruptedException {
        if (settings.warmupJobs() == 0) {
            return;
        }
        Console.progress("Handoff warm-up: %d jobs", settings.warmupJobs());
        JobCounts before = progress.now();
        Submissions.backToBack(clients, settings.warmupJobs(), settings.waitLimit());
        progress.awaitEnded(before, settings.warmupJobs());
        Submissions.backToBack(pacedClients, pacedClients.size(), settings.waitLimit());
    }

    /** Accept latency from back-to-back clients, and jobs processed from the first submit until all succeeded. */
    Processing acceptAndProcess() throws IOException, InterruptedException {
        Console.progress("Handoff accept + process: %d jobs from %d HTTP clients", settings.jobs(), clients.size());
        JobCounts before = progress.now();
        Submissions.Result submitted = Submissions.backToBack(clients, settings.jobs(), settings.waitLimit());
        JobProgress.Ended ended = progress.awaitEnded(before, submitted.accepted());
        return new Processing(submitted,
                Throughput.between(submitted.accepted(), submitted.startNanos(), ended.nanos()), ended.failed());
    }

    /** Accept latency at a steady rate the server should keep up with. */
    Processing paced() throws IOException, InterruptedException {
        Console.progress("Handoff paced accepts: %d jobs/s for %d s from %d HTTP clients", settings.pacedRate(),
                settings.pacedSeconds(), pacedClients.size());
        JobCounts before = progress.now();
        Submissions.Result submitted = Submissions.paced(pacedClients, settings.pacedJobs(), settings.pacedRate(),
                settings.waitLimit());
        JobProgress.Ended ended = progress.awaitEnded(before, submitted.accepted());
        return new Processing(submitted,
                Throughput.between(submitted.accepted(), submitted.startNanos(), ended.nanos()), ended.failed());
    }

    /**
     * Jobs submitted while the MDB receives nothing, then drained: from when delivery resumed (seen by polling, as
     * the CLI's own start-up would blur it) until all succeeded.
     */
    Drain drain() throws IOException, InterruptedException {
        Console.progress("Handoff drain: %d jobs queued with delivery to %s stopped", settings.drainJobs(),
                JOBS_LISTENER);
        server.delivery(JOBS_LISTENER, false).await();
        JobCounts before = progress.now();
        Submissions.Result submitted = submitWhileStopped();
        BenchServer.CliCall resuming = server.delivery(JOBS_LISTENER, true);
        long resumed = progress.awaitFirstEnded(before);
        resuming.await();
        JobProgress.Ended ended = progress.awaitEnded(before, submitted.accepted());
        return new Drain(Throughput.between(submitted.accepted(), resumed, ended.nanos()), ended.failed());
    }

    private Submissions.Result submitWhileStopped() throws IOException, InterruptedException {
        try {
            return Submissions.backToBack(clients, settings.drainJobs(), settings.waitLimit());
        } catch (RuntimeException | InterruptedException e) {
            server.delivery(JOBS_LISTENER, true).await();
            throw e;
        }
    }

    private static List<HandoffClient> clients(ServerSettings server, int count) {
        List<HandoffClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(new HandoffClient(server.httpBase()));
        }
        return clients;
    }

    /** Jobs submitted and run: the accepts, the processing rate and how many jobs failed instead. */
    record Processing(Submissions.Result submitted, Throughput processed, long failed) {
    }

    record Drain(Throughput drained, long failed) {
    }
}
