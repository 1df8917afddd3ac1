package dev.handoff.notifications;

/** The names the batch job {@code META-INF/batch-jobs/notification-send.xml} and the Java code share. */
final class NotificationSendJob {

    static final String NAME = "notification-send";
    static final String SEND_STEP = "send";

    static final String JOB_ID = "jobId";
    static final String BATCH_ID = "batchId";
    static final String CHUNK_SIZE = "chunkSize";
    static final String SKIP_LIMIT = "skipLimit";

    private NotificationSendJob() {
    }
}
