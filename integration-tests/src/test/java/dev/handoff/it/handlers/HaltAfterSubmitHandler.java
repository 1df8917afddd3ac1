package dev.handoff.it.handlers;

import dev.handoff.jobs.JobService;
import dev.handoff.jobs.JobSubmission;
import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Test-only job type {@code test-halt-after-submit}: submits a {@code noop} child through the Java API in its
 * attempt's transaction and halts the JVM the moment that transaction has committed, before the child's message
 * can reach the queue. Only in a server started with {@value ServerCrashingHandler#ALLOWED} set to true.
 */
@ApplicationScoped
@JobType("test-halt-after-submit")
public class HaltAfterSubmitHandler implements JobHandler {

    @EJB
    JobService jobs;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public JsonValue handle(JobContext job) {
        if (!Boolean.getBoolean(ServerCrashingHandler.ALLOWED)) {
            throw JobFailedException.permanent("test-halt-after-submit halts only a server started with -D"
                    + ServerCrashingHandler.ALLOWED + "=true");
        }
        String child = jobs.submit(JobSubmission.parse("{\"type\": \"noop\"}")).job().getId();
        // Registered after the submission's own synchronization: the transaction manager runs the last registered
        // first after the commit, so the JVM halts before the child's message is handed to the sender.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    Runtime.getRuntime().halt(1);
                }
            }
        });
        return Json.createObjectBuilder().add("child", child).build();
    }
}
