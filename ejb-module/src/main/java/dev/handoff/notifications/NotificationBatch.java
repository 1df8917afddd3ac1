package dev.handoff.notifications;

import java.time.Instant;

/** A batch of email notifications and the job sending it; {@code executionId} is null until its first start. */
public record NotificationBatch(String id, String jobId, int size, Long executionId, Instant createdAt) {
}
