package dev.handoff.web;

import dev.handoff.notifications.Notification;
import dev.handoff.notifications.NotificationRequest;
import dev.handoff.notifications.NotificationService;
import dev.handoff.notifications.NotificationsConfig;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;

/**
 * Notifications: {@code /api/notifications}.
 *
 * <p>{@code POST} takes one notification or a JSON array of them (see {@link NotificationRequest}); all are
 * validated first and stored together, or, when any is refused, none (400). A single one is answered
 * {@code 202 {"id", "status", "statusUrl"}} (200 when its idempotency key names an earlier one, which is answered
 * instead); a list {@code 202 {"notifications": [...]}} in the request's order, each with {@code created}.
 */
@Path("/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @EJB
    NotificationService notifications;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response accept(InputStream body) throws IOException {
        String json = BoundedBody.read(body, NotificationRequest.MAX_BYTES, "request");
        boolean list = json.stripLeading().startsWith("[");
        List<NotificationRequest> requests = NotificationRequest.parseAll(json, NotificationsConfig.maxPerRequest());
        List<NotificationService.Accepted> accepted = acceptOnce(requests);
        if (!list) {
            NotificationService.Accepted one = accepted.get(0);
            return (one.created() ? Response.accepted() : Response.ok())
                    .entity(accepted(one).toString()).build();
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        accepted.forEach(item -> items.add(accepted(item)));
        return Response.accepted(Json.createObjectBuilder().add("notifications", items).build().toString()).build();
    }

    @GET
    @Path("/{id}")
    public String get(@PathParam("id") String id) {
        return notifications.get(parseId(id)).toJson().toString();
    }

    @GET
    @Path("/batches/{id}")
    public String batch(@PathParam("id") String id) {
        NotificationService.BatchView view = notifications.batch(id);
        return Json.createObjectBuilder()
                .add("id", view.batch().id())
                .add("jobId", view.batch().jobId())
                .add("jobUrl", "/api/jobs/" + view.batch().jobId())
                .add("size", view.batch().size())
                .add("read", view.read())
                .add("sent", view.sent())
                .add("skipped", view.skipped())
                .add("failed", view.failed())
                .add("unsent", view.unsent())
                .add("createdAt", view.batch().createdAt().toString())
                .build().toString();
    }

    /** Accepts, and when a concurrent request with the same idempotency key won the race, answers with its. */
    private List<NotificationService.Accepted> acceptOnce(List<NotificationRequest> requests) {
        try {
            return notifications.accept(requests);
        } catch (EJBException e) {
            if (requests.stream().allMatch(r -> r.idempotencyKey() == null) || !causedByConstraintViolation(e)) {
                throw e;
            }
            return notifications.accept(requests);
        }
    }

    private static boolean causedByConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject accepted(NotificationService.Accepted accepted) {
        Notification notification = accepted.notification();
        return Json.createObjectBuilder()
                .add("id", notification.id())
                .add("status", notification.status().wireName())
                .add("created", accepted.created())
                .add("statusUrl", "/api/notifications/" + notification.id())
                .build();
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new dev.handoff.NotFoundException("No notification with id '" + id + "'.");
        }
    }
}
