package dev.handoff.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The expected signatures were computed outside this code, with
 * {@code openssl dgst -sha256 -mac HMAC -macopt hexkey:<decoded secret> -binary | base64} over
 * {@code id.timestamp.body}; the first is also the example of the Standard Webhooks libraries' own tests.
 */
class SignaturesTest {

    @Test
    void theSignatureMatchesTheStandardWebhooksExample() {
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        String signature = Signatures.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theBodyIsSignedAsItsUtf8Bytes() {
        WebhookSecret secret = new WebhookSecret("whsec_c2Vjb25kLXNlY3JldC1mb3ItaGFuZG9mZi10ZXN0cyE=");
        byte[] body = "{\"type\":\"job.succeeded\",\"data\":{\"id\":\"\u00e9\"}}".getBytes(StandardCharsets.UTF_8);

        String signature = Signatures.sign(secret, "msg_handoff", 1700000000, body);

        assertThat(signature).isEqualTo("v1,ll75vATWZEUqmN9l88iOmDvjtq+LntTcw8PvX6TLwMw=");
    }

    @Test
    void twoSecretsInForceGiveTwoSignaturesSeparatedByASpace() {
        WebhookSecret current = new WebhookSecret("whsec_c2Vjb25kLXNlY3JldC1mb3ItaGFuZG9mZi10ZXN0cyE=");
        WebhookSecret previous = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        String header = Signatures.header(List.of(current, previous), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                body);

        assertThat(header.split(" ")).hasSize(2)
                .endsWith("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aGeneratedSecretHasThePrefixAndThirtyTwoKeyBytes() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(secret.text()).startsWith("whsec_");
        assertThat(secret.key()).hasSize(32);
        assertThat(secret.toString()).doesNotContain(secret.text().substring(6));
    }

    @Test
    void aSecretWithoutThePrefixIsRefused() {
        assertThatThrownBy(() -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
