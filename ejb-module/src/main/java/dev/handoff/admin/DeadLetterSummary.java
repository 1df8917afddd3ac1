package dev.handoff.admin;

import java.time.Instant;

/** A dead letter as a listing shows it: a failed job without its payload, result and history. */
public record DeadLetterSummary(String id, String type, int attempts, int maxAttempts, String error,
                                Instant createdAt, Instant failedAt) {
}
