package dev.handoff.notifications;

/**
 * A notification rendered and ready to send; or, when {@code undeliverable} says why, one that cannot be sent
 * and is skipped.
 */
record OutgoingEmail(long notificationId, String recipient, RenderedMessage message, String undeliverable) {

    static OutgoingEmail of(Notification notification, RenderedMessage message) {
        return new OutgoingEmail(notification.id(), notification.recipient(), message, null);
    }

    static OutgoingEmail undeliverable(Notification notification, String reason) {
        return new OutgoingEmail(notification.id(), notification.recipient(), null, reason);
    }
}
