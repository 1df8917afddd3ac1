package dev.handoff.notifications;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Records each send's outcome in a transaction of its own, committed before the next send starts: a notification
 * the SMTP server accepted is marked sent at once, not when its chunk commits, so that a crash later in the chunk
 * cannot make the restart send it again. Only a notification still {@code batched} changes: a sent one stays sent.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryMarks {

    private static final String SENT = "UPDATE handoff_notification SET status = 'sent', attempts = attempts + 1,"
            + " error = NULL, sent_at = ? WHERE id = ? AND status = 'batched'";
    private static final String SKIPPED = "UPDATE handoff_notification SET status = 'skipped',"
            + " attempts = attempts + 1, error = ? WHERE id = ? AND status = 'batched'";
    private static final String FAILED_ATTEMPT = "UPDATE handoff_notification SET attempts = attempts + 1, error = ?"
            + " WHERE id = ? AND status = 'batched'";

    @Inject
    DataSource dataSource;

    public void sent(long id, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(SENT)) {
            update.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailedException("Marking notification " + id + " sent", e);
        }
    }

    public void skipped(long id, String reason) {
        update(SKIPPED, id, reason);
    }

    /** A send that failed for a reason a later attempt may get past: counted, and the notification stays batched. */
    public void failedAttempt(long id, String reason) {
        update(FAILED_ATTEMPT, id, reason);
    }

    private void update(String sql, long id, String reason) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, NotificationStore.truncate(reason));
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailedException("Recording the outcome of notification " + id, e);
        }
    }
}
