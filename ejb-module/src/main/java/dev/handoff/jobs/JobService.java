package dev.handoff.jobs;

import dev.handoff.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts jobs and answers for them. Usable from any component of the deployment; a submission joins
 * the caller's transaction, so a job exists, and will run, only if the caller commits.
 */
@Stateless
public class JobService {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @Inject
    JobHandlers handlers;

    @EJB
    JobDispatcher dispatcher;

    /** What a submission led to: a new job, or the one an earlier submission with its key created. */
    public record Accepted(Job job, boolean created) {
    }

    /**
     * Validates, stores and enqueues a job.
     *
     * @throws dev.handoff.InvalidRequestException when the type is unknown or its handler refuses the payload;
     *         nothing is stored then
     */
    public Accepted submit(JobSubmission submission) {
        Optional<Job> earlier = byIdempotencyKey(submission.idempotencyKey());
        if (earlier.isPresent()) {
            return new Accepted(earlier.get(), false);
        }
        handlers.validate(submission);

        Job job = new Job(UUID.randomUUID().toString(), submission, handlers.retriesFor(submission), Instant.now());
        em.persist(job);
        dispatcher.dispatch(job);
        return new Accepted(job, true);
    }

    public Job get(String id) {
        Job job = em.find(Job.class, id);
        if (job == null) {
            throw new NotFoundException("No job with id '" + id + "'.");
        }
        return job;
    }

    /**
     * Cancels a job: at once when it waits, or, when an attempt is running, by asking the handler to stop
     * (the job ends {@code cancelled} when the attempt gives up). A job already ended stays as it is.
     */
    public Job cancel(String id) {
        Job job = get(id);
        if (job.getStatus() == JobStatus.RUNNING) {
            job.requestCancellation();
        } else if (!job.getStatus().isTerminal()) {
            job.cancel(Instant.now());
        }
        return job;
    }

    /** The file a finished job produced, when it produced one. */
    public Optional<JobOutput> output(String id) {
        return Optional.ofNullable(em.find(JobOutput.class, id));
    }

    private Optional<Job> byIdempotencyKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Job.BY_IDEMPOTENCY_KEY, Job.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }
}
