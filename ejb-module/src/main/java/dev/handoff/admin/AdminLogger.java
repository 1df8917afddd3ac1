package dev.handoff.admin;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/**
 * What dead-letter operations and retention tell operators. Ids 400-499 are this package's; never reuse a
 * retired one. Lines about one job start with the engine's token, {@code [job id type attempt n/max]}.
 */
@MessageLogger(projectCode = "HANDOFF", length = 4)
interface AdminLogger extends BasicLogger {

    AdminLogger LOG = Logger.getMessageLogger(AdminLogger.class, AdminLogger.class.getPackageName());

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 401, value = "[job %s %s attempt %d/%d] Dead letter replayed by %s%s; queued again")
    void deadLetterReplayed(String id, String type, int attempt, int maxAttempts, Actor actor, String correction);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 402, value = "[job %s %s attempt %d/%d] Dead letter purged by %s")
    void deadLetterPurged(String id, String type, int attempt, int maxAttempts, Actor actor);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 403, value = "Bulk operation %s (%s) started by %s: %d dead letters match %s")
    void bulkOperationStarted(String operationId, String action, Actor actor, long matched, String filter);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 404, value = "Bulk operation %s (%s) ended %s: %d done, %d skipped")
    void bulkOperationEnded(String operationId, String action, String status, long done, long skipped);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 405, value = "Bulk operation %s failed; the jobs it reached before stay as it left them")
    void bulkOperationFailed(String operationId, @Cause Throwable cause);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 406, value = "[job %s] Skipped by bulk operation %s: %s")
    void bulkOperationSkippedJob(String jobId, String operationId, String reason);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 407, value = "Retention runs every %s; keeps succeeded and cancelled jobs %s, failed jobs %s")
    void retentionScheduled(String interval, String succeededAge, String failedAge);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 408, value = "Retention run by %s purged %d succeeded, %d cancelled and %d failed jobs")
    void retentionPurged(Actor actor, long succeeded, long cancelled, long failed);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 409, value = "Retention run failed; the next run tries again")
    void retentionFailed(@Cause Throwable cause);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 410, value = "Bulk operation %s cut short: the application is stopping. It shows as interrupted;"
            + " send the same request again to finish it")
    void bulkOperationCutShort(String operationId);
}
