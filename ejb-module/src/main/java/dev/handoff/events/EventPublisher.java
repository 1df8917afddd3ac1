package dev.handoff.events;

import dev.handoff.SerialDrain;
import dev.handoff.jobs.JobEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Publishes committed job events on the events topic, outside any transaction. A message is a wake-up call for the
 * streams of its job and submitter on every node: its body is the event's data, but streams read what they send
 * from the events table, so a lost message delays events until the streams' next catch-up read and loses none.
 *
 * <p>Publishing never holds up the thread that committed the event: events wait in memory (at most
 * {@value #WAITING_LIMIT}; past that they are dropped, and streams catch up) and one task at a time sends them
 * through one long-lived session.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventPublisher {

    /** Submitters of recent jobs: a job's submitter never changes, so this saves a query per event. */
    private static final int REMEMBERED_JOBS = 10_000;

    static final int WAITING_LIMIT = 100_000;

    /** The broker's in-VM factory, outside any JTA transaction. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connections;

    @Resource
    ManagedExecutorService executor;

    private final LinkedBlockingQueue<JobEvent> waiting = new LinkedBlockingQueue<>(WAITING_LIMIT);
    private final SerialDrain<JobEvent> sender = new SerialDrain<>(waiting, this::sendWaiting);
    private JMSContext session;

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

    /** Publishes the event soon, from another thread. */
    public void publish(JobEvent event) {
        if (!waiting.offer(event)) {
            EventsLogger.LOG.publishFailed(event.jobId(), event.kind().wireName(),
                    new IllegalStateException(WAITING_LIMIT + " events already wait to be published"));
        }
        sender.start(executor);
    }

    private void sendWaiting() {
        for (JobEvent event = waiting.poll(); event != null; event = waiting.poll()) {
            send(event);
        }
    }

    private void send(JobEvent event) {
        try {
            if (session == null) {
                session = connections.createContext();
            }
            JMSProducer producer = session.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setProperty(EventTopic.JOB_ID, event.jobId())
                    .setProperty(EventTopic.KIND, event.kind().wireName());
            submitterOf(event.jobId()).ifPresent(submitter -> producer.setProperty(EventTopic.SUBMITTER, submitter));
            producer.send(topic, StoredEvent.dataOf(event).toString());
        } catch (JMSRuntimeException e) {
            EventsLogger.LOG.publishFailed(event.jobId(), event.kind().wireName(), e);
            closeSession();
        }
    }

    @PreDestroy
    void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (JMSRuntimeException e) {
                EventsLogger.LOG.debugf(e, "Closing the events topic session failed");
            }
            session = null;
        }
    }

    private Optional<String> submitterOf(String jobId) {
        Optional<String> known = submitters.get(jobId);
        return known != null ? known : log.submitterOf(jobId);
    }
}
