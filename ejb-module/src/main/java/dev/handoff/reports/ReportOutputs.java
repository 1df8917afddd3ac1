package dev.handoff.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Writes a report's table into {@code handoff_job_output}, where the jobs API serves it as the job's result. */
final class ReportOutputs {

    private static final String DELETE = "DELETE FROM handoff_job_output WHERE job_id = ?";
    private static final String INSERT = "INSERT INTO handoff_job_output (job_id, media_type, content, created_at)"
            + " VALUES (?, ?, ?, ?)";

    private ReportOutputs() {
    }

    /** Stores a job's output, replacing one written by an earlier run of the same step. */
    static void replace(Connection connection, String jobId, String mediaType, byte[] content)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, jobId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, jobId);
            insert.setString(2, mediaType);
            insert.setBytes(3, content);
            insert.setObject(4, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
