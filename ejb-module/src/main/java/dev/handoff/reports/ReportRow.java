package dev.handoff.reports;

import java.util.Map;

/** A dataset row as the report reads it: its 1-based number and its fields. */
record ReportRow(long number, Map<String, String> fields) {
}
