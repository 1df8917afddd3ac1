package dev.handoff.webhooks;

import dev.handoff.InvalidRequestException;
import java.util.Locale;

/**
 * Which deliveries a listing shows; every field optional.
 *
 * @param endpoint the endpoint's name, exactly
 * @param status the delivery's status
 * @param kind webhook deliveries or {@code http} jobs
 */
public record DeliveryFilter(String endpoint, DeliveryStatus status, WebhookDelivery.Kind kind) {

    /**
     * @throws InvalidRequestException when a value is not one of those known
     */
    public static DeliveryFilter parse(String endpoint, String status, String kind) {
        return new DeliveryFilter(endpoint, status == null ? null : DeliveryStatus.parse(status), kindOf(kind));
    }

    private static WebhookDelivery.Kind kindOf(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return WebhookDelivery.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("\"kind\" must be \"webhook\" or \"http\".");
        }
    }
}
