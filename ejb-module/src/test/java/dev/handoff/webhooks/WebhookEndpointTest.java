package dev.handoff.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    private static final Instant NOW = Instant.parse("2026-12-04T19:00:00Z");

    private static WebhookEndpoint endpoint(String url) {
        return new WebhookEndpoint("orders", url, null, WebhookSecret.generate(), NOW);
    }

    @Test
    void aUrlLiesUnderAnEndpointAtItsOwnPathOrBelow() {
        WebhookEndpoint endpoint = endpoint("https://hooks.example.com/handoff");

        assertThat(endpoint.covers("https://hooks.example.com/handoff")).isTrue();
        assertThat(endpoint.covers("https://hooks.example.com/handoff/jobs/1")).isTrue();
        assertThat(endpoint.covers("https://hooks.example.com/handoff?job=1")).isTrue();
        assertThat(endpoint.covers("https://hooks.example.com/handoff-evil")).isFalse();
        assertThat(endpoint.covers("https://hooks.example.com.evil.net/handoff")).isFalse();
        assertThat(endpoint.covers("http://hooks.example.com/handoff")).isFalse();
    }

    @Test
    void aUrlThatCouldResolveOutsideTheEndpointsPathLiesUnderNoEndpoint() {
        WebhookEndpoint endpoint = endpoint("http://127.0.0.1:9611/hooks");

        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/../admin")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/..")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/./../../x")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/%2e%2e/admin")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/%2E./admin")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/..%2fadmin")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/a%5c..%5cadmin")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/..;x/admin")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/.;/admin")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/%252e%252e/admin")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/%00")).isFalse();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/jobs/..x/ok")).isTrue();
        assertThat(endpoint.covers("http://127.0.0.1:9611/hooks/jobs?next=../x")).isTrue();
    }

    @Test
    void duringTheOverlapBothSecretsSignAndAfterItOnlyTheNewOne() {
        WebhookEndpoint endpoint = endpoint("https://hooks.example.com/");
        WebhookSecret old = endpoint.signingSecrets(NOW).get(0);
        WebhookSecret next = WebhookSecret.generate();

        endpoint.rotate(next, NOW.plusSeconds(60), NOW);

        assertThat(endpoint.signingSecrets(NOW.plusSeconds(59))).containsExactly(next, old);
        assertThat(endpoint.signingSecrets(NOW.plusSeconds(60))).containsExactly(next);
    }
}
