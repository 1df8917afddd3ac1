package dev.handoff.events;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Subscribes this node to {@code handoff.job-events} (non-durable: each node has its own subscription while it
 * runs, and nothing piles up for a node that is down) and wakes the node's open streams that the event concerns.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = EventTopic.JNDI_NAME),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobEventsTopicListener implements MessageListener {

    @Inject
    EventStreams streams;

    @Override
    public void onMessage(Message message) {
        try {
            String jobId = message.getStringProperty(EventTopic.JOB_ID);
            if (jobId == null) {
                EventsLogger.LOG.wakeWithoutJob(EventTopic.JOB_ID);
                return;
            }
            streams.wake(jobId, message.getStringProperty(EventTopic.SUBMITTER));
        } catch (JMSException e) {
            // Harmless: the streams read the events table again at their next catch-up.
            EventsLogger.LOG.debugf(e, "Could not read a message of the events topic; ignored");
        }
    }
}
