package dev.handoff.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** A latency distribution summed up: how many were timed, the median, the 99th percentile and the worst. */
record Latency(long count, long p50Micros, long p99Micros, long maxMicros) {

    /** Up to a minute, to three significant digits. */
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final int SIGNIFICANT_DIGITS = 3;

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    static Latency of(Histogram histogram) {
        return new Latency(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }

    String describe() {
        return String.format(Locale.ROOT, "p50 %s  p99 %s  max %s ms",
                millis(p50Micros), millis(p99Micros), millis(maxMicros));
    }

    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }
}
