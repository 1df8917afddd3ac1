package dev.handoff.admin;

import java.util.Locale;

/** What an operator, or Handoff on its own, did to jobs. */
public enum AuditAction {
    /** A dead letter put back in the queue. */
    REPLAY,
    /** A dead letter deleted with its history, outputs and message. */
    PURGE,
    /** A bulk replay of the dead letters a filter names, started or ended. */
    BULK_REPLAY,
    /** A bulk purge of the dead letters a filter names, started or ended. */
    BULK_PURGE,
    /** A retention run: finished jobs past their age deleted. */
    RETENTION;

    /** The name callers see: lower case, words joined by hyphens. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AuditAction ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
