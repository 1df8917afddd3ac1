package dev.handoff.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file a job produced beside its JSON result, such as a report's CSV. Written by the job's handler. */
@Entity
@Table(name = "handoff_job_output")
public class JobOutput {

    @Id
    @Column(name = "job_id")
    private String jobId;

    @Column(name = "media_type")
    private String mediaType;

    private byte[] content;

    @Column(name = "created_at")
    private Instant createdAt;

    protected JobOutput() {
    }

    public String getJobId() {
        return jobId;
    }

    public String getMediaType() {
        return mediaType;
    }

    public byte[] getContent() {
        return content;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
