package dev.handoff.reports;

import java.time.Instant;

/**
 * A report job's latest batch execution ({@code null} until it has started), the dataset version it reads,
 * and its result once its summary step has run.
 */
record ReportRun(String jobId, Long executionId, Instant datasetVersion, ReportResult result) {
}
