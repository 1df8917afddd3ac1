package dev.handoff.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupMeasuresTest {

    @ParameterizedTest(name = "of {1} values the 95th percentile is the {2}th smallest")
    @CsvSource({"95, 1, 1", "95, 19, 19", "95, 20, 19", "95, 21, 20", "95, 100, 95", "95, 101, 96",
        "95, 1000000, 950000", "50, 3, 2"})
    void theNearestRankIsTheCeilingOfThePercentileOfTheCount(int percentile, int n, int rank) {
        assertThat(GroupMeasures.nearestRank(percentile, n)).isEqualTo(rank);
    }

    @Test
    void aGroupIsSummarisedWhateverTheOrderItsMeasuresCameIn() {
        // given twenty measures, 1 to 20, out of order

        // when the group is summarised with threshold 15
        GroupSummary summary = summaryOf(15, 7, 20, 1, 13, 2, 19, 8, 14, 3, 18, 9, 15, 4, 17, 10, 16, 5, 12, 6, 11);

        // then the statistics are those of 1..20 and above 15 means 16 to 20
        assertThat(summary.count()).isEqualTo(20);
        assertThat(summary.min()).isEqualTo(1);
        assertThat(summary.max()).isEqualTo(20);
        assertThat(summary.p95()).isEqualTo(19);
        assertThat(summary.mean()).isEqualByComparingTo("10.50");
        assertThat(summary.over()).isEqualByComparingTo("0.2500");
    }

    @Test
    void theMeanIsRoundedHalfUpToTwoDecimalsOnTheDecimalValues() {
        // given 1.005 and 1.005, whose binary double is a little below 1.005
        GroupSummary summary = summaryOf(0, 1.005, 1.005);

        // then the mean is 1.01, not 1.00
        assertThat(summary.mean().toPlainString()).isEqualTo("1.01");
    }

    @Test
    void theShareAboveTheThresholdCountsOnlyMeasuresStrictlyAboveItRoundedToFourDecimals() {
        // given 15, 16 and 14 with threshold 15
        GroupSummary summary = summaryOf(15, 15, 16, 14);

        // then one of three is above it
        assertThat(summary.over().toPlainString()).isEqualTo("0.3333");
        assertThat(summaryOf(15, 16, 17, 14).over().toPlainString()).isEqualTo("0.6667");
    }

    @Test
    void aSingleMeasureIsItsOwnMinMaxMeanAndPercentile() {
        GroupSummary summary = summaryOf(0, -7);

        assertThat(summary.count()).isEqualTo(1);
        assertThat(summary.min()).isEqualTo(-7);
        assertThat(summary.max()).isEqualTo(-7);
        assertThat(summary.p95()).isEqualTo(-7);
        assertThat(summary.mean().toPlainString()).isEqualTo("-7.00");
        assertThat(summary.over().toPlainString()).isEqualTo("0.0000");
    }

    private static GroupSummary summaryOf(double threshold, double... measures) {
        GroupMeasures group = new GroupMeasures();
        for (double measure : measures) {
            group.add(measure);
        }
        return group.summarize("key", BigDecimal.valueOf(threshold));
    }
}
