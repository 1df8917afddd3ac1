package dev.handoff.notifications;

import dev.handoff.jobs.JobEvent;
import dev.handoff.webhooks.WebhookDeliveries;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Keeps a webhook notification's status in step with the delivery that carries it, in the transaction that
 * records each of the delivery's attempts: {@code sent} when the receiver accepted it, {@code failed} when the
 * delivery gave up or was cancelled, {@code pending} with the attempt's error while it retries.
 */
@ApplicationScoped
public class WebhookNotificationOutcomes {

    @Inject
    NotificationStore notifications;

    @EJB
    WebhookDeliveries deliveries;

    void onDeliveryChange(@Observes JobEvent event) {
        if (!WebhookDeliveries.JOB_TYPE.equals(event.jobType())) {
            return;
        }
        switch (event.kind()) {
            case SUCCEEDED -> record(event, NotificationStatus.SENT, null, event.at());
            case RETRYING -> record(event, NotificationStatus.PENDING, event.error(), null);
            case FAILED, CANCELLED -> record(event, NotificationStatus.FAILED, event.error(), null);
            default -> {
                // Starts and progress change nothing a caller sees on the notification.
            }
        }
    }

    private void record(JobEvent event, NotificationStatus status, String error, Instant sentAt) {
        deliveries.ofJob(event.jobId()).ifPresent(delivery -> {
            try {
                notifications.recordDelivery(delivery.getId(), status, event.attempt(), error, sentAt);
            } catch (SQLException e) {
                throw new StoreFailedException("Recording delivery " + delivery.getId() + " on its notification", e);
            }
        });
    }
}
