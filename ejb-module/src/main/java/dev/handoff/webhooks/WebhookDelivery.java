package dev.handoff.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message to deliver, and how its attempts went so far. A webhook's delivery holds the exact body sent at
 * every attempt, and its id is the {@code webhook-id} every attempt carries. An {@code http} job has one too,
 * with the job's id, so that its attempts are logged alike. The job that carries the delivery decides its status.
 */
@Entity
@Table(name = "handoff_webhook_delivery")
public class WebhookDelivery {

    /** What a delivery is for. */
    public enum Kind {
        WEBHOOK, HTTP
    }

    @Id
    private String id;

    private String kind;

    @Column(name = "job_id")
    private String jobId;

    @Column(name = "endpoint_name")
    private String endpointName;

    @Column(name = "event_type")
    private String eventType;

    private String method;

    private String url;

    private String body;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "created_at")
    private Instant createdAt;

    private int attempts;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    static WebhookDelivery webhook(String id, String jobId, WebhookEndpoint endpoint, String url, String eventType,
            String body, String idempotencyKey, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = id;
        delivery.kind = Kind.WEBHOOK.name();
        delivery.jobId = jobId;
        delivery.endpointName = endpoint.getName();
        delivery.url = url;
        delivery.eventType = eventType;
        delivery.method = "POST";
        delivery.body = body;
        delivery.idempotencyKey = idempotencyKey;
        delivery.createdAt = now;
        return delivery;
    }

    static WebhookDelivery httpJob(String jobId, String method, String url, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = jobId;
        delivery.kind = Kind.HTTP.name();
        delivery.jobId = jobId;
        delivery.method = method;
        delivery.url = url;
        delivery.createdAt = now;
        return delivery;
    }

    void recordAttempt(int attempt, OutboundAnswer answer, Instant at, boolean delivered) {
        attempts = Math.max(attempts, attempt);
        lastStatus = answer.answered() ? answer.status() : null;
        lastError = delivered ? null : DeliveryAttempt.truncate(Deliveries.describe(answer));
        lastAttemptAt = at;
        if (delivered) {
            deliveredAt = at;
        }
    }

    public String getId() {
        return id;
    }

    public Kind getKind() {
        return Kind.valueOf(kind);
    }

    public String getJobId() {
        return jobId;
    }

    public String getEndpointName() {
        return endpointName;
    }

    public String getEventType() {
        return eventType;
    }

    public String getMethod() {
        return method;
    }

    public String getUrl() {
        return url;
    }

    /** The exact JSON text every attempt sends (UTF-8), or {@code null} for an {@code http} job. */
    public String getBody() {
        return body;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
