package dev.handoff.webhooks;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/**
 * What the webhooks feature tells operators: codes {@code HANDOFF0700}-{@code 0799}. Lines about a delivery
 * start with {@code [delivery id endpoint attempt n]}; never a secret, a signature or a body. Ids are stable:
 * never reuse a retired one.
 */
@MessageLogger(projectCode = "HANDOFF", length = 4)
interface WebhooksLogger extends BasicLogger {

    WebhooksLogger LOG = Logger.getMessageLogger(WebhooksLogger.class, WebhooksLogger.class.getPackageName());

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 700, value = "The JDK refuses a Host header (jdk.httpclient.allowRestrictedHeaders lacks host):"
            + " plain http requests to host names are sent by name, so their host is looked up again after the check")
    void hostHeaderRestricted();

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 701, value = "Webhook endpoint %s registered for %s")
    void endpointRegistered(String name, String url);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 702, value = "Webhook endpoint %s has a new secret; the previous one signs too until %s")
    void secretRotated(String name, Object previousUntil);

    /** DEBUG: the job engine logs the same failure at WARN (retry) or ERROR (dead letter) under the job's id. */
    @LogMessage(level = Logger.Level.DEBUG)
    @Message(id = 703, value = "[delivery %s %s attempt %d] Not delivered: %s")
    void attemptFailed(String id, String endpoint, int attempt, String error);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 704, value = "[job %s %s] Ended, but no webhook endpoint covers its callbackUrl any more;"
            + " no callback sent")
    void callbackWithoutEndpoint(String id, String type);
}
