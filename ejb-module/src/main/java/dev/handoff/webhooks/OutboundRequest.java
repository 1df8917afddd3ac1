package dev.handoff.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP request to send: a webhook's POST, or an {@code http} job's call.
 *
 * @param method the HTTP method, upper case
 * @param url where to; checked against the {@link TargetPolicy} before it is sent
 * @param headers header names and values to send
 * @param body the bytes to send, empty for none
 * @param timeout how long the answer, headers and body, may take
 */
public record OutboundRequest(String method, URI url, Map<String, String> headers, byte[] body, Duration timeout) {
}
