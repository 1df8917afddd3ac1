package dev.handoff.jobs;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Enumeration;
import java.util.Map;

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

    /** Sends a copy of the message, with its body and application properties, to the dead letters. */
    public void send(Message original, String reason) throws JMSException {
        send(original, reason, null);
    }

    /**
     * Sends a copy of a job's message to the dead letters, with the job's id in property {@code jobId} even
     * when the original, a submission without one, lacked it.
     */
    public void send(Message original, String reason, String jobId) throws JMSException {
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
        if (jobId != null) {
            producer.setProperty(JobQueues.JOB_ID, jobId);
        }
        sendBody(producer, original);
    }

    /** The copy keeps the original's kind of body, so nothing of what was sent is lost. */
    @SuppressWarnings("unchecked")
    private void sendBody(JMSProducer producer, Message original) throws JMSException {
        if (original instanceof BytesMessage) {
            producer.send(deadLetters, original.getBody(byte[].class));
        } else if (original instanceof MapMessage) {
            producer.send(deadLetters, original.getBody(Map.class));
        } else if (original instanceof ObjectMessage object) {
            producer.send(deadLetters, object.getObject());
        } else if (original instanceof TextMessage text) {
            producer.send(deadLetters, text.getText() == null ? "" : text.getText());
        } else {
            producer.send(deadLetters, "");
        }
    }

    private static boolean isApplicationProperty(String name) {
        return !name.startsWith("JMS") && !name.startsWith("_") && !name.equals(JobQueues.REASON);
    }
}
