package dev.handoff.reports;

import java.math.BigDecimal;

/** One line of a report: the statistics of one group's measures. */
record GroupSummary(String key, long count, BigDecimal mean, double min, double max, double p95,
        BigDecimal over) {
}
