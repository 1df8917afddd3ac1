package dev.handoff.events;

import dev.handoff.jobs.JobEvent;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Keeps every job event: stores it in the transaction of the job change it describes, so the table holds an event
 * if and only if the change committed; then, once that transaction has committed, publishes it on the events
 * topic. Publishing after commit keeps the broker out of the job's transaction, which would otherwise become a
 * two-phase (XA) commit for every job change.
 */
@ApplicationScoped
public class JobEventRecorder {

    @EJB
    EventLog log;

    @EJB
    EventPublisher publisher;

    void record(@Observes JobEvent event) {
        StoredEvent stored = log.append(event);
        publisher.remember(event.jobId(), stored.getSubmitter());
    }

    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobEvent event) {
        publisher.publish(event);
    }
}
