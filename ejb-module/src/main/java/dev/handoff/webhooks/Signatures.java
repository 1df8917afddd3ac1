package dev.handoff.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): {@code v1,} followed by the base64 of
 * HMAC-SHA256 over {@code id.timestamp.body}, keyed with the secret's decoded bytes. Several signatures, one per
 * secret in force, are sent space-separated in one {@code webhook-signature} header.
 */
public final class Signatures {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private Signatures() {
    }

    /**
     * @param body exactly the bytes sent
     * @return {@code v1,<base64>}
     */
    public static String sign(WebhookSecret secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The header value for the secrets in force: one signature each, the newest first. */
    public static String header(List<WebhookSecret> secrets, String id, long timestamp, byte[] body) {
        StringJoiner signatures = new StringJoiner(" ");
        for (WebhookSecret secret : secrets) {
            signatures.add(sign(secret, id, timestamp, body));
        }
        return signatures.toString();
    }
}
