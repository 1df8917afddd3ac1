package dev.handoff.jobs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job's bookkeeping. Each change commits on its own, whatever becomes of the transaction that asks
 * for it: a failing attempt rolls back its own work, never the record that it ran and how it failed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobStore {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Job> find(String id) {
        return Optional.ofNullable(em.find(Job.class, id));
    }

    /** Stores a job that arrived by JMS, or returns the one stored by an earlier delivery of it. */
    public Job admit(String id, JobSubmission submission) {
        Job existing = em.find(Job.class, id);
        if (existing != null) {
            return existing;
        }
        Job job = new Job(id, submission, JobsConfig.maxAttempts(), Instant.now());
        em.persist(job);
        return job;
    }

    /** Counts an attempt and marks the job running. Committed before the handler is called. */
    public Job startAttempt(String id) {
        Job job = em.find(Job.class, id);
        job.startAttempt(Instant.now());
        return job;
    }

    public void recordProgress(String id, int percent) {
        em.createQuery("update Job j set j.progress = :progress where j.id = :id and j.progress <> :progress")
                .setParameter("progress", Math.max(0, Math.min(100, percent)))
                .setParameter("id", id)
                .executeUpdate();
    }

    public Job recordRetry(String id, String error) {
        Job job = em.find(Job.class, id);
        job.retry(error);
        return job;
    }

    public Job recordFailure(String id, String error) {
        Job job = em.find(Job.class, id);
        job.fail(error, Instant.now());
        return job;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            counts.put(status, 0L);
        }
        List<Object[]> rows = em.createNamedQuery(Job.COUNT_BY_STATUS, Object[].class).getResultList();
        for (Object[] row : rows) {
            counts.put((JobStatus) row[0], (Long) row[1]);
        }
        return counts;
    }
}
