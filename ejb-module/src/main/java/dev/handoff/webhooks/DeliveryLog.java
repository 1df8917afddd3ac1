package dev.handoff.webhooks;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Records each attempt at a delivery in a transaction of its own: a failed attempt rolls its job's transaction
 * back, never the record of what the receiver answered.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryLog {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public WebhookDelivery find(String id) {
        return em.find(WebhookDelivery.class, id);
    }

    /** Records an attempt at a webhook delivery. */
    public void record(String deliveryId, int attempt, OutboundAnswer answer, Verdict verdict) {
        Instant now = Instant.now();
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        delivery.recordAttempt(attempt, answer, now, verdict == Verdict.DELIVERED);
        em.persist(new DeliveryAttempt(deliveryId, attempt, answer, verdict, now));
    }

    /** Records an attempt of an {@code http} job, creating its delivery at the first. */
    public void recordHttpJob(String jobId, String method, String url, int attempt, OutboundAnswer answer,
            Verdict verdict) {
        if (em.find(WebhookDelivery.class, jobId) == null) {
            em.persist(WebhookDelivery.httpJob(jobId, method, url, Instant.now()));
            em.flush();
        }
        record(jobId, attempt, answer, verdict);
    }
}
