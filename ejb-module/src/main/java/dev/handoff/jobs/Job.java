package dev.handoff.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A job as Handoff stores it: what was asked, where it stands, what came of it. */
@Entity
@Table(name = "handoff_job")
@NamedQuery(name = Job.BY_IDEMPOTENCY_KEY, query = "select j from Job j where j.idempotencyKey = :key")
@NamedQuery(name = Job.COUNT_BY_STATUS, query = "select j.status, count(j) from Job j group by j.status")
@NamedQuery(name = Job.AWAITING_MESSAGE, query = "select j from Job j where j.enqueuePendingSince < :before"
        + " order by j.enqueuePendingSince")
public class Job {

    static final String BY_IDEMPOTENCY_KEY = "Job.byIdempotencyKey";
    static final String COUNT_BY_STATUS = "Job.countByStatus";
    static final String AWAITING_MESSAGE = "Job.awaitingMessage";

    /** Errors are cut to this many characters, the width of their column. */
    static final int ERROR_LENGTH = 4000;

    @Id
    private String id;

    private String type;

    @Enumerated(EnumType.STRING)
    private JobStatus status;

    private int priority;

    private String payload;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    private int progress;

    private int attempts;

    @Column(name = "max_attempts")
    private int maxAttempts;

    private String result;

    private String error;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "run_at")
    private Instant runAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "retry_policy")
    private String retryPolicy;

    /** The worker holding the job while an attempt runs, and until when; see {@link Lease}. */
    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "cancel_requested")
    private boolean cancelRequested;

    /**
     * Since when the job has awaited its message on the jobs queue, {@code null} once it is there; see
     * {@link JobOutbox}. Written on insert and by bulk updates only, never with the rest of the job: an attempt
     * that read the job must not put back a mark cleared since.
     */
    @Column(name = "enqueue_pending_since", updatable = false)
    private Instant enqueuePendingSince;

    /** Where a signed webhook goes when the job ends, or {@code null}. */
    @Column(name = "callback_url")
    private String callbackUrl;

    /** Who submitted the job over HTTP, as {@code dev.handoff.admin.Actor} names callers; {@code null} over JMS. */
    private String submitter;

    @Version
    private long version;

    protected Job() {
    }

    Job(String id, JobSubmission submission, Retries retries, Instant now) {
        this(id, submission, retries, now, null);
    }

    Job(String id, JobSubmission submission, Retries retries, Instant now, String submitter) {
        this.id = id;
        this.submitter = submitter;
        this.type = submission.type();
        this.payload = submission.payload().toString();
        this.priority = submission.priority();
        this.idempotencyKey = submission.idempotencyKey();
        this.callbackUrl = submission.callbackUrl();
        this.maxAttempts = retries.maxAttempts();
        this.retryPolicy = retries.toJson().toString();
        this.createdAt = now;
        this.runAt = now.plusSeconds(submission.delaySeconds());
        this.status = submission.delaySeconds() > 0 ? JobStatus.SCHEDULED : JobStatus.QUEUED;
    }

    /** Marks a job about to be stored as awaiting its message. */
    void awaitMessage(Instant now) {
        enqueuePendingSince = now;
    }

    void startAttempt(Lease lease, Instant now) {
        attempts++;
        status = JobStatus.RUNNING;
        leaseOwner = lease.owner();
        leaseUntil = lease.until();
        if (startedAt == null) {
            startedAt = now;
        }
    }

    /** Whether another worker is running an attempt of this job now. */
    boolean heldByOtherWorker(Lease mine, Instant now) {
        return status == JobStatus.RUNNING && leaseOwner != null && mine.respects(leaseOwner, leaseUntil, now);
    }

    void requestCancellation() {
        cancelRequested = true;
    }

    void cancel(Instant now) {
        status = JobStatus.CANCELLED;
        finishedAt = now;
        leaseOwner = null;
    }

    void succeed(String result, Instant now) {
        this.status = JobStatus.SUCCEEDED;
        this.result = result;
        this.progress = 100;
        this.error = null;
        this.finishedAt = now;
        this.leaseOwner = null;
    }

    void retry(String error, Instant nextAttemptAt) {
        this.status = JobStatus.RETRYING;
        this.error = truncate(error);
        this.runAt = nextAttemptAt;
        this.leaseOwner = null;
    }

    void fail(String error, Instant now) {
        this.status = JobStatus.FAILED;
        this.error = truncate(error);
        this.finishedAt = now;
        this.leaseOwner = null;
    }

    /**
     * Puts a failed job back in the queue: as many attempts again as its retry policy allows, on top of those
     * used. Its id, attempt history and first start stay; its last error stays until the next attempt ends.
     *
     * @param correctedPayload the payload to run with from now on, or {@code null} to keep the stored one
     */
    void replay(String correctedPayload, Instant now) {
        if (correctedPayload != null) {
            payload = correctedPayload;
        }
        status = JobStatus.QUEUED;
        maxAttempts = attempts + getRetries().maxAttempts();
        progress = 0;
        runAt = now;
        finishedAt = null;
        leaseOwner = null;
        leaseUntil = null;
        cancelRequested = false;
    }

    boolean attemptsExhausted() {
        return attempts >= maxAttempts;
    }

    static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public JobStatus getStatus() {
        return status;
    }

    public int getPriority() {
        return priority;
    }

    public String getPayload() {
        return payload;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public int getProgress() {
        return progress;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    /** The handler's result as JSON text, or {@code null}. */
    public String getResult() {
        return result;
    }

    public String getError() {
        return error;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The earliest time the job may start: its creation, or later when it was submitted with a delay. */
    public Instant getRunAt() {
        return runAt;
    }

    public Retries getRetries() {
        return retryPolicy == null ? Retries.serverDefaults() : Retries.fromJson(retryPolicy);
    }

    /** Until when the worker running the job's current attempt holds it. */
    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    /** Who submitted the job over HTTP, or {@code null} when it came by JMS. */
    public String getSubmitter() {
        return submitter;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
