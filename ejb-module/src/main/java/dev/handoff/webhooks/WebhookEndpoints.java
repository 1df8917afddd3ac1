package dev.handoff.webhooks;

import dev.handoff.InvalidRequestException;
import dev.handoff.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The receivers operators register: each with its URL and signing secret. */
@Stateless
public class WebhookEndpoints {

    /** The longest a rotated-out secret may keep signing. */
    public static final Duration MAX_OVERLAP = Duration.ofDays(7);
    public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

    private static final Set<String> ENDPOINT_FIELDS = Set.of("url", "description");
    private static final Set<String> ROTATION_FIELDS = Set.of("overlapSeconds");

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    /**
     * What a registration led to; the secret is there only for a new endpoint.
     *
     * @param secret the new endpoint's secret, shown once; {@code null} when an existing one was updated
     */
    public record Registered(WebhookEndpoint endpoint, WebhookSecret secret) {
    }

    /** What a rotation led to: the new secret, shown once, and until when the previous one signs too. */
    public record Rotated(WebhookEndpoint endpoint, WebhookSecret secret) {
    }

    /**
     * Creates the endpoint with a new secret, or changes an existing one's URL and description (its secret stays).
     *
     * @param body {@code {"url": "...", "description": "..."}}
     * @throws InvalidRequestException when the name, the body or the URL is refused; nothing changes then
     */
    public Registered register(String name, String body) {
        WebhookRequests.checkName(name);
        JsonObject json = WebhookRequests.object(body, ENDPOINT_FIELDS);
        String url = WebhookRequests.string(json, "url", 2000);
        if (url == null) {
            throw new InvalidRequestException("\"url\" is required.");
        }
        WebhookRequests.checkedUrl(url, "url");
        String description = WebhookRequests.string(json, "description", 1000);
        Instant now = Instant.now();
        WebhookEndpoint existing = em.find(WebhookEndpoint.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            existing.update(url, description, now);
            return new Registered(existing, null);
        }
        WebhookSecret secret = WebhookSecret.generate();
        WebhookEndpoint created = new WebhookEndpoint(name, url, description, secret, now);
        em.persist(created);
        WebhooksLogger.LOG.endpointRegistered(name, url);
        return new Registered(created, secret);
    }

    /**
     * Gives the endpoint a new secret. For {@code overlapSeconds} the previous one signs too, so receivers can
     * switch over without refusing anything; 0 retires it at once.
     *
     * @param body {@code {"overlapSeconds": n}}, 0 to 604800, default 86400
     */
    public Rotated rotate(String name, String body) {
        JsonObject json = WebhookRequests.object(body, ROTATION_FIELDS);
        long overlap = WebhookRequests.whole(json, "overlapSeconds", 0, MAX_OVERLAP.toSeconds(),
                DEFAULT_OVERLAP.toSeconds());
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, get(name).getName(),
                LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        WebhookSecret secret = WebhookSecret.generate();
        endpoint.rotate(secret, now.plusSeconds(overlap), now);
        WebhooksLogger.LOG.secretRotated(name, endpoint.getPreviousSecretUntil());
        return new Rotated(endpoint, secret);
    }

    public WebhookEndpoint get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("No webhook endpoint named '" + name + "'."));
    }

    public Optional<WebhookEndpoint> find(String name) {
        return Optional.ofNullable(name == null ? null : em.find(WebhookEndpoint.class, name));
    }

    public List<WebhookEndpoint> list() {
        return em.createQuery("select e from WebhookEndpoint e order by e.name", WebhookEndpoint.class)
                .getResultList();
    }

    /** The endpoint whose URL the given one lies under; the most specific one when several do. */
    public Optional<WebhookEndpoint> covering(String url) {
        return list().stream()
                .filter(endpoint -> endpoint.covers(url))
                .max(Comparator.comparingInt(endpoint -> endpoint.getUrl().length()));
    }
}
