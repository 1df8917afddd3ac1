package dev.handoff.it.handlers;

import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import dev.handoff.webhooks.WebhookDeliveries;
import dev.handoff.webhooks.WebhookDelivery;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Test-only job type {@code test-webhook}: calls the webhooks Java API as another feature would, in the attempt's
 * transaction. Payload {@code {"endpoint": "...", "key": "...", "times": n, "fail": false}}: enqueues the same
 * event {@code times} times with the idempotency key, then fails for good when {@code fail} is true, which rolls
 * the deliveries back with the transaction.
 */
@ApplicationScoped
@JobType("test-webhook")
public class WebhookEnqueueHandler implements JobHandler {

    @EJB
    WebhookDeliveries deliveries;

    @Override
    public JsonValue handle(JobContext job) {
        JsonObject payload = job.payload();
        JsonObject data = Json.createObjectBuilder().add("job", job.jobId()).build();
        String id = null;
        for (int i = 0; i < payload.getInt("times", 1); i++) {
            WebhookDelivery delivery = deliveries.enqueue(payload.getString("endpoint"), "test.event", data,
                    payload.getString("key", null));
            id = delivery.getId();
        }
        if (payload.getBoolean("fail", false)) {
            throw JobFailedException.permanent("failing after enqueueing " + id);
        }
        return Json.createObjectBuilder().add("delivery", id).build();
    }
}
