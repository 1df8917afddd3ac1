package dev.handoff.datasets;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/** What the datasets tell operators. Ids 200-299 are this package's; never reuse a retired one. */
@MessageLogger(projectCode = "HANDOFF", length = 4)
interface DatasetsLogger extends BasicLogger {

    DatasetsLogger LOG = Logger.getMessageLogger(DatasetsLogger.class, DatasetsLogger.class.getPackageName());

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 201, value = "[dataset %s] Stored as %s: %d rows, %d bytes, %s")
    void datasetStored(String name, String format, long rows, long sizeBytes, String createdOrReplaced);
}
