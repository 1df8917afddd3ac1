package dev.handoff.bench;

import java.util.Locale;

/** The figures of one run, printed as a table with the ratios between Handoff and the raw broker. */
final class Report {

    private static final String ROW = "  %-52s %9s %12s   %s";

    private final RawSettings raw;
    private final HandoffSettings handoff;

    Report(RawSettings raw, HandoffSettings handoff) {
        this.raw = raw;
        this.handoff = handoff;
    }

    void print(RawRuns.Results baseline, Handoff results, double minutes) {
        Console.line("");
        Console.line("Handoff benchmark: one WildFly 39 on 127.0.0.1, %d CPUs shared by server and clients, %.1f min",
                Runtime.getRuntime().availableProcessors(), minutes);
        Console.line(ROW, "", "count", "per second", "latency");
        printRaw(baseline);
        printHandoff(results);
        printRatios(baseline, results);
        Console.line("");
    }

    private void printRaw(RawRuns.Results baseline) {
        Console.line("Raw Artemis, persistent %d-byte messages on %s", raw.bodyBytes(), RawBroker.QUEUE);
        row(format("send, %d producers, %d in flight (send-to-ack)", raw.producers(), raw.inFlight()),
                baseline.send().throughput(), baseline.send().latency().describe());
        row(format("consume only, %d consumers", raw.consumers()), baseline.consume(), "");
        row(format("send + consume together, %d + %d", raw.producers(), raw.consumers()),
                baseline.sendAndConsume(), "");
        row(format("blocking send, %d threads", handoff.httpClients()),
                baseline.blockingSend().throughput(), baseline.blockingSend().latency().describe());
    }

    private void printHandoff(Handoff results) {
        Console.line("Handoff noop jobs (POST /api/jobs: H2 commit, then outbox to JMS; MDB)");
        Submissions.Result accepted = results.processing().submitted();
        row(format("accept, %d HTTP clients back to back", handoff.httpClients()), accepted.accepts(),
                accepted.latency().describe() + refusals(accepted));
        row("processed, first submit to all succeeded", results.processing().processed(),
                failures(results.processing().failed()));
        if (results.paced() != null) {
            Submissions.Result paced = results.paced().submitted();
            row(format("accept paced at %d/s, %d HTTP clients", handoff.pacedRate(), handoff.pacedClients()),
                    paced.accepts(), paced.latency().describe() + refusals(paced));
        }
        if (results.drain() != null) {
            row("drained, MDB resumed to all succeeded", results.drain().drained(),
                    failures(results.drain().failed()));
        }
    }

    private void printRatios(RawRuns.Results baseline, Handoff results) {
        Console.line("Handoff beside the raw broker");
        Submissions.Result accepted = results.processing().submitted();
        ratio("processed/s / raw send+consume/s",
                format("%.3f", results.processing().processed().ratioTo(baseline.sendAndConsume())));
        if (results.drain() != null) {
            ratio("drained/s / raw consume-only/s",
                    format("%.3f", results.drain().drained().ratioTo(baseline.consume())));
        }
        ratio("accepts/s / raw blocking sends/s, same threads",
                format("%.3f", accepted.accepts().ratioTo(baseline.blockingSend().throughput())));
        ratio("accept p99 / raw blocking-send p99", format("%s ms / %s ms",
                Latency.millis(accepted.latency().p99Micros()),
                Latency.millis(baseline.blockingSend().latency().p99Micros())));
    }

    private static void ratio(String label, String value) {
        Console.line("  %-52s %s", label, value);
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void row(String label, Throughput throughput, String latency) {
        Console.line(ROW, label, format("%,d", throughput.count()),
                format("%,.0f", throughput.perSecond()), latency);
    }

    private static String refusals(Submissions.Result result) {
        String unsent = result.unsent() == 0 ? "" : "  fell behind: " + result.unsent() + " of "
                + result.planned() + " not sent";
        String refused = result.refused() == 0 ? "" : "  REFUSED " + result.refused() + ", first: "
                + result.firstRefusal();
        return unsent + refused;
    }

    private static String failures(long failed) {
        return failed == 0 ? "" : "  FAILED " + failed;
    }

    /** Handoff's figures; paced and drain are null when skipped. */
    record Handoff(HandoffRuns.Processing processing, HandoffRuns.Processing paced, HandoffRuns.Drain drain) {
    }
}
