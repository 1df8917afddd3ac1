package dev.handoff.reports;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javax.sql.DataSource;

/**
 * Summarises the values read into the report's CSV, stores it as the job's output with the report's
 * counts, and clears the values: all in one transaction, so a summary is written once, whole.
 *
 * <p>It holds every value in memory (about 8 bytes a row, 64 MiB datasets give a few million rows) to sort
 * each group for its percentile; an SQL {@code PERCENTILE_DISC} per group would stream instead.
 */
@Named
@Dependent
public class ReportSummaryBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String jobId;

    @Inject
    @BatchProperty
    String groupBy;

    @Inject
    @BatchProperty
    String threshold;

    @Inject
    @BatchProperty
    String datasetRows;

    @Inject
    DataSource dataSource;

    @Inject
    ReportRuns runs;

    @Override
    public String process() throws Exception {
        if (alreadySummarised()) {
            return BatchStatus.COMPLETED.name();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                summarise(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return BatchStatus.COMPLETED.name();
    }

    /** A restart after the summary committed, but before the batch runtime recorded it, finds it done. */
    private boolean alreadySummarised() throws SQLException {
        return runs.find(jobId).map(run -> run.result() != null).orElse(false);
    }

    private void summarise(Connection connection) throws SQLException {
        List<GroupSummary> groups = summaries(ReportValues.groups(connection, jobId));
        long rows = Long.parseLong(datasetRows);
        long counted = groups.stream().mapToLong(GroupSummary::count).sum();
        ReportResult result = new ReportResult(rows, groups.size(), rows - counted);

        ReportOutputs.replace(connection, jobId, ReportCsv.MEDIA_TYPE, ReportCsv.write(groupBy, groups));
        ReportRuns.recordResult(connection, jobId, result);
        ReportValues.deleteAll(connection, jobId);
        ReportsLogger.LOG.summarised(jobId, result.rows(), result.groups(), result.skipped());
    }

    private List<GroupSummary> summaries(SortedMap<String, GroupMeasures> groups) {
        BigDecimal over = new BigDecimal(threshold);
        List<GroupSummary> summaries = new ArrayList<>(groups.size());
        for (Map.Entry<String, GroupMeasures> group : groups.entrySet()) {
            summaries.add(group.getValue().summarize(group.getKey(), over));
        }
        return summaries;
    }
}
