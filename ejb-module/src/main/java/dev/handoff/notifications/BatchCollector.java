package dev.handoff.notifications;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Looks for due batches every {@value #LOOK_EVERY_MILLIS} ms, from deployment on. The notifications it batches
 * live in the database from their acceptance, so after a restart it simply finds those accepted before the stop.
 * One server per database: a second server would form batches of its own from the same waiting notifications
 * only after the first claimed them, as the claim updates pending rows only.
 */
@Startup
@Singleton
public class BatchCollector {

    /** How often it looks: a fraction of the default wait, so a lone notification leaves within ~1.1 s. */
    static final long LOOK_EVERY_MILLIS = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    BatchFlusher flusher;

    private ScheduledFuture<?> looking;

    @PostConstruct
    void start() {
        looking = scheduler.scheduleWithFixedDelay(this::collect, LOOK_EVERY_MILLIS, LOOK_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (looking != null) {
            looking.cancel(false);
        }
    }

    private void collect() {
        try {
            // A burst may fill several batches at once.
            boolean flushed;
            do {
                flushed = flusher.flushOne(Instant.now());
            } while (flushed);
        } catch (Exception e) {
            NotificationsLogger.LOG.collectFailed(e);
        }
    }
}
