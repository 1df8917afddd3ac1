package dev.handoff.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A receiver of webhooks that an operator registered: its URL and the secret that signs what goes there. While
 * a rotation's overlap lasts, the previous secret signs too.
 */
@Entity
@Table(name = "handoff_webhook_endpoint")
public class WebhookEndpoint {

    private static final Pattern ESCAPED_PATH_CHARACTER = Pattern.compile("%(2[eEfF5]|5[cC]|00)");

    @Id
    private String name;

    private String url;

    private String description;

    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(String name, String url, String description, WebhookSecret secret, Instant now) {
        this.name = name;
        this.url = url;
        this.description = description;
        this.secret = secret.text();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String url, String description, Instant now) {
        this.url = url;
        this.description = description;
        this.updatedAt = now;
    }

    /** Makes {@code next} the secret; the current one keeps signing until {@code previousUntil}. */
    void rotate(WebhookSecret next, Instant previousUntil, Instant now) {
        this.previousSecret = secret;
        this.previousSecretUntil = previousUntil;
        this.secret = next.text();
        this.updatedAt = now;
    }

    /** The secrets that sign a request sent at {@code now}: the current one, then the previous one in overlap. */
    List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        secrets.add(new WebhookSecret(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(new WebhookSecret(previousSecret));
        }
        return secrets;
    }

    /** Whether a URL lies under this endpoint's: the same, or a path below it. */
    boolean covers(String candidate) {
        if (!hasPlainPath(candidate) || !candidate.startsWith(url)) {
            return false;
        }
        if (candidate.length() == url.length() || url.endsWith("/")) {
            return true;
        }
        char next = candidate.charAt(url.length());
        return next == '/' || next == '?';
    }

    /**
     * Whether the URL's path says where it goes as it is written: no {@code .} or {@code ..} segment, no
     * parameters ({@code ;}, which some servers strip before resolving dot segments), and no escaped dot, slash,
     * backslash, percent sign or NUL, any of which a receiver could resolve to a path outside the prefix checked.
     */
    static boolean hasPlainPath(String candidate) {
        URI parsed;
        try {
            parsed = new URI(candidate);
        } catch (URISyntaxException e) {
            return false;
        }
        String rawPath = parsed.getRawPath();
        if (rawPath == null) {
            return true;
        }
        if (ESCAPED_PATH_CHARACTER.matcher(rawPath).find() || rawPath.contains("\\") || rawPath.contains(";")) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public String getDescription() {
        return description;
    }

    public Instant getPreviousSecretUntil() {
        return previousSecretUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
