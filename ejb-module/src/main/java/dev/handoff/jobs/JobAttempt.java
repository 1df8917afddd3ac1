package dev.handoff.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt of a job: when and where it ran, and how it ended. Kept for the job's whole history. */
@Entity
@Table(name = "handoff_job_attempt")
@NamedQuery(name = JobAttempt.OF_JOB, query = "select a from JobAttempt a where a.jobId = :jobId order by a.attempt")
public class JobAttempt {

    static final String OF_JOB = "JobAttempt.ofJob";

    /** How an attempt ended. */
    public enum Outcome { SUCCEEDED, FAILED, CANCELLED }

    @Id
    private String id;

    @Column(name = "job_id")
    private String jobId;

    private int attempt;

    private String worker;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    private String outcome;

    private String error;

    protected JobAttempt() {
    }

    JobAttempt(Job job, Lease lease, Instant now) {
        this.id = idOf(job.getId(), job.getAttempts());
        this.jobId = job.getId();
        this.attempt = job.getAttempts();
        this.worker = lease.owner();
        this.startedAt = now;
    }

    static String idOf(String jobId, int attempt) {
        return jobId + "#" + attempt;
    }

    void end(Outcome outcome, String error, Instant now) {
        this.outcome = outcome.name().toLowerCase(java.util.Locale.ROOT);
        this.error = Job.truncate(error);
        this.endedAt = now;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getWorker() {
        return worker;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    /** When the attempt ended, or {@code null} while it runs or when its worker died during it. */
    public Instant getEndedAt() {
        return endedAt;
    }

    /** {@code succeeded}, {@code failed}, {@code cancelled}, or {@code null} while running or cut short. */
    public String getOutcome() {
        return outcome;
    }

    public String getError() {
        return error;
    }
}
