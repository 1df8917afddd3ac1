package dev.handoff.notifications;

import java.util.Locale;

/**
 * Where a notification stands. An email goes {@code pending} (accepted, waiting for a batch), {@code batched}
 * (handed to a batch, not sent yet), then ends {@code sent}, {@code skipped} (its recipient refused by the SMTP
 * server) or {@code failed} (its batch gave up). A webhook stays {@code pending} while its delivery is tried.
 */
public enum NotificationStatus {
    PENDING, BATCHED, SENT, SKIPPED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NotificationStatus fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
