package dev.handoff.bench;

/** So many things done in so much time. */
record Throughput(long count, long nanos) {

    static Throughput between(long count, long startNanos, long endNanos) {
        return new Throughput(count, Math.max(1, endNanos - startNanos));
    }

    double perSecond() {
        return count * 1e9 / nanos;
    }

    double seconds() {
        return nanos / 1e9;
    }

    /** This rate as a share of another. */
    double ratioTo(Throughput other) {
        return perSecond() / other.perSecond();
    }
}
