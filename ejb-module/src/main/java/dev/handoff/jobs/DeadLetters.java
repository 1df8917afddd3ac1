package dev.handoff.jobs;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.Enumeration;

/**
 * Moves a message that cannot or must not be processed again to the jobs dead-letter queue, with the
 * reason, in the caller's transaction: the copy is sent if and only if the original is consumed.
 */
@Stateless
public class DeadLetters {

    @Inject
    JMSContext jms;

    @Resource(lookup = JobQueues.JOBS_DEAD_LETTERS)
    Queue deadLetters;

    /**
     * Sends a copy of the message, with its application properties, to the dead letters.
     *
     * @param body the original's text, or {@code null} when it had none
     */
    public void send(Message original, String body, String reason) throws JMSException {
        JMSProducer producer = jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setProperty(JobQueues.REASON, reason)
                .setProperty(JobQueues.ORIGINAL_QUEUE, String.valueOf(original.getJMSDestination()));
        Enumeration<?> names = original.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (isApplicationProperty(name)) {
                producer.setProperty(name, original.getObjectProperty(name));
            }
        }
        producer.send(deadLetters, body == null ? "" : body);
    }

    private static boolean isApplicationProperty(String name) {
        return !name.startsWith("JMS") && !name.startsWith("_") && !name.equals(JobQueues.REASON);
    }
}
