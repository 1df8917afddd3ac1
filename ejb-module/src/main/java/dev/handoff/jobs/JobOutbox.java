package dev.handoff.jobs;

import dev.handoff.SerialDrain;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Enqueues the jobs that submissions store, once the transaction that stored them has committed.
 *
 * <p>A submission writes the job, marked as awaiting its message, and nothing else: its transaction holds the
 * database alone and commits in one phase. After the commit the job's message goes on the queue from here, many
 * jobs' messages in one broker transaction, and the mark is cleared. Whatever stops that half-way (a crash, a
 * broker refusing the send) leaves the mark, and every few seconds the jobs marked for longer than
 * {@link #GRACE} are enqueued again: a stored job always gets its message. It may get two (a crash between the
 * send and the clearing of its mark), which the jobs queue listener takes in its stride: a job runs only when it
 * is due and no other worker holds it, and never once it has ended.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JobOutbox {

    /** How long a job may await its message before the sweep enqueues it again. */
    static final Duration GRACE = Duration.ofSeconds(10);

    /** At most this many messages go in one broker transaction, and the sweep takes at most this many jobs. */
    private static final int BATCH = 500;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The broker's in-VM factory, outside any JTA transaction: its sessions commit on their own. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connections;

    @Resource(lookup = JobQueues.JOBS)
    Queue jobs;

    @Resource
    ManagedExecutorService executor;

    @EJB
    JobStore store;

    private final LinkedBlockingQueue<JobMessage> waiting = new LinkedBlockingQueue<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final SerialDrain<JobMessage> sender = new SerialDrain<>(waiting, this::sendWaiting);
    private JMSContext session;

    /** Enqueues the job, stored in the caller's transaction, if and once that transaction commits. */
    public void enqueueAfterCommit(Job job) {
        JobMessage message = JobMessage.of(job, job.getRunAt());
        if (transactions.getTransactionKey() == null) {
            offer(List.of(message));
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    offer(List.of(message));
                }
            }
        });
    }

    /** Enqueues again the jobs that have awaited their message too long. */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        List<JobMessage> stranded = store.awaitingMessage(Instant.now().minus(GRACE), BATCH).stream()
                .filter(job -> !held.contains(job.getId()))
                .map(job -> JobMessage.of(job, job.getRunAt()))
                .toList();
        if (!stranded.isEmpty()) {
            JobsLogger.LOG.enqueuingStranded(stranded.size(), GRACE.toSeconds(),
                    stranded.stream().limit(10).map(JobMessage::jobId).toList());
            offer(stranded);
        }
    }

    private void offer(List<JobMessage> messages) {
        for (JobMessage message : messages) {
            if (held.add(message.jobId())) {
                waiting.add(message);
            }
        }
        // While the server stops, messages may stay unsent: their jobs keep the mark, and the sweep enqueues
        // them after the next start.
        sender.start(executor);
    }

    private void sendWaiting() {
        List<JobMessage> batch = new ArrayList<>(BATCH);
        while (waiting.drainTo(batch, BATCH) > 0) {
            send(batch);
            batch.clear();
        }
    }

    private void send(List<JobMessage> batch) {
        List<String> ids = batch.stream().map(JobMessage::jobId).toList();
        try {
            JMSContext jms = session();
            for (JobMessage message : batch) {
                message.sendWith(jms, jobs);
            }
            jms.commit();
            store.clearAwaitingMessage(ids);
        } catch (RuntimeException e) {
            closeSession();
            JobsLogger.LOG.enqueueFailed(ids.size(), GRACE.toSeconds(), e.toString());
        } finally {
            ids.forEach(held::remove);
        }
    }

    /** One transacted session, used by one sending task at a time. */
    private JMSContext session() {
        if (session == null) {
            session = connections.createContext(JMSContext.SESSION_TRANSACTED);
        }
        return session;
    }

    @PreDestroy
    void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (JMSRuntimeException e) {
                JobsLogger.LOG.debugf(e, "Closing the outbox's broker session failed");
            }
            session = null;
        }
    }
}
