package dev.handoff.webhooks;

import java.time.Duration;
import java.util.Optional;

/**
 * What came of one request: a status and the start of the body, or the error that stopped it before an answer.
 *
 * @param status the HTTP status, 0 when there was no answer
 * @param latencyMillis from just before connecting until the body was read or the request failed
 * @param error why there was no answer, else {@code null}
 * @param retryAfter the wait the answer's {@code Retry-After} header asks for, or {@code null}
 * @param bodySnippet the start of the answer's body, at most {@link WebhooksConfig#SNIPPET_CHARS} characters
 * @param refused whether the target was refused before anything was sent
 */
public record OutboundAnswer(int status, long latencyMillis, String error, Duration retryAfter, String bodySnippet,
        boolean refused) {

    static OutboundAnswer refused(String error) {
        return new OutboundAnswer(0, 0, error, null, "", true);
    }

    static OutboundAnswer failed(long latencyMillis, String error) {
        return new OutboundAnswer(0, latencyMillis, error, null, "", false);
    }

    public boolean answered() {
        return status > 0;
    }

    public Optional<Duration> retryAfterWait() {
        return Optional.ofNullable(retryAfter);
    }
}
