package dev.handoff.notifications;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/**
 * What notifications tell operators; batch lines start with the batch's job token. Ids 600-699 are this package's;
 * never reuse a retired one.
 */
@MessageLogger(projectCode = "HANDOFF", length = 4)
interface NotificationsLogger extends BasicLogger {

    NotificationsLogger LOG = Logger.getMessageLogger(NotificationsLogger.class,
            NotificationsLogger.class.getPackageName());

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 601, value = "Notification batch %s of %d email notifications handed to job %s")
    void batchFlushed(String batchId, int size, String jobId);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 602, value = "[job %s notification-batch attempt %d/%d] Started batch execution %d for batch %s")
    void started(String jobId, int attempt, int maxAttempts, long executionId, String batchId);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 603, value = "[job %s notification-batch attempt %d/%d] Restarted batch execution %d as %d from its"
            + " checkpoint")
    void restarted(String jobId, int attempt, int maxAttempts, long previousExecutionId, long executionId);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 604, value = "[job %s notification-batch] SMTP server refused recipient of notification %d;"
            + " skipped: %s")
    void recipientRefused(String jobId, long notificationId, String reason);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 605, value = "[job %s notification-batch] Sending notification %d failed; the batch will be retried:"
            + " %s")
    void sendFailed(String jobId, long notificationId, String reason);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 606, value = "[job %s notification-batch] Batch %s ended %s: %d notifications not sent marked"
            + " failed")
    void batchFailed(String jobId, String batchId, String jobStatus, int failed);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 607, value = "Collecting email notifications into batches failed; trying again at the next look")
    void collectFailed(@Cause Throwable cause);
}
