package dev.handoff.webhooks;

import dev.handoff.jobs.OwnJobType;
import dev.handoff.jobs.spi.AttemptTimeout;
import dev.handoff.jobs.spi.Backoff;
import dev.handoff.jobs.spi.InvalidPayloadException;
import dev.handoff.jobs.spi.JobContext;
import dev.handoff.jobs.spi.JobFailedException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import dev.handoff.jobs.spi.RetryPolicy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Job type {@code webhook}: one attempt at a {@link WebhookDelivery}, signed with the secrets its endpoint has
 * in force at that moment. Every attempt sends the delivery's stored body and id; only the timestamp and the
 * signatures are the attempt's own. Jobs of this type are created by {@link WebhookDeliveries}, not submitted.
 */
@ApplicationScoped
@OwnJobType
@JobType(WebhookDeliveries.JOB_TYPE)
@RetryPolicy(maxAttempts = 10, backoff = Backoff.EXPONENTIAL, delayMillis = 1_000, maxDelayMillis = 3_600_000,
        jitter = 0.2)
@AttemptTimeout(seconds = 120)
public class WebhookHandler implements JobHandler {

    static final String DELIVERY = "delivery";

    @EJB
    DeliveryLog log;

    @EJB
    WebhookEndpoints endpoints;

    @Inject
    Outbound outbound;

    @Override
    public void validate(JsonObject payload) throws InvalidPayloadException {
        if (payload.size() != 1 || !(payload.get(DELIVERY) instanceof JsonString)) {
            throw new InvalidPayloadException("a webhook job's payload is {\"delivery\": \"<delivery id>\"}, made"
                    + " by Handoff; send webhooks through a registered endpoint or a job's callbackUrl");
        }
    }

    @Override
    public JsonValue handle(JobContext job) {
        WebhookDelivery delivery = log.find(job.payload().getString(DELIVERY));
        if (delivery == null) {
            throw JobFailedException.permanent("The delivery " + job.payload().getString(DELIVERY) + " is gone");
        }
        OutboundAnswer answer = outbound.send(signed(delivery, Instant.now()));
        Verdict verdict = Verdict.of(answer, Verdict::successful);
        log.record(delivery.getId(), job.attempt(), answer, verdict);
        return Deliveries.conclude(answer, verdict, () -> WebhooksLogger.LOG.attemptFailed(delivery.getId(),
                delivery.getEndpointName(), job.attempt(), Deliveries.describe(answer)));
    }

    private OutboundRequest signed(WebhookDelivery delivery, Instant now) {
        byte[] body = delivery.getBody().getBytes(StandardCharsets.UTF_8);
        long timestamp = now.getEpochSecond();
        WebhookEndpoint endpoint = endpoints.get(delivery.getEndpointName());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Handoff-Webhooks");
        headers.put(Signatures.ID_HEADER, delivery.getId());
        headers.put(Signatures.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(Signatures.SIGNATURE_HEADER,
                Signatures.header(endpoint.signingSecrets(now), delivery.getId(), timestamp, body));
        return new OutboundRequest("POST", URI.create(delivery.getUrl()), headers, body,
                WebhooksConfig.readTimeout());
    }

    /** The result of a delivered attempt. */
    static JsonObject result(OutboundAnswer answer) {
        return Json.createObjectBuilder()
                .add("status", answer.status())
                .add("latencyMs", answer.latencyMillis())
                .add("body", answer.bodySnippet())
                .build();
    }
}
