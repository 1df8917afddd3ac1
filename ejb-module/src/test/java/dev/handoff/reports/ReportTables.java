package dev.handoff.reports;

import dev.handoff.datasets.H2Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reads the tables a report writes, straight from the tests' database. */
final class ReportTables {

    private ReportTables() {
    }

    /** A job's output file. */
    record Output(String mediaType, String text) {
    }

    /** The job's output, or null when there is none. */
    static Output output(String jobId) throws SQLException {
        try (Connection connection = H2Database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT media_type, content FROM handoff_job_output WHERE job_id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Output(row.getString(1), new String(row.getBytes(2), StandardCharsets.UTF_8));
            }
        }
    }

    static long valuesLeft(String jobId) throws SQLException {
        try (Connection connection = H2Database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM handoff_report_value WHERE job_id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static long executionOf(String jobId) throws SQLException {
        try (Connection connection = H2Database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT execution_id FROM handoff_report_run WHERE job_id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Writes a job's run record as the launcher would. */
    static void recordRun(String jobId, long executionId, Instant datasetVersion) throws SQLException {
        try (Connection connection = H2Database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO handoff_report_run"
                        + " (job_id, execution_id, dataset_updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, jobId);
            insert.setLong(2, executionId);
            insert.setObject(3, OffsetDateTime.ofInstant(datasetVersion, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    static void deleteDataset(String name) throws SQLException {
        try (Connection connection = H2Database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM handoff_dataset WHERE name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
    }
}
