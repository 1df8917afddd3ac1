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
import java.nio.charset.StandardCharsets;

/**
 * Sends a job's end to its {@code callbackUrl}: observes the job's terminal event in the transaction that ends
 * the job, so the delivery exists exactly when the job's end is committed. Event types {@code job.succeeded},
 * {@code job.failed} and {@code job.cancelled}.
 */
@ApplicationScoped
public class JobCallbacks {

    /** Room left in a webhook body for the job, after the envelope ({@code type}, {@code timestamp}). */
    static final int MAX_DATA_BYTES = WebhooksConfig.MAX_REQUEST_BYTES - 1024;

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

    /**
     * The job as the callback shows it. A result too large for a webhook body is left out (and
     * {@code resultOmitted} set): refusing the callback would roll back the job's end with it.
     */
    static JsonObject data(JobEvent event) {
        JsonObject data = withResult(event);
        if (data.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_DATA_BYTES) {
            return data;
        }
        return Json.createObjectBuilder(data).add("result", JsonValue.NULL).add("resultOmitted", true).build();
    }

    private static JsonObject withResult(JobEvent event) {
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
