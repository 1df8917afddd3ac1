package dev.handoff.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The test server's embedded broker, reached as a remote application would: through the HTTP port,
 * as the test's application user.
 */
public final class Broker {

    public static final String URL = "tcp://127.0.0.1:" + Api.PORT
            + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor";
    public static final String USER = "handoff-test";
    public static final String PASSWORD = "handoff-test-password";
    public static final String JOBS = "handoff.jobs";
    public static final String JOBS_DEAD_LETTERS = "handoff.jobs.dlq";

    private Broker() {
    }

    public static ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(URL, USER, PASSWORD);
    }

    /** Sends a job submission, as JSON text, to the jobs queue with the given job id (or none). */
    public static void sendJob(String json, String jobId) {
        send(JOBS, json, jobId == null ? Map.of() : Map.of("jobId", jobId));
    }

    public static void send(String queue, String text, Map<String, String> properties) {
        try (JMSContext jms = connectionFactory().createContext()) {
            JMSProducer producer = jms.createProducer();
            properties.forEach(producer::setProperty);
            producer.send(jms.createQueue(queue), text);
        }
    }

    public static void sendBytes(String queue, byte[] body, Map<String, String> properties) {
        try (JMSContext jms = connectionFactory().createContext()) {
            JMSProducer producer = jms.createProducer();
            properties.forEach(producer::setProperty);
            producer.send(jms.createQueue(queue), body);
        }
    }

    /** The {@code jobId} properties of the messages waiting in a queue, in the order the broker will deliver them. */
    public static List<String> browseJobIds(String queue) {
        List<String> ids = new ArrayList<>();
        try (JMSContext jms = connectionFactory().createContext();
             QueueBrowser browser = jms.createBrowser(jms.createQueue(queue))) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                ids.add(((Message) messages.nextElement()).getStringProperty("jobId"));
            }
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** Takes the first message of a queue that matches the selector, waiting up to the timeout; null when none came. */
    public static Message receive(String queue, String selector, Duration timeout) {
        try (JMSContext jms = connectionFactory().createContext(JMSContext.CLIENT_ACKNOWLEDGE);
             JMSConsumer consumer = jms.createConsumer(jms.createQueue(queue), selector)) {
            Message message = consumer.receive(timeout.toMillis());
            if (message != null) {
                message.acknowledge();
            }
            return message;
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
