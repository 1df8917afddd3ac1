package dev.handoff.admin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs retention in the background on a persistent timer, every {@link AdminConfig#RETENTION_INTERVAL_MINUTES}.
 * The timer outlives restarts; it is made again only when the interval changes.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetentionSchedule {

    private static final String TIMER_PREFIX = "handoff retention every ";

    @Resource
    TimerService timers;

    @EJB
    Retention retention;

    @PostConstruct
    void schedule() {
        Duration interval = AdminConfig.retentionInterval();
        if (!hasTimer(TIMER_PREFIX + interval)) {
            timers.createIntervalTimer(interval.toMillis(), interval.toMillis(),
                    new TimerConfig(TIMER_PREFIX + interval, true));
        }
        RetentionPolicy policy = RetentionPolicy.configured();
        AdminLogger.LOG.retentionScheduled(interval.toString(), RetentionPolicy.describe(policy.succeededAge()),
                RetentionPolicy.describe(policy.failedAge()));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            retention.run(RetentionPolicy.configured(), Actor.system("retention-timer"));
        } catch (RuntimeException e) {
            AdminLogger.LOG.retentionFailed(e);
        }
    }

    /** When the timer runs retention next. */
    public Optional<Instant> nextRun() {
        return timers.getTimers().stream().findFirst().map(timer -> timer.getNextTimeout().toInstant());
    }

    /** Whether the timer with this name exists; any other, left by an earlier interval, is cancelled. */
    private boolean hasTimer(String name) {
        boolean found = false;
        for (Timer timer : timers.getTimers()) {
            if (name.equals(timer.getInfo()) && !found) {
                found = true;
            } else {
                timer.cancel();
            }
        }
        return found;
    }
}
