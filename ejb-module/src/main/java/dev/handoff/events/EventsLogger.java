package dev.handoff.events;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/** What event streams tell operators. Ids 0800-0899; never reuse a retired one. */
@MessageLogger(projectCode = "HANDOFF", length = 4)
interface EventsLogger extends BasicLogger {

    EventsLogger LOG = Logger.getMessageLogger(EventsLogger.class, EventsLogger.class.getPackageName());

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 800, value = "[job %s] Could not publish its %s event on the events topic; open streams get it"
            + " at their next catch-up read")
    void publishFailed(String jobId, String kind, @Cause Throwable cause);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 801, value = "Event stream %s failed while reading its events and is closed")
    void streamFailed(String stream, @Cause Throwable cause);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 802, value = "The events topic listener got a message without a %s property; ignored")
    void wakeWithoutJob(String property);
}
