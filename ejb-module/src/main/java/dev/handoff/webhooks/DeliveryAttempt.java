package dev.handoff.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** One attempt at a delivery: when, what the receiver answered, how long it took, or what went wrong. */
@Entity
@Table(name = "handoff_webhook_attempt")
@NamedQuery(name = DeliveryAttempt.OF_DELIVERY,
        query = "select a from DeliveryAttempt a where a.deliveryId = :id order by a.attempt, a.id")
public class DeliveryAttempt {

    static final String OF_DELIVERY = "DeliveryAttempt.ofDelivery";
    private static final int ERROR_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id")
    private String deliveryId;

    private int attempt;

    @Column(name = "attempted_at")
    private Instant attemptedAt;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(name = "latency_ms")
    private long latencyMillis;

    private String outcome;

    private String error;

    protected DeliveryAttempt() {
    }

    DeliveryAttempt(String deliveryId, int attempt, OutboundAnswer answer, Verdict verdict, Instant at) {
        this.deliveryId = deliveryId;
        this.attempt = attempt;
        this.attemptedAt = at;
        this.statusCode = answer.answered() ? answer.status() : null;
        this.latencyMillis = answer.latencyMillis();
        this.outcome = verdict.name().toLowerCase(Locale.ROOT);
        this.error = verdict == Verdict.DELIVERED ? null : truncate(Deliveries.describe(answer));
    }

    static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }

    public int getAttempt() {
        return attempt;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public long getLatencyMillis() {
        return latencyMillis;
    }

    /** {@code delivered}, {@code retryable} or {@code permanent}. */
    public String getOutcome() {
        return outcome;
    }

    public String getError() {
        return error;
    }
}
