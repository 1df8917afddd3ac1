package dev.handoff.notifications;

/** The Handoff job type that sends one batch: {@code notification-batch}, payload {@code {"batchId": "..."}}. */
final class NotificationBatchJob {

    static final String TYPE = "notification-batch";
    static final String BATCH_ID = "batchId";

    private NotificationBatchJob() {
    }
}
