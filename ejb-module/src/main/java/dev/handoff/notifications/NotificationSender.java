package dev.handoff.notifications;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Sends a chunk's emails over one SMTP connection, marking each sent (in a transaction of its own) as soon as the
 * server accepted it. A recipient the server refuses for good (5xx) is skipped and counted; past the skip limit
 * the step fails for good. Any other failure (no connection, a 4xx reply, a dropped connection) fails the step, to
 * be retried by the job's next attempt from the last checkpoint.
 */
@Named
@Dependent
public class NotificationSender extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String jobId;

    @Inject
    @BatchProperty
    String batchId;

    @Inject
    @BatchProperty
    String skipLimit;

    @Inject
    NotificationMail mail;

    @Inject
    NotificationStore notifications;

    @EJB
    DeliveryMarks marks;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        Transport transport = connect((OutgoingEmail) items.get(0));
        try {
            for (Object item : items) {
                write(transport, (OutgoingEmail) item);
            }
        } finally {
            close(transport);
        }
    }

    private void write(Transport transport, OutgoingEmail email) throws Exception {
        if (email.undeliverable() != null) {
            skip(email, email.undeliverable());
            return;
        }
        MimeMessage message = mail.build(email);
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            if (refusedForGood(e)) {
                skip(email, "The SMTP server refused the recipient: " + e.getMessage());
                return;
            }
            throw unavailable(email, e);
        } catch (MessagingException e) {
            throw unavailable(email, e);
        }
        marks.sent(email.notificationId(), Instant.now());
    }

    /** Jakarta Mail lists a recipient refused with a 5xx reply as invalid; one refused with a 4xx as unsent. */
    private static boolean refusedForGood(SendFailedException e) {
        Address[] invalid = e.getInvalidAddresses();
        return invalid != null && invalid.length > 0;
    }

    private void skip(OutgoingEmail email, String reason) throws SQLException, SkipLimitExceededException {
        marks.skipped(email.notificationId(), reason);
        NotificationsLogger.LOG.recipientRefused(jobId, email.notificationId(), reason);
        long skipped = notifications.counts(batchId).skipped();
        if (skipped > Long.parseLong(skipLimit)) {
            throw new SkipLimitExceededException("More than " + skipLimit + " notifications of batch " + batchId
                    + " skipped (" + NotificationsConfig.SKIP_LIMIT + " " + skipLimit + "); the last: " + reason);
        }
    }

    private Transport connect(OutgoingEmail first) throws Exception {
        Transport transport = mail.session().getTransport("smtp");
        try {
            transport.connect();
            return transport;
        } catch (MessagingException e) {
            throw unavailable(first, e);
        }
    }

    private SmtpUnavailableException unavailable(OutgoingEmail email, MessagingException e) throws SQLException {
        String reason = "Sending failed, to be retried: " + e;
        marks.failedAttempt(email.notificationId(), reason);
        NotificationsLogger.LOG.sendFailed(jobId, email.notificationId(), e.toString());
        return new SmtpUnavailableException(reason, e);
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // The chunk's sends were accepted or not already; a failing QUIT changes neither.
        }
    }
}
