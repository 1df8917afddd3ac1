package dev.handoff.admin;

import java.util.Locale;

/** Where a bulk operation on dead letters stands. Every status but {@link #RUNNING} is final. */
public enum BulkStatus {
    RUNNING,
    /** Went through every dead letter it matched when it started. */
    COMPLETED,
    /** Stopped on request; the jobs it reached stay replayed or purged. */
    STOPPED,
    /** Cut short when the server or the application stopped; run the same request again to finish. */
    INTERRUPTED,
    /** Failed unexpectedly; the server log says why. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    AuditOutcome auditOutcome() {
        return AuditOutcome.valueOf(name());
    }
}
