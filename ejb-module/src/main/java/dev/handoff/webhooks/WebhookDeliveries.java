package dev.handoff.webhooks;

import dev.handoff.InvalidRequestException;
import dev.handoff.NotFoundException;
import dev.handoff.jobs.Job;
import dev.handoff.jobs.JobService;
import dev.handoff.jobs.JobStatus;
import dev.handoff.jobs.JobSubmission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Webhook deliveries: the Java API that features of the deployment call to send a signed webhook, and the
 * delivery log.
 *
 * <p>A delivery is a job of the built-in type {@code webhook}, so it gets that type's retries, backoff, dead
 * letter and replay. {@link #enqueue} joins the caller's transaction: the delivery exists, and will be sent,
 * only if the caller commits.
 */
@Stateless
public class WebhookDeliveries {

    /** The job type that carries deliveries. */
    public static final String JOB_TYPE = "webhook";

    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,300}");

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @EJB
    JobService jobs;

    @EJB
    WebhookEndpoints endpoints;

    /** A delivery and the job that carries it. */
    public record Tracked(WebhookDelivery delivery, Job job) {

        public DeliveryStatus status() {
            return DeliveryStatus.of(job.getStatus());
        }
    }

    /**
     * Sends a signed webhook to a registered endpoint, in the caller's transaction. The body is
     * {@code {"type": eventType, "timestamp": "<ISO-8601>", "data": data}}, fixed now: every attempt sends the
     * same bytes with the same {@code webhook-id}, the delivery's id.
     *
     * @param endpointName the endpoint, as registered
     * @param eventType what happened, e.g. {@code job.succeeded}; matches {@code [a-z0-9][a-z0-9._-]{0,99}}
     * @param data the event's data
     * @param idempotencyKey a key that makes a repeated call return the first call's delivery; {@code null} for none
     * @return the delivery, new or, for a repeated key, the earlier one
     * @throws InvalidRequestException when the endpoint is unknown, an argument is malformed or the body too large
     */
    public WebhookDelivery enqueue(String endpointName, String eventType, JsonObject data, String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException("A webhook idempotency key is 1 to 300 printable ASCII characters.");
        }
        Optional<WebhookDelivery> earlier = byIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        WebhookEndpoint endpoint = endpoints.find(endpointName).orElseThrow(() -> new InvalidRequestException(
                "No webhook endpoint named '" + endpointName + "'."));
        return create(endpoint, endpoint.getUrl(), eventType, data, idempotencyKey);
    }

    /**
     * Sends a signed webhook to a URL under a registered endpoint, whose secret signs it, in the caller's
     * transaction; otherwise like {@link #enqueue}.
     *
     * @throws InvalidRequestException when no endpoint covers the URL, its target is refused, or an argument is
     *         malformed
     */
    public WebhookDelivery enqueueTo(String url, String eventType, JsonObject data, String idempotencyKey) {
        Optional<WebhookDelivery> earlier = byIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        WebhookEndpoint endpoint = endpoints.covering(url).orElseThrow(() -> new InvalidRequestException(
                "'" + url + "' lies under no registered webhook endpoint, whose secret would sign it; register one"
                        + " with PUT /api/webhooks/endpoints/{name}."));
        WebhookRequests.checkedUrl(url, "recipient");
        return create(endpoint, url, eventType, data, idempotencyKey);
    }

    /**
     * Sends a job's end to its {@code callbackUrl}, signed with the secret of the endpoint it lies under. Called
     * in the transaction that ends the job.
     *
     * @return the delivery, or empty when no endpoint covers the URL any more
     */
    public Optional<WebhookDelivery> enqueueCallback(Job job, String eventType, JsonObject data) {
        return endpoints.covering(job.getCallbackUrl())
                .map(endpoint -> create(endpoint, job.getCallbackUrl(), eventType, data, null));
    }

    private WebhookDelivery create(WebhookEndpoint endpoint, String url, String eventType, JsonObject data,
            String idempotencyKey) {
        if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
            throw new InvalidRequestException("A webhook event type must match " + EVENT_TYPE.pattern() + ".");
        }
        Instant now = Instant.now();
        String body = Json.createObjectBuilder()
                .add("type", eventType)
                .add("timestamp", now.toString())
                .add("data", data)
                .build()
                .toString();
        if (body.getBytes(StandardCharsets.UTF_8).length > WebhooksConfig.MAX_REQUEST_BYTES) {
            throw new InvalidRequestException("A webhook body may be at most " + WebhooksConfig.MAX_REQUEST_BYTES
                    + " bytes.");
        }
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        JsonObject payload = Json.createObjectBuilder().add(WebhookHandler.DELIVERY, id).build();
        Job job = jobs.submitOwn(new JobSubmission(JOB_TYPE, payload, JobSubmission.DEFAULT_PRIORITY, 0, null, null,
                null)).job();
        WebhookDelivery delivery = WebhookDelivery.webhook(id, job.getId(), endpoint, url, eventType, body,
                idempotencyKey, now);
        em.persist(delivery);
        return delivery;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Tracked get(String id) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        Job job = delivery == null ? null : em.find(Job.class, delivery.getJobId());
        if (job == null) {
            throw new NotFoundException("No webhook delivery with id '" + id + "'.");
        }
        return new Tracked(delivery, job);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DeliveryAttempt> attempts(String id) {
        return em.createNamedQuery(DeliveryAttempt.OF_DELIVERY, DeliveryAttempt.class)
                .setParameter("id", id)
                .getResultList();
    }

    /** The deliveries a filter names, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Tracked> list(DeliveryFilter filter, int limit) {
        StringBuilder jpql = new StringBuilder(
                "select d, j from WebhookDelivery d, Job j where j.id = d.jobId");
        if (filter.endpoint() != null) {
            jpql.append(" and d.endpointName = :endpoint");
        }
        if (filter.kind() != null) {
            jpql.append(" and d.kind = :kind");
        }
        if (filter.status() != null) {
            jpql.append(" and j.status in :statuses");
        }
        TypedQuery<Object[]> query = em.createQuery(jpql.append(" order by d.createdAt desc, d.id desc").toString(),
                Object[].class);
        if (filter.endpoint() != null) {
            query.setParameter("endpoint", filter.endpoint());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind().name());
        }
        if (filter.status() != null) {
            query.setParameter("statuses", List.<JobStatus>copyOf(filter.status().jobStatuses()));
        }
        return query.setMaxResults(limit).getResultStream()
                .map(row -> new Tracked((WebhookDelivery) row[0], (Job) row[1]))
                .toList();
    }

    /** The delivery a job carries, when it carries one. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<WebhookDelivery> ofJob(String jobId) {
        return em.createQuery("select d from WebhookDelivery d where d.jobId = :jobId", WebhookDelivery.class)
                .setParameter("jobId", jobId)
                .getResultStream()
                .findFirst();
    }

    private Optional<WebhookDelivery> byIdempotencyKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return em.createQuery("select d from WebhookDelivery d where d.idempotencyKey = :key", WebhookDelivery.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }
}
