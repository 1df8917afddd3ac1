package dev.handoff.events;

import dev.handoff.jobs.JobEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes committed job events on the events topic, outside any transaction. A message is a wake-up call for the
 * streams of its job and submitter on every node: its body is the event's data, but streams read what they send
 * from the events table, so a lost message delays events until the streams' next catch-up read and loses none.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventPublisher {

    /** Submitters of recent jobs: a job's submitter never changes, so this saves a query per event. */
    private static final int REMEMBERED_JOBS = 10_000;

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connections;

    @Resource(lookup = EventTopic.JNDI_NAME)
    Topic topic;

    @EJB
    EventLog log;

    private final Map<String, Optional<String>> submitters = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
                    return size() > REMEMBERED_JOBS;
                }
            });

    /** Notes a job's submitter, as the event just recorded in this transaction names it. */
    public void remember(String jobId, String submitter) {
        submitters.put(jobId, Optional.ofNullable(submitter));
    }

    public void publish(JobEvent event) {
        try (JMSContext jms = connections.createContext()) {
            JMSProducer producer = jms.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setProperty(EventTopic.JOB_ID, event.jobId())
                    .setProperty(EventTopic.KIND, event.kind().wireName());
            submitterOf(event.jobId()).ifPresent(submitter -> producer.setProperty(EventTopic.SUBMITTER, submitter));
            producer.send(topic, StoredEvent.dataOf(event).toString());
        } catch (JMSRuntimeException e) {
            EventsLogger.LOG.publishFailed(event.jobId(), event.kind().wireName(), e);
        }
    }

    private Optional<String> submitterOf(String jobId) {
        Optional<String> known = submitters.get(jobId);
        return known != null ? known : log.submitterOf(jobId);
    }
}
