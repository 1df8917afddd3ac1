package dev.handoff.admin;

import dev.handoff.jobs.JobQueues;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The copies of failed jobs' messages in {@code handoff.jobs.dlq}, found by their {@code jobId} property.
 * Removed in the caller's transaction: a copy is gone if and only if the replay or purge commits.
 *
 * <p>Known gap: a job submitted over JMS without a {@code jobId} property that fails at its first delivery
 * has a copy without one ({@code jobs.DeadLetters} copies the original's properties), so it is not found
 * here and stays. {@code DeadLetters} setting {@code jobId} on every copy of a job's message would close it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DeadLetterQueue {

    /**
     * How long after a job failed its copy may still be on its way: the jobs listener records the failure in a
     * transaction of its own, then sends the copy in the delivery's transaction, which commits a moment later.
     */
    static final Duration COPY_IN_FLIGHT = Duration.ofSeconds(2);

    /** How many job ids one message selector names at most. */
    static final int SELECTOR_IDS = 100;

    @Inject
    JMSContext jms;

    @Resource(lookup = JobQueues.JOBS_DEAD_LETTERS)
    Queue deadLetters;

    /**
     * Removes every copy of the jobs' messages. For a job that failed only just now, waits briefly for a copy
     * that has not arrived yet.
     *
     * @param latestFailure when the most recent of the jobs failed
     * @return how many messages were removed
     */
    public int remove(List<String> jobIds, Instant latestFailure) {
        int removed = 0;
        for (int from = 0; from < jobIds.size(); from += SELECTOR_IDS) {
            List<String> chunk = jobIds.subList(from, Math.min(jobIds.size(), from + SELECTOR_IDS));
            removed += removeChunk(chunk, Duration.between(Instant.now(), latestFailure.plus(COPY_IN_FLIGHT)));
        }
        return removed;
    }

    private int removeChunk(List<String> jobIds, Duration wait) {
        try (JMSConsumer consumer = jms.createConsumer(deadLetters, selector(jobIds))) {
            int removed = 0;
            Message message = wait.toMillis() > 0 ? consumer.receive(wait.toMillis()) : consumer.receiveNoWait();
            while (message != null) {
                removed++;
                message = consumer.receiveNoWait();
            }
            return removed;
        }
    }

    static String selector(Collection<String> jobIds) {
        return jobIds.stream()
                .map(id -> "'" + id.replace("'", "''") + "'")
                .collect(Collectors.joining(", ", JobQueues.JOB_ID + " IN (", ")"));
    }
}
