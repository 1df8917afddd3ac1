package dev.handoff.webhooks;

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
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Job type {@code http}: one HTTP call, checked and classified like a webhook (refused targets, retryable
 * statuses, {@code Retry-After}), each attempt in the delivery log under the job's id. The result is
 * {@code {"status": n, "latencyMs": n, "body": "<start of the answer>"}}. See {@link HttpJobRequest} for the
 * payload.
 */
@ApplicationScoped
@JobType("http")
@RetryPolicy(maxAttempts = 5, backoff = Backoff.EXPONENTIAL, delayMillis = 1_000, maxDelayMillis = 300_000,
        jitter = 0.2)
@AttemptTimeout(seconds = HttpJobRequest.MAX_TIMEOUT_SECONDS + 60)
public class HttpJobHandler implements JobHandler {

    @EJB
    DeliveryLog log;

    @Inject
    Outbound outbound;

    @Override
    public void validate(JsonObject payload) throws InvalidPayloadException {
        HttpJobRequest.parse(payload);
    }

    @Override
    public JsonValue handle(JobContext job) {
        HttpJobRequest request;
        try {
            request = HttpJobRequest.parse(job.payload());
        } catch (InvalidPayloadException e) {
            // Checked at submission; a target the allowlist no longer opens lands here.
            throw JobFailedException.permanent(e.getMessage(), e);
        }
        OutboundAnswer answer = outbound.send(request.toOutbound());
        Verdict verdict = Verdict.of(answer, request::expects);
        log.recordHttpJob(job.jobId(), request.method(), request.url().toString(), job.attempt(), answer, verdict);
        return Deliveries.conclude(answer, verdict, () -> WebhooksLogger.LOG.attemptFailed(job.jobId(), "http",
                job.attempt(), Deliveries.describe(answer)));
    }
}
