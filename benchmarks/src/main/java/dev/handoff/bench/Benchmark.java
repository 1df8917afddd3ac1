package dev.handoff.bench;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;

/**
 * Measures Handoff against the raw broker it runs on, in one run against one freshly started WildFly, and prints
 * the figures. Settings are system properties {@code bench.*}; see benchmarks/README.md.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServerSettings server = ServerSettings.fromSystemProperties();
        RawSettings raw = RawSettings.fromSystemProperties();
        HandoffSettings handoff = HandoffSettings.fromSystemProperties();
        long start = System.nanoTime();
        try (BenchServer wildfly = BenchServer.start(server)) {
            RawRuns.Results baseline = new RawRuns(server, raw, handoff.httpClients(), handoff.waitLimit()).run();
            Report.Handoff results = measureHandoff(new HandoffRuns(server, handoff, wildfly), handoff);
            double minutes = (System.nanoTime() - start) / 60e9;
            new Report(raw, handoff).print(baseline, results, minutes);
        } finally {
            ActiveMQClient.clearThreadPools();
        }
    }

    private static Report.Handoff measureHandoff(HandoffRuns runs, HandoffSettings settings) throws Exception {
        runs.warmUp();
        HandoffRuns.Processing processing = runs.acceptAndProcess();
        HandoffRuns.Processing paced = settings.pacedRate() == 0 ? null : runs.paced();
        HandoffRuns.Drain drain = settings.drainJobs() == 0 ? null : runs.drain();
        return new Report.Handoff(processing, paced, drain);
    }
}
