package dev.handoff.admin;

import java.util.List;

/** One page of dead letters, newest failure first, and where the next one starts ({@code null} at the end). */
public record DeadLetterPage(List<DeadLetterSummary> items, DeadLetterCursor nextCursor) {
}
