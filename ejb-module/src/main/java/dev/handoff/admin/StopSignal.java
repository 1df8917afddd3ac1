package dev.handoff.admin;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Tells background work that the application is stopping (undeployed, or the server shutting down), so that it
 * ends quietly instead of calling components that are already gone.
 */
@Singleton
@Startup
public class StopSignal {

    private static volatile boolean stopping;

    /** Whether the application this class belongs to is stopping. */
    static boolean isStopping() {
        return stopping;
    }

    @PreDestroy
    void applicationStopping() {
        stopping = true;
    }
}
