package dev.handoff.webhooks;

import dev.handoff.jobs.Job;
import dev.handoff.jobs.JobEvent;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;

/**
 * Sends a job's end to its {@code callbackUrl}: observes the job's terminal event in the transaction that ends
 * the job, so the delivery exists exactly when the job's end is committed. Event types {@code job.succeeded},
 * {@code job.failed} and {@code job.cancelled}.
 */
@ApplicationScoped
public class JobCallbacks {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @EJB
    WebhookDeliveries deliveries;

    void onJobEvent(@Observes JobEvent event) {
        if (!event.kind().isTerminal() || WebhookDeliveries.JOB_TYPE.equals(event.jobType())) {
            return;
        }
        Job job = em.find(Job.class, event.jobId());
        if (job == null || job.getCallbackUrl() == null) {
            return;
        }
        if (deliveries.enqueueCallback(job, "job." + event.kind().wireName(), data(event)).isEmpty()) {
            WebhooksLogger.LOG.callbackWithoutEndpoint(job.getId(), job.getType());
        }
    }

    private static JsonObject data(JobEvent event) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("id", event.jobId())
                .add("type", event.jobType())
                .add("status", event.status().wireName())
                .add("attempts", event.attempt())
                .add("at", event.at().toString());
        data.add("result", event.result() == null ? JsonValue.NULL
                : Json.createReader(new StringReader(event.result())).readValue());
        data.add("error", event.error() == null ? JsonValue.NULL : Json.createValue(event.error()));
        return data.build();
    }
}
