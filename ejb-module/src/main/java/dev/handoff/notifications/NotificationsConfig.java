package dev.handoff.notifications;

/**
 * The notifications' settings, read from system properties, with their defaults beside them. Read at each use, so
 * a property changed on a running server takes effect at the collector's next look.
 */
public final class NotificationsConfig {

    /** How many email notifications make a full batch, flushed at once. */
    public static final String BATCH_SIZE = "handoff.notifications.batch-size";
    public static final int DEFAULT_BATCH_SIZE = 500;

    /** How long the oldest accepted email notification may wait before a batch that is not full is flushed. */
    public static final String MAX_WAIT_MILLIS = "handoff.notifications.max-wait-ms";
    public static final long DEFAULT_MAX_WAIT_MILLIS = 1000;

    /** Notifications sent per chunk of the batch job: one SMTP connection and one checkpoint each. */
    public static final String CHUNK_SIZE = "handoff.notifications.chunk-size";
    public static final int DEFAULT_CHUNK_SIZE = 100;

    /** Recipients the SMTP server may refuse in one batch before the batch fails instead of skipping more. */
    public static final String SKIP_LIMIT = "handoff.notifications.skip-limit";
    public static final int DEFAULT_SKIP_LIMIT = 100;

    /** The most notifications one {@code POST /api/notifications} may carry. */
    public static final String MAX_PER_REQUEST = "handoff.notifications.max-per-request";
    public static final int DEFAULT_MAX_PER_REQUEST = 1000;

    /** The right-hand side of every Message-ID, {@code <handoff.notification.ID@DOMAIN>}. */
    public static final String MESSAGE_ID_DOMAIN = "handoff.notifications.message-id-domain";
    public static final String DEFAULT_MESSAGE_ID_DOMAIN = "handoff.invalid";

    /** The JNDI name of the mail session that {@code wildfly-config}'s mail.cli adds. */
    public static final String MAIL_SESSION = "java:jboss/mail/handoff";

    private NotificationsConfig() {
    }

    public static int batchSize() {
        return Math.max(1, Integer.getInteger(BATCH_SIZE, DEFAULT_BATCH_SIZE));
    }

    public static long maxWaitMillis() {
        return Math.max(0, Long.getLong(MAX_WAIT_MILLIS, DEFAULT_MAX_WAIT_MILLIS));
    }

    public static int chunkSize() {
        return Math.max(1, Integer.getInteger(CHUNK_SIZE, DEFAULT_CHUNK_SIZE));
    }

    public static int skipLimit() {
        return Math.max(0, Integer.getInteger(SKIP_LIMIT, DEFAULT_SKIP_LIMIT));
    }

    public static int maxPerRequest() {
        return Math.max(1, Integer.getInteger(MAX_PER_REQUEST, DEFAULT_MAX_PER_REQUEST));
    }

    public static String messageIdDomain() {
        return System.getProperty(MESSAGE_ID_DOMAIN, DEFAULT_MESSAGE_ID_DOMAIN);
    }
}
