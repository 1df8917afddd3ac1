package dev.handoff.events;

import dev.handoff.jobs.Job;
import dev.handoff.jobs.JobEvent;
import dev.handoff.jobs.JobStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** The events table: written in the transaction of each job change, read by open streams outside any. */
@Stateless
public class EventLog {

    /** Events read per query; a stream further behind reads again. */
    static final int BATCH = 500;

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    /** Stores the event in the caller's transaction, with the job's submitter, and returns it with its id. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public StoredEvent append(JobEvent event) {
        Job job = em.find(Job.class, event.jobId());
        StoredEvent stored = new StoredEvent(event, job == null ? null : job.getSubmitter());
        em.persist(stored);
        return stored;
    }

    /** The job's events after the given id, in id order, at most {@link #BATCH}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<StoredEvent> ofJob(String jobId, long afterId) {
        return em.createQuery("select e from StoredEvent e where e.jobId = :jobId and e.id > :after order by e.id",
                        StoredEvent.class)
                .setParameter("jobId", jobId)
                .setParameter("after", afterId)
                .setMaxResults(BATCH)
                .getResultList();
    }

    /** The events of the submitter's jobs after the given id, of one job type or of all, in id order. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<StoredEvent> ofSubmitter(String submitter, String jobType, long afterId) {
        TypedQuery<StoredEvent> query = em.createQuery("select e from StoredEvent e where e.submitter = :submitter"
                        + " and e.id > :after" + (jobType == null ? "" : " and e.jobType = :type") + " order by e.id",
                        StoredEvent.class)
                .setParameter("submitter", submitter)
                .setParameter("after", afterId)
                .setMaxResults(BATCH);
        if (jobType != null) {
            query.setParameter("type", jobType);
        }
        return query.getResultList();
    }

    /** The job's status as committed now; empty when there is no such job (never was, or purged). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<JobStatus> statusOf(String jobId) {
        return em.createQuery("select j.status from Job j where j.id = :id", JobStatus.class)
                .setParameter("id", jobId)
                .getResultStream()
                .findFirst();
    }

    /** Who submitted the job, when it is known. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<String> submitterOf(String jobId) {
        return em.createQuery("select j.submitter from Job j where j.id = :id", String.class)
                .setParameter("id", jobId)
                .getResultStream()
                .filter(s -> s != null)
                .findFirst();
    }
}
