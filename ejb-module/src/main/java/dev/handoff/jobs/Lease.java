package dev.handoff.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A worker's claim on a job while it runs an attempt, so no two workers run the same job at once: a
 * redelivered or duplicate message that finds the job held waits until the lease ends.
 *
 * <p>The owner names this server and this start of it. A lease taken by an earlier start of the same
 * server is void at once: that process is gone, and its attempt with it.
 */
record Lease(String owner, Instant until) {

    /** How long an attempt holds its job, unless it ends first. */
    static final String LEASE_SECONDS = "handoff.jobs.lease-seconds";
    static final long DEFAULT_LEASE_SECONDS = 300;

    private static final String NODE = System.getProperty("jboss.node.name", "handoff");
    private static final String THIS_START = NODE + "/" + UUID.randomUUID();

    static Lease takeNow(Instant now) {
        return new Lease(THIS_START, now.plus(Duration.ofSeconds(Long.getLong(LEASE_SECONDS, DEFAULT_LEASE_SECONDS))));
    }

    /** This lease, held for at least the attempt's timeout and a margin for recording its end. */
    Lease lasting(Duration attemptTimeout) {
        Instant atLeast = Instant.now().plus(attemptTimeout).plusSeconds(30);
        return atLeast.isAfter(until) ? new Lease(owner, atLeast) : this;
    }

    /** Whether a lease found on a job still keeps this worker out. */
    boolean respects(String otherOwner, Instant otherUntil, Instant now) {
        boolean earlierStartOfThisNode = !otherOwner.equals(THIS_START) && otherOwner.startsWith(NODE + "/");
        return !earlierStartOfThisNode && otherUntil != null && otherUntil.isAfter(now);
    }
}
