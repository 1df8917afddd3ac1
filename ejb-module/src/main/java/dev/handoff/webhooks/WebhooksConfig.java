package dev.handoff.webhooks;

import java.time.Duration;

/**
 * The settings of outgoing requests (webhooks, job callbacks, {@code http} jobs): system properties with their
 * defaults beside them, read at each use.
 */
public final class WebhooksConfig {

    /** Address blocks and host names that outgoing requests may reach although they are refused by default. */
    public static final String ALLOWED_TARGETS = "handoff.webhooks.allowed-targets";
    public static final String DEFAULT_ALLOWED_TARGETS = "";

    /** How long connecting may take. */
    public static final String CONNECT_TIMEOUT_SECONDS = "handoff.webhooks.connect-timeout-seconds";
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;

    /** How long a webhook's receiver may take to answer, headers and body. */
    public static final String READ_TIMEOUT_SECONDS = "handoff.webhooks.read-timeout-seconds";
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 10;

    /** The largest request body sent, in bytes: a webhook's JSON, or an {@code http} job's body. */
    public static final int MAX_REQUEST_BYTES = 256 * 1024;

    /** How much of an answer's body is read; the rest is dropped with the connection. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024;

    /** How much of an answer's body is kept, in characters, in a result or the delivery log. */
    public static final int SNIPPET_CHARS = 2000;

    private WebhooksConfig() {
    }

    public static String allowedTargets() {
        return System.getProperty(ALLOWED_TARGETS, DEFAULT_ALLOWED_TARGETS);
    }

    public static Duration connectTimeout() {
        return Duration.ofSeconds(Integer.getInteger(CONNECT_TIMEOUT_SECONDS, DEFAULT_CONNECT_TIMEOUT_SECONDS));
    }

    public static Duration readTimeout() {
        return Duration.ofSeconds(Integer.getInteger(READ_TIMEOUT_SECONDS, DEFAULT_READ_TIMEOUT_SECONDS));
    }
}
