package dev.handoff.events;

import dev.handoff.jobs.JobEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;

/**
 * A job event as the events table keeps it: written in the transaction of the change it describes, with a
 * database-generated id that grows with every event (one sequence for all jobs), the position callers resume from.
 */
@Entity
@Table(name = "handoff_job_event")
public class StoredEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id")
    private String jobId;

    @Column(name = "job_type")
    private String jobType;

    private String submitter;

    private String kind;

    private String data;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected StoredEvent() {
    }

    StoredEvent(JobEvent event, String submitter) {
        this.jobId = event.jobId();
        this.jobType = event.jobType();
        this.submitter = submitter;
        this.kind = event.kind().wireName();
        this.data = dataOf(event).toString();
        this.recordedAt = event.at();
    }

    /** What callers get as the event's data: the job's state after the event. */
    static JsonObject dataOf(JobEvent event) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("jobId", event.jobId())
                .add("type", event.jobType())
                .add("status", event.status().wireName())
                .add("progress", event.progress())
                .add("attempt", event.attempt());
        if (event.error() != null) {
            data.add("error", event.error());
        }
        if (event.kind() == JobEvent.Kind.SUCCEEDED) {
            data.add("result", event.result() == null ? JsonValue.NULL
                    : Json.createReader(new StringReader(event.result())).readValue());
        }
        return data.add("at", event.at().toString()).build();
    }

    public long getId() {
        return id;
    }

    public String getJobId() {
        return jobId;
    }

    public String getJobType() {
        return jobType;
    }

    public String getSubmitter() {
        return submitter;
    }

    /** The kind in lower case: {@code started}, {@code progress}, ..., {@code cancelled}. */
    public String getKind() {
        return kind;
    }

    /** The event's data, a JSON object as text. */
    public String getData() {
        return data;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
