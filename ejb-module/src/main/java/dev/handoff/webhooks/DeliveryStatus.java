package dev.handoff.webhooks;

import dev.handoff.InvalidRequestException;
import dev.handoff.jobs.JobStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where a delivery stands, read from the job that carries it. */
public enum DeliveryStatus {
    /** Waiting for its first attempt, or in one. */
    PENDING(JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.RUNNING),
    /** An attempt failed; another is due ({@code nextAttemptAt} of the job). */
    RETRYING(JobStatus.RETRYING),
    DELIVERED(JobStatus.SUCCEEDED),
    /** Dead-lettered: attempts used up, or a permanent refusal. Replayable as a job dead letter. */
    FAILED(JobStatus.FAILED),
    CANCELLED(JobStatus.CANCELLED);

    private final List<JobStatus> jobStatuses;

    DeliveryStatus(JobStatus... jobStatuses) {
        this.jobStatuses = List.of(jobStatuses);
    }

    public static DeliveryStatus of(JobStatus status) {
        return Arrays.stream(values()).filter(s -> s.jobStatuses.contains(status)).findFirst().orElseThrow();
    }

    /** The job statuses this status stands for. */
    List<JobStatus> jobStatuses() {
        return jobStatuses;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("\"status\" must be one of pending, retrying, delivered, failed,"
                    + " cancelled.");
        }
    }
}
