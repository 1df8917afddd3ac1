package dev.handoff.admin;

import java.util.Locale;

/** How an audited action went. */
public enum AuditOutcome {
    /** It took effect. */
    SUCCEEDED,
    /** It was refused and changed nothing; the detail says why. */
    REFUSED,
    /** A bulk operation began. */
    STARTED,
    /** A bulk operation went through every job it matched. */
    COMPLETED,
    /** A bulk operation was stopped on request before the end. */
    STOPPED,
    /** A bulk operation was cut short by the server stopping. */
    INTERRUPTED,
    /** It failed unexpectedly; the server log has the details. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
