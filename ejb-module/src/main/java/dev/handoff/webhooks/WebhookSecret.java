package dev.handoff.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A signing secret in the Standard Webhooks form: {@code whsec_} followed by the base64 of the key bytes. The
 * receiver keeps the whole string; HMAC uses the decoded key.
 */
public record WebhookSecret(String text) {

    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        Base64.getDecoder().decode(text.substring(PREFIX.length()));
    }

    /** A new secret of 32 random bytes. */
    public static WebhookSecret generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key: the base64-decoded part after the prefix. */
    byte[] key() {
        return Base64.getDecoder().decode(text.substring(PREFIX.length()));
    }

    /** Never the secret itself: records end up in logs. */
    @Override
    public String toString() {
        return "WebhookSecret[" + PREFIX + "...]";
    }
}
