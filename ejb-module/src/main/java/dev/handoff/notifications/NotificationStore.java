package dev.handoff.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The table {@code handoff_notification}, through the JTA datasource: every call joins the caller's transaction. */
@ApplicationScoped
public class NotificationStore {

    static final int MAX_ERROR_CHARS = 4000;

    private static final String COLUMNS = "id, channel, recipient, template_name, template_version, data,"
            + " idempotency_key, status, attempts, error, batch_id, delivery_id, created_at, sent_at";
    private static final String INSERT = "INSERT INTO handoff_notification (channel, recipient, template_name,"
            + " template_version, data, idempotency_key, status, attempts, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM handoff_notification WHERE id = ?";
    private static final String BY_KEY = "SELECT " + COLUMNS + " FROM handoff_notification WHERE idempotency_key = ?";
    private static final String WAITING = "SELECT COUNT(*), MIN(created_at) FROM handoff_notification"
            + " WHERE status = 'pending' AND channel = 'email'";
    private static final String CLAIM = "UPDATE handoff_notification SET status = 'batched', batch_id = ?"
            + " WHERE status = 'pending' AND id IN (SELECT id FROM handoff_notification"
            + " WHERE status = 'pending' AND channel = 'email' ORDER BY id FETCH FIRST ? ROWS ONLY)";
    private static final String UNSENT = "SELECT " + COLUMNS + " FROM handoff_notification"
            + " WHERE batch_id = ? AND status = 'batched' AND id > ? ORDER BY id";
    private static final String COUNTS = "SELECT status, COUNT(*), SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END)"
            + " FROM handoff_notification WHERE batch_id = ? GROUP BY status";
    private static final String LINK_DELIVERY = "UPDATE handoff_notification SET delivery_id = ? WHERE id = ?";
    private static final String DELIVERY_OUTCOME = "UPDATE handoff_notification SET status = ?, attempts = ?,"
            + " error = ?, sent_at = ? WHERE delivery_id = ?";
    private static final String FAIL_UNSENT = "UPDATE handoff_notification SET status = 'failed', error = ?"
            + " WHERE batch_id = ? AND status = 'batched'";

    @Inject
    DataSource dataSource;

    /** How many email notifications wait for a batch, and when the oldest of them was accepted. */
    record Waiting(long count, Instant oldest) {
    }

    /** How many notifications of a batch stand in each end status, and how many were tried at all. */
    record BatchCounts(long read, long sent, long skipped, long failed, long unsent) {
    }

    Notification insert(NotificationRequest request, int templateVersion, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, request.channel().wireName());
            insert.setString(2, request.recipient());
            insert.setString(3, request.template());
            insert.setInt(4, templateVersion);
            insert.setString(5, request.data().toString());
            insert.setString(6, request.idempotencyKey());
            insert.setString(7, NotificationStatus.PENDING.wireName());
            insert.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return new Notification(id, request.channel(), request.recipient(), request.template(),
                        templateVersion, request.data().toString(), request.idempotencyKey(),
                        NotificationStatus.PENDING, 0, null, null, null, now, null);
            }
        }
    }

    public Optional<Notification> find(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setLong(1, id);
            return first(select);
        }
    }

    Optional<Notification> byIdempotencyKey(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(BY_KEY)) {
            select.setString(1, key);
            return first(select);
        }
    }

    Waiting waiting() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(WAITING);
                ResultSet row = select.executeQuery()) {
            row.next();
            OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
            return new Waiting(row.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    /** Hands the oldest waiting email notifications, up to {@code max}, to a batch; how many it took. */
    int claim(String batchId, int max) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(CLAIM)) {
            update.setString(1, batchId);
            update.setInt(2, max);
            return update.executeUpdate();
        }
    }

    /** The batch's notifications not yet sent, skipped or failed, after the given id, in id order. */
    List<Notification> unsent(String batchId, long afterId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(UNSENT)) {
            select.setString(1, batchId);
            select.setLong(2, afterId);
            List<Notification> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(notification(row));
                }
            }
            return found;
        }
    }

    BatchCounts counts(String batchId) throws SQLException {
        long read = 0;
        long[] byStatus = new long[NotificationStatus.values().length];
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(COUNTS)) {
            select.setString(1, batchId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    NotificationStatus status = NotificationStatus.fromColumn(row.getString(1));
                    byStatus[status.ordinal()] = row.getLong(2);
                    read += status == NotificationStatus.BATCHED ? row.getLong(3) : row.getLong(2);
                }
            }
        }
        return new BatchCounts(read, byStatus[NotificationStatus.SENT.ordinal()],
                byStatus[NotificationStatus.SKIPPED.ordinal()], byStatus[NotificationStatus.FAILED.ordinal()],
                byStatus[NotificationStatus.BATCHED.ordinal()]);
    }

    /** Marks the batch's notifications not sent yet as failed, when the batch has given up; how many. */
    int failUnsent(String batchId, String error) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(FAIL_UNSENT)) {
            update.setString(1, truncate(error));
            update.setString(2, batchId);
            return update.executeUpdate();
        }
    }

    /** Records the webhook delivery that carries a webhook notification. */
    void linkDelivery(long id, String deliveryId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(LINK_DELIVERY)) {
            update.setString(1, deliveryId);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Records how the delivery stands, on the webhook notification it carries. */
    void recordDelivery(String deliveryId, NotificationStatus status, int attempts, String error, Instant sentAt)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(DELIVERY_OUTCOME)) {
            update.setString(1, status.wireName());
            update.setInt(2, attempts);
            update.setString(3, truncate(error));
            update.setObject(4, sentAt == null ? null : OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC));
            update.setString(5, deliveryId);
            update.executeUpdate();
        }
    }

    static String truncate(String error) {
        if (error == null || error.length() <= MAX_ERROR_CHARS) {
            return error;
        }
        return error.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }

    private static Optional<Notification> first(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(notification(row)) : Optional.empty();
        }
    }

    private static Notification notification(ResultSet row) throws SQLException {
        OffsetDateTime sentAt = row.getObject("sent_at", OffsetDateTime.class);
        return new Notification(row.getLong("id"), Channel.fromWire(row.getString("channel")),
                row.getString("recipient"), row.getString("template_name"), row.getInt("template_version"),
                row.getString("data"), row.getString("idempotency_key"),
                NotificationStatus.fromColumn(row.getString("status")), row.getInt("attempts"),
                row.getString("error"), row.getString("batch_id"), row.getString("delivery_id"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                sentAt == null ? null : sentAt.toInstant());
    }
}
