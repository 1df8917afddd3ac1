package dev.handoff.admin;

import dev.handoff.NotFoundException;
import dev.handoff.jobs.Job;
import dev.handoff.jobs.JobStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Finds dead letters: the jobs that failed for good, whose messages wait in {@code handoff.jobs.dlq}. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DeadLetterSearch {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    /** How many dead letters the filter names. */
    public long count(DeadLetterFilter filter) {
        DeadLetterQuery query = DeadLetterQuery.of(filter);
        return query.create(em, query.count(), Long.class).getSingleResult();
    }

    /** A page of the dead letters the filter names, newest failure first, starting after the cursor. */
    public DeadLetterPage page(DeadLetterFilter filter, DeadLetterCursor cursor, int limit) {
        DeadLetterQuery query = DeadLetterQuery.of(filter).after(cursor);
        List<DeadLetterSummary> found = query.create(em, query.summaries(), DeadLetterSummary.class)
                .setMaxResults(limit + 1)
                .getResultList();
        if (found.size() <= limit) {
            return new DeadLetterPage(found, null);
        }
        List<DeadLetterSummary> items = found.subList(0, limit);
        return new DeadLetterPage(List.copyOf(items), DeadLetterCursor.after(items.get(limit - 1)));
    }

    /** The dead letter with this id, when there is one. */
    public Optional<Job> find(String id) {
        return Optional.ofNullable(em.find(Job.class, id)).filter(job -> job.getStatus() == JobStatus.FAILED);
    }

    /**
     * The job with this id, which must be a dead letter.
     *
     * @throws NotFoundException when there is no such job
     * @throws NotADeadLetterException when the job has not failed
     */
    public Job deadLetter(String id) {
        Job job = em.find(Job.class, id);
        if (job == null) {
            throw new NotFoundException("No job with id '" + id + "'.");
        }
        if (job.getStatus() != JobStatus.FAILED) {
            throw new NotADeadLetterException("Job '" + id + "' is " + job.getStatus().wireName()
                    + ", not a dead letter: only failed jobs can be replayed or purged.");
        }
        return job;
    }
}
