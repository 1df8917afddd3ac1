package dev.handoff.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** The table {@code handoff_report_run}: which batch execution each report job has, and its result. */
@ApplicationScoped
public class ReportRuns {

    private static final String FIND = "SELECT execution_id, dataset_updated_at, rows_read, group_count,"
            + " skipped_count FROM handoff_report_run WHERE job_id = ?";
    private static final String RESET = "UPDATE handoff_report_run SET execution_id = NULL,"
            + " dataset_updated_at = ?, rows_read = NULL, group_count = NULL, skipped_count = NULL WHERE job_id = ?";
    private static final String INSERT = "INSERT INTO handoff_report_run (dataset_updated_at, job_id)"
            + " VALUES (?, ?)";
    private static final String SET_EXECUTION = "UPDATE handoff_report_run SET execution_id = ? WHERE job_id = ?";
    private static final String SET_RESULT = "UPDATE handoff_report_run SET rows_read = ?, group_count = ?,"
            + " skipped_count = ? WHERE job_id = ?";

    @Inject
    DataSource dataSource;

    Optional<ReportRun> find(String jobId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(run(jobId, row)) : Optional.empty();
            }
        }
    }

    /** Starts a job's record afresh, before its first batch execution starts: no execution, no result. */
    void prepareFresh(String jobId, Instant datasetVersion) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (update(connection, RESET, datasetVersion, jobId) == 0) {
                update(connection, INSERT, datasetVersion, jobId);
            }
        }
    }

    void recordExecution(String jobId, long executionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(SET_EXECUTION)) {
            update.setLong(1, executionId);
            update.setString(2, jobId);
            update.executeUpdate();
        }
    }

    /** Records a report's result, in the summary step's transaction. */
    static void recordResult(Connection connection, String jobId, ReportResult result) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SET_RESULT)) {
            update.setLong(1, result.rows());
            update.setLong(2, result.groups());
            update.setLong(3, result.skipped());
            update.setString(4, jobId);
            update.executeUpdate();
        }
    }

    private static int update(Connection connection, String sql, Instant datasetVersion, String jobId)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, OffsetDateTime.ofInstant(datasetVersion, ZoneOffset.UTC));
            update.setString(2, jobId);
            return update.executeUpdate();
        }
    }

    private static ReportRun run(String jobId, ResultSet row) throws SQLException {
        long executionId = row.getLong("execution_id");
        Long execution = row.wasNull() ? null : executionId;
        long rows = row.getLong("rows_read");
        ReportResult result = row.wasNull() ? null
                : new ReportResult(rows, row.getLong("group_count"), row.getLong("skipped_count"));
        return new ReportRun(jobId, execution,
                row.getObject("dataset_updated_at", OffsetDateTime.class).toInstant(), result);
    }
}
