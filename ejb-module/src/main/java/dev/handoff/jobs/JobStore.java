package dev.handoff.jobs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job's bookkeeping. Each change commits on its own, whatever becomes of the transaction that asks
 * for it: a failing attempt rolls back its own work, never the record that it ran and how it failed.
 *
 * <p>Reads run outside the caller's transaction, so that the jobs queue listener's transaction holds the
 * broker alone and commits in one phase, without a transaction log write.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobStore {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @Inject
    Event<JobEvent> events;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Job> find(String id) {
        return Optional.ofNullable(em.find(Job.class, id));
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<JobAttempt> attempts(String id) {
        return em.createNamedQuery(JobAttempt.OF_JOB, JobAttempt.class).setParameter("jobId", id).getResultList();
    }

    /** Stores a job that arrived by JMS, or returns the one stored by an earlier delivery of it. */
    public Job admit(String id, JobSubmission submission, Retries retries) {
        Job existing = em.find(Job.class, id);
        if (existing != null) {
            return existing;
        }
        Job job = new Job(id, submission, retries, Instant.now());
        em.persist(job);
        return job;
    }

    /**
     * Counts an attempt, marks the job running under the lease, and records the attempt. Committed before
     * the handler is called. Two workers racing for the same job both read it, but only one commits: the
     * other fails on the job's version.
     */
    public Job startAttempt(String id, Lease lease) {
        Instant now = Instant.now();
        Job job = em.find(Job.class, id);
        job.startAttempt(lease, now);
        em.persist(new JobAttempt(job, lease, now));
        events.fire(JobEvent.of(job, JobEvent.Kind.STARTED, now));
        return job;
    }

    /**
     * Records a running job's progress by a bulk update, which leaves the job's version alone: the attempt's
     * own transaction, which read the job, must still be able to record its success.
     */
    public void recordProgress(String id, int percent) {
        int progress = Math.max(0, Math.min(100, percent));
        int changed = em.createQuery(
                        "update Job j set j.progress = :progress where j.id = :id and j.progress <> :progress")
                .setParameter("progress", progress)
                .setParameter("id", id)
                .executeUpdate();
        if (changed > 0) {
            Object[] job = em.createQuery("select j.type, j.attempts from Job j where j.id = :id", Object[].class)
                    .setParameter("id", id)
                    .getSingleResult();
            events.fire(new JobEvent(id, (String) job[0], JobEvent.Kind.PROGRESS, JobStatus.RUNNING, (Integer) job[1],
                    progress, null, null, Instant.now()));
        }
    }

    public Job recordRetry(String id, String error, Instant nextAttemptAt) {
        Job job = em.find(Job.class, id);
        job.retry(error, nextAttemptAt);
        endAttempt(job, JobAttempt.Outcome.FAILED, error);
        events.fire(JobEvent.of(job, JobEvent.Kind.RETRYING, Instant.now()));
        return job;
    }

    public Job recordFailure(String id, String error) {
        Job job = em.find(Job.class, id);
        job.fail(error, Instant.now());
        endAttempt(job, JobAttempt.Outcome.FAILED, error);
        events.fire(JobEvent.of(job, JobEvent.Kind.FAILED, Instant.now()));
        return job;
    }

    public Job recordCancelled(String id, String error) {
        Job job = em.find(Job.class, id);
        job.cancel(Instant.now());
        endAttempt(job, JobAttempt.Outcome.CANCELLED, error);
        events.fire(JobEvent.of(job, JobEvent.Kind.CANCELLED, Instant.now()));
        return job;
    }

    /** Ends the job's current attempt, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void endAttempt(Job job, JobAttempt.Outcome outcome, String error) {
        JobAttempt attempt = em.find(JobAttempt.class, JobAttempt.idOf(job.getId(), job.getAttempts()));
        if (attempt != null) {
            attempt.end(outcome, error, Instant.now());
        }
    }

    /** Jobs that have awaited their message on the queue since before the given time, longest first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Job> awaitingMessage(Instant before, int limit) {
        return em.createNamedQuery(Job.AWAITING_MESSAGE, Job.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Records that the jobs' messages are on the queue; a bulk update, which leaves the jobs' versions alone. */
    public void clearAwaitingMessage(Collection<String> ids) {
        em.createQuery("update Job j set j.enqueuePendingSince = null where j.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean isCancelRequested(String id) {
        return em.createQuery("select j.cancelRequested from Job j where j.id = :id", Boolean.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElse(false);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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
