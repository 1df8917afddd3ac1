package dev.handoff.jobs;

import dev.handoff.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
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
    JobOutbox outbox;

    @Inject
    Event<JobEvent> events;

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
        return submit(submission, null);
    }

    /**
     * Validates, stores and enqueues a job, recording who submitted it (kept on the job; an earlier job with the
     * same idempotency key keeps its own submitter).
     *
     * @param submitter who asks, as the web layer names callers, or {@code null} when unknown
     * @throws dev.handoff.InvalidRequestException when the type is unknown or its handler refuses the payload
     */
    public Accepted submit(JobSubmission submission, String submitter) {
        return store(submission, handlers.validate(submission), submitter);
    }

    /**
     * Validates, stores and enqueues a job of one of Handoff's own types ({@link OwnJobType}), or any other, for
     * Handoff's own features; otherwise like {@link #submit(JobSubmission)}.
     */
    public Accepted submitOwn(JobSubmission submission) {
        return store(submission, handlers.validateOwn(submission), null);
    }

    private Accepted store(JobSubmission submission, Retries retries, String submitter) {
        Optional<Job> earlier = byIdempotencyKey(submission.idempotencyKey());
        if (earlier.isPresent()) {
            return new Accepted(earlier.get(), false);
        }

        Instant now = Instant.now();
        Job job = new Job(UUID.randomUUID().toString(), submission, retries, now, submitter);
        job.awaitMessage(now);
        em.persist(job);
        outbox.enqueueAfterCommit(job);
        return new Accepted(job, true);
    }

    /**
     * Puts a failed job back in the queue, in the caller's transaction: same id, attempt history kept, and a
     * fresh budget of attempts on top of those used. The payload it will run with (the corrected one when
     * given, else the stored one) is checked by the type's handler exactly like a submission's.
     *
     * @param correctedPayload the payload to run with from now on, or {@code null} to keep the stored one
     * @throws dev.handoff.InvalidRequestException when the type is gone or its handler refuses the payload
     * @throws IllegalStateException when the job has not failed
     */
    public Job replay(String id, JsonObject correctedPayload, Instant now) {
        Job job = get(id);
        if (job.getStatus() != JobStatus.FAILED) {
            throw new IllegalStateException("Job '" + id + "' is " + job.getStatus().wireName() + ", not failed");
        }
        JsonObject payload = correctedPayload != null ? correctedPayload
                : Json.createReader(new StringReader(job.getPayload())).readObject();
        handlers.validateOwn(new JobSubmission(job.getType(), payload, job.getPriority(), 0,
                job.getIdempotencyKey(), null, null));

        job.replay(correctedPayload == null ? null : correctedPayload.toString(), now);
        em.createQuery("update Job j set j.enqueuePendingSince = :now where j.id = :id")
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
        outbox.enqueueAfterCommit(job);
        return job;
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
     *
     * @return the job after the request, or empty when it had already ended and nothing changed
     */
    public Optional<Job> cancel(String id) {
        Job job = get(id);
        if (job.getStatus().isTerminal()) {
            return Optional.empty();
        }
        if (job.getStatus() == JobStatus.RUNNING) {
            // Without touching the job's version: the running attempt may still succeed and record it.
            em.createQuery("update Job j set j.cancelRequested = true where j.id = :id")
                    .setParameter("id", id)
                    .executeUpdate();
            em.detach(job);
            job.requestCancellation();
        } else {
            Instant now = Instant.now();
            job.cancel(now);
            events.fire(JobEvent.of(job, JobEvent.Kind.CANCELLED, now));
        }
        return Optional.of(job);
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
