package dev.handoff.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Ticks twice a second for the open streams: heartbeats, catch-up reads, releasing streams whose caller left. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EventTicker {

    static final long TICK_MILLIS = 500;

    @Inject
    EventStreams streams;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ticks;

    @PostConstruct
    void start() {
        ticks = scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            streams.tick();
        } catch (RuntimeException e) {
            EventsLogger.LOG.debugf(e, "An event streams tick failed; the next one tries again");
        }
    }

    @PreDestroy
    void stop() {
        ticks.cancel(false);
        streams.forgetAll();
    }
}
