package dev.handoff.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** The measures of one group, gathered to be summarised. */
final class GroupMeasures {

    static final int MEAN_DECIMALS = 2;
    static final int OVER_DECIMALS = 4;
    static final int PERCENTILE = 95;

    private double[] values = new double[16];
    private int count;

    void add(double measure) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = measure;
    }

    int count() {
        return count;
    }

    /**
     * The group's count, mean (rounded half up to 2 decimals), min, max, 95th percentile (nearest rank) and the
     * share of measures above the threshold (rounded half up to 4 decimals).
     */
    GroupSummary summarize(String key, BigDecimal threshold) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        BigDecimal sum = BigDecimal.ZERO;
        long over = 0;
        for (double measure : sorted) {
            BigDecimal exact = BigDecimal.valueOf(measure);
            sum = sum.add(exact);
            if (exact.compareTo(threshold) > 0) {
                over++;
            }
        }
        BigDecimal n = BigDecimal.valueOf(count);
        return new GroupSummary(key, count,
                sum.divide(n, MEAN_DECIMALS, RoundingMode.HALF_UP),
                sorted[0],
                sorted[count - 1],
                sorted[nearestRank(PERCENTILE, count) - 1],
                BigDecimal.valueOf(over).divide(n, OVER_DECIMALS, RoundingMode.HALF_UP));
    }

    /** The rank of a percentile by the nearest-rank method: the ceiling of {@code percentile/100 * n}. */
    static int nearestRank(int percentile, int n) {
        return (int) ((percentile * (long) n + 99) / 100);
    }
}
