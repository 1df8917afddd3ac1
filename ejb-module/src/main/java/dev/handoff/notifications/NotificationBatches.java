package dev.handoff.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** The table {@code handoff_notification_batch}: each batch, its job and its latest batch execution. */
@ApplicationScoped
public class NotificationBatches {

    private static final String COLUMNS = "id, job_id, notification_count, execution_id, created_at";
    private static final String INSERT = "INSERT INTO handoff_notification_batch (id, job_id, notification_count,"
            + " created_at) VALUES (?, ?, ?, ?)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM handoff_notification_batch WHERE id = ?";
    private static final String BY_JOB = "SELECT " + COLUMNS + " FROM handoff_notification_batch WHERE job_id = ?";
    private static final String SET_EXECUTION = "UPDATE handoff_notification_batch SET execution_id = ? WHERE id = ?";

    @Inject
    DataSource dataSource;

    void insert(NotificationBatch batch) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, batch.id());
            insert.setString(2, batch.jobId());
            insert.setInt(3, batch.size());
            insert.setObject(4, OffsetDateTime.ofInstant(batch.createdAt(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    public Optional<NotificationBatch> find(String id) throws SQLException {
        return query(FIND, id);
    }

    Optional<NotificationBatch> byJob(String jobId) throws SQLException {
        return query(BY_JOB, jobId);
    }

    void recordExecution(String batchId, long executionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(SET_EXECUTION)) {
            update.setLong(1, executionId);
            update.setString(2, batchId);
            update.executeUpdate();
        }
    }

    private Optional<NotificationBatch> query(String sql, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long executionId = row.getLong("execution_id");
                Long execution = row.wasNull() ? null : executionId;
                return Optional.of(new NotificationBatch(row.getString("id"), row.getString("job_id"),
                        row.getInt("notification_count"), execution,
                        row.getObject("created_at", OffsetDateTime.class).toInstant()));
            }
        }
    }
}
