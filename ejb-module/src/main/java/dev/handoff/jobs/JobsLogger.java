package dev.handoff.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/**
 * What the job engine tells operators. Every job line starts with the same token, {@code [job id type
 * attempt n/max]}, so one job's story can be read with a single search. Ids are stable: never reuse a
 * retired one.
 */
@MessageLogger(projectCode = "HANDOFF", length = 4)
interface JobsLogger extends BasicLogger {

    JobsLogger LOG = Logger.getMessageLogger(JobsLogger.class, JobsLogger.class.getPackageName());

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1, value = "Job types available: %s")
    void jobTypesDiscovered(Set<String> types);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 2, value = "[job %s %s attempt %d/%d] Attempt failed, will retry at %s: %s")
    void attemptFailedWillRetry(String id, String type, int attempt, int maxAttempts, Instant nextAttemptAt,
            String error);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 3, value = "[job %s %s attempt %d/%d] Job failed and is dead-lettered: %s")
    void jobDeadLettered(String id, String type, int attempt, int maxAttempts, String error);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 4, value = "Message %s on queue %s dead-lettered: %s")
    void messageDeadLettered(String messageId, String queue, String reason);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 5, value = "[job %s %s] Redelivered after it ended %s; acknowledged without running it again")
    void finishedJobRedelivered(String id, String type, String status);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 7, value = "[job %s %s] Submitted again by JMS with the id of a job already %s; the first"
            + " submission stands and this one is dropped")
    void duplicateSubmission(String id, String type, String status);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 6, value = "[job %s %s attempt %d/%d] Delivered while another worker runs it; put back until its"
            + " lease ends")
    void jobHeldElsewhere(String id, String type, int attempt, int maxAttempts);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 8, value = "Enqueuing %d jobs stored more than %d s ago whose messages never reached the queue"
            + " (a crash or a broker failure in between): %s")
    void enqueuingStranded(int count, long graceSeconds, List<String> someIds);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 9, value = "Could not enqueue %d stored jobs; they stay marked and are enqueued again within %d s:"
            + " %s")
    void enqueueFailed(int count, long graceSeconds, String error);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 10, value = "[job %s] Delivered after the job was deleted; acknowledged without running it")
    void deletedJobDelivered(String id);
}
