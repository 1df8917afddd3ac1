package dev.handoff.it.handlers;

import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only job type {@code test-crash}: halts the server's JVM on every attempt, as a crash would, with no
 * shutdown hooks and no clean shutdown. It does so only in a server started with the system property
 * {@value #ALLOWED} set to true (the crash-test server); anywhere else it fails for good.
 *
 * <p>Payload: {@code haltWhen}, a file path (optional). When given, each attempt waits until the file exists
 * before halting, so that a test watching the server's process decides when the crash comes, rather than a
 * race with the server's own start. It waits at most {@value #MAX_WAIT_MILLIS} ms, then fails for good.
 */
@ApplicationScoped
@JobType("test-crash")
public class ServerCrashingHandler implements JobHandler {

    static final String ALLOWED = "handoff.it.crash-server";
    static final long MAX_WAIT_MILLIS = 120_000;

    @Override
    public JsonValue handle(JobContext job) throws InterruptedException {
        if (!Boolean.getBoolean(ALLOWED)) {
            throw JobFailedException.permanent("test-crash halts only a server started with -D" + ALLOWED + "=true");
        }
        String gate = job.payload().getString("haltWhen", null);
        if (gate != null) {
            awaitFile(Path.of(gate));
        }
        Runtime.getRuntime().halt(1);
        return JsonValue.NULL;
    }

    private static void awaitFile(Path gate) throws InterruptedException {
        for (long waited = 0; !Files.exists(gate); waited += 100) {
            if (waited >= MAX_WAIT_MILLIS) {
                throw JobFailedException.permanent("no " + gate + " after " + MAX_WAIT_MILLIS + " ms; not halting");
            }
            Thread.sleep(100);
        }
    }
}
