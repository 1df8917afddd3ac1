package dev.handoff.reports;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/**
 * What report jobs tell operators, each line starting with the job token. Ids 300-399 are this package's;
 * never reuse a retired one.
 */
@MessageLogger(projectCode = "HANDOFF", length = 4)
interface ReportsLogger extends BasicLogger {

    ReportsLogger LOG = Logger.getMessageLogger(ReportsLogger.class, ReportsLogger.class.getPackageName());

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 301, value = "[job %s report attempt %d/%d] Started batch execution %d over dataset '%s' (%d rows)")
    void started(String jobId, int attempt, int maxAttempts, long executionId, String dataset, long rows);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 302, value = "[job %s report attempt %d/%d] Restarted batch execution %d as %d, %d rows read"
            + " before")
    void restarted(String jobId, int attempt, int maxAttempts, long previousExecutionId, long executionId,
            long rowsDone);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 303, value = "[job %s report attempt %d/%d] Following batch execution %d, left %s by an earlier"
            + " attempt")
    void adopted(String jobId, int attempt, int maxAttempts, long executionId, String status);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 304, value = "[job %s report attempt %d/%d] Starting over: %s")
    void startingOver(String jobId, int attempt, int maxAttempts, String reason);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 305, value = "[job %s report] Summary written: %d rows, %d groups, %d skipped")
    void summarised(String jobId, long rows, long groups, long skipped);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 306, value = "%d batch executions and %d steps were left running by a server that stopped without"
            + " ending them; marked FAILED so their jobs' next attempts restart them from their checkpoints")
    void interruptedExecutionsFailed(int executions, int steps);
}
