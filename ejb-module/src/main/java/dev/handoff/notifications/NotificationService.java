package dev.handoff.notifications;

import dev.handoff.InvalidRequestException;
import dev.handoff.NotFoundException;
import dev.handoff.webhooks.WebhookDeliveries;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts notifications and templates, and answers for them. Each call runs in the caller's transaction, or a new
 * one: a request's notifications are stored together or not at all.
 */
@Stateless
public class NotificationService {

    /** The event type of a webhook notification's delivery. */
    static final String WEBHOOK_EVENT = "notification";

    @Inject
    Templates templates;

    @Inject
    NotificationStore notifications;

    @Inject
    NotificationBatches batches;

    @EJB
    WebhookDeliveries webhooks;

    /** What one notification of a request led to: a new notification, or the one its idempotency key names. */
    public record Accepted(Notification notification, boolean created) {
    }

    /** A batch with how far its notifications have come. */
    public record BatchView(NotificationBatch batch, long read, long sent, long skipped, long failed, long unsent) {
    }

    /**
     * Stores a template as its name's next version.
     *
     * @throws InvalidRequestException when a part does not compile; nothing is stored then
     */
    public Template putTemplate(TemplateRequest request) {
        try {
            return templates.put(request);
        } catch (SQLException e) {
            throw new StoreFailedException("Storing template '" + request.name() + "'", e);
        }
    }

    public Template latestTemplate(String name) {
        TemplateRequest.checkName(name);
        try {
            return templates.latest(name).orElseThrow(() -> noTemplate(name));
        } catch (SQLException e) {
            throw new StoreFailedException("Reading template '" + name + "'", e);
        }
    }

    public Template templateVersion(String name, int version) {
        TemplateRequest.checkName(name);
        try {
            return templates.version(name, version).orElseThrow(() -> new NotFoundException(
                    "Template '" + name + "' has no version " + version + "."));
        } catch (SQLException e) {
            throw new StoreFailedException("Reading template '" + name + "'", e);
        }
    }

    public List<Template> templateVersions(String name) {
        try {
            return templates.versions(name);
        } catch (SQLException e) {
            throw new StoreFailedException("Reading template '" + name + "'", e);
        }
    }

    /**
     * Validates and stores the notifications, each pinned to its template's latest version. A notification whose
     * idempotency key was seen before is not stored again: the earlier one is answered in its place.
     *
     * @throws InvalidRequestException when any of them names a template that does not exist; nothing is stored
     */
    public List<Accepted> accept(List<NotificationRequest> requests) {
        try {
            return store(requests);
        } catch (SQLException e) {
            throw new StoreFailedException("Storing " + requests.size() + " notifications", e);
        }
    }

    public Notification get(long id) {
        try {
            return notifications.find(id).orElseThrow(() -> new NotFoundException("No notification with id " + id
                    + "."));
        } catch (SQLException e) {
            throw new StoreFailedException("Reading notification " + id, e);
        }
    }

    public BatchView batch(String id) {
        try {
            NotificationBatch batch = batches.find(id).orElseThrow(() -> new NotFoundException(
                    "No notification batch with id '" + id + "'."));
            NotificationStore.BatchCounts counts = notifications.counts(id);
            return new BatchView(batch, counts.read(), counts.sent(), counts.skipped(), counts.failed(),
                    counts.unsent());
        } catch (SQLException e) {
            throw new StoreFailedException("Reading notification batch " + id, e);
        }
    }

    private List<Accepted> store(List<NotificationRequest> requests) throws SQLException {
        Map<String, Integer> versions = latestVersions(requests);
        Instant now = Instant.now();
        List<Accepted> accepted = new ArrayList<>(requests.size());
        for (NotificationRequest request : requests) {
            Optional<Notification> earlier = request.idempotencyKey() == null ? Optional.empty()
                    : notifications.byIdempotencyKey(request.idempotencyKey());
            if (earlier.isPresent()) {
                accepted.add(new Accepted(earlier.get(), false));
            } else {
                Notification notification = notifications.insert(request, versions.get(request.template()), now);
                if (notification.channel() == Channel.WEBHOOK) {
                    notification = deliver(notification);
                }
                accepted.add(new Accepted(notification, true));
            }
        }
        return accepted;
    }

    /**
     * Renders a webhook notification and hands it to a signed webhook delivery, in this transaction: a webhook
     * notification is never batched, each goes out on its own as soon as it is accepted.
     */
    private Notification deliver(Notification notification) throws SQLException {
        JsonObject data = Json.createReader(new StringReader(notification.data())).readObject();
        RenderedMessage message = templates.compiled(notification.templateName(), notification.templateVersion())
                .render(data);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("notificationId", notification.id())
                .add("template", notification.templateName())
                .add("templateVersion", notification.templateVersion())
                .add("subject", message.subject())
                .add("text", message.text());
        if (message.html() != null) {
            body.add("html", message.html());
        }
        body.add("data", data);
        String deliveryId = webhooks.enqueueTo(notification.recipient(), WEBHOOK_EVENT, body.build(), null).getId();
        notifications.linkDelivery(notification.id(), deliveryId);
        return notifications.find(notification.id()).orElseThrow();
    }

    private Map<String, Integer> latestVersions(List<NotificationRequest> requests) throws SQLException {
        Map<String, Integer> versions = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            String name = requests.get(i).template();
            if (!versions.containsKey(name)) {
                Optional<Template> latest = templates.latest(name);
                if (latest.isEmpty()) {
                    String where = requests.size() == 1 ? "" : "Item " + i + ": ";
                    throw new InvalidRequestException(where + "there is no template named '" + name
                            + "'; store it first with PUT /api/templates/" + name + ".");
                }
                versions.put(name, latest.get().version());
            }
        }
        return versions;
    }

    private static NotFoundException noTemplate(String name) {
        return new NotFoundException("There is no template named '" + name + "'.");
    }
}
