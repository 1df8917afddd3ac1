package dev.handoff.jobs.spi;

/** How the wait before a retry grows with the number of failed attempts. */
public enum Backoff {
    /** The same delay before every retry. */
    FIXED,
    /** The delay times the number of failed attempts: 1, 2, 3, ... times. */
    LINEAR,
    /** The delay doubled after each failed attempt: 1, 2, 4, ... times. */
    EXPONENTIAL
}
