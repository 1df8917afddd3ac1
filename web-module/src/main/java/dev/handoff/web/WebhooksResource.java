package dev.handoff.web;

import dev.handoff.admin.DeadLetterCursor;
import dev.handoff.admin.DeadLetterFilter;
import dev.handoff.admin.DeadLetterOperations;
import dev.handoff.admin.DeadLetterSearch;
import dev.handoff.admin.Paging;
import dev.handoff.admin.ReplayRequest;
import dev.handoff.jobs.Job;
import dev.handoff.webhooks.DeliveryFilter;
import dev.handoff.webhooks.WebhookDeliveries;
import dev.handoff.webhooks.WebhookEndpoints;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Webhook endpoints, the delivery log and webhook dead letters: {@code /api/webhooks}. */
@RequestScoped
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    private static final int MAX_BODY_BYTES = 16 * 1024;

    @EJB
    WebhookEndpoints endpoints;

    @EJB
    WebhookDeliveries deliveries;

    @EJB
    DeadLetterSearch deadLetters;

    @EJB
    DeadLetterOperations operations;

    @Context
    UriInfo uris;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    @Path("/endpoints")
    public String listEndpoints() {
        QueryParameters.of(uris, List.of());
        return WebhookRepresentation.endpoints(endpoints.list()).toString();
    }

    @GET
    @Path("/endpoints/{name}")
    public String endpoint(@PathParam("name") String name) {
        return WebhookRepresentation.endpoint(endpoints.get(name)).toString();
    }

    /** Registers an endpoint (201, with its new secret) or changes one's URL and description (200, no secret). */
    @PUT
    @Path("/endpoints/{name}")
    @Consumes(MediaType.WILDCARD)
    public Response register(@PathParam("name") String name, InputStream body) throws IOException {
        WebhookEndpoints.Registered registered = endpoints.register(name, BoundedBody.read(body, MAX_BODY_BYTES,
                "request"));
        if (registered.secret() == null) {
            return Response.ok(WebhookRepresentation.endpoint(registered.endpoint()).toString()).build();
        }
        return Response.status(Response.Status.CREATED)
                .location(uris.getAbsolutePath())
                .entity(WebhookRepresentation.endpointWithSecret(registered.endpoint(), registered.secret())
                        .toString())
                .build();
    }

    @POST
    @Path("/endpoints/{name}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    public String rotate(@PathParam("name") String name, InputStream body) throws IOException {
        WebhookEndpoints.Rotated rotated = endpoints.rotate(name, BoundedBody.read(body, MAX_BODY_BYTES, "request"));
        return WebhookRepresentation.endpointWithSecret(rotated.endpoint(), rotated.secret()).toString();
    }

    /** Deliveries, newest first, filtered by {@code endpoint}, {@code status} and {@code kind}. */
    @GET
    @Path("/deliveries")
    public String listDeliveries() {
        QueryParameters parameters = QueryParameters.of(uris, List.of("endpoint", "status", "kind", "limit"));
        DeliveryFilter filter = DeliveryFilter.parse(parameters.get("endpoint"), parameters.get("status"),
                parameters.get("kind"));
        return WebhookRepresentation.deliveries(deliveries.list(filter, Paging.limit(parameters.get("limit"))))
                .toString();
    }

    @GET
    @Path("/deliveries/{id}")
    public String delivery(@PathParam("id") String id) {
        return WebhookRepresentation.detail(deliveries.get(id), deliveries.attempts(id)).toString();
    }

    /** Replays a failed delivery: the dead letter of its job, with the same id and body. */
    @POST
    @Path("/deliveries/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    public Response replay(@PathParam("id") String id) {
        WebhookDeliveries.Tracked tracked = deliveries.get(id);
        Job job = operations.replay(tracked.delivery().getJobId(), ReplayRequest.parse(""),
                Callers.actor(security, request));
        return Response.accepted(WebhookRepresentation.summary(new WebhookDeliveries.Tracked(tracked.delivery(), job))
                        .toString())
                .build();
    }

    /** The dead letters of webhook deliveries: the job dead letters of type {@code webhook}, with their delivery. */
    @GET
    @Path("/dead-letters")
    public String deadLetters() {
        QueryParameters parameters = QueryParameters.of(uris, List.of("limit", "cursor"));
        DeadLetterFilter filter = new DeadLetterFilter(WebhookDeliveries.JOB_TYPE, null, null, null, null);
        JsonObject page = DeadLetterRepresentation.page(deadLetters.count(filter), deadLetters.page(filter,
                DeadLetterCursor.parse(parameters.get("cursor")), Paging.limit(parameters.get("limit"))));
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (JsonValue item : page.getJsonArray("items")) {
            String jobId = item.asJsonObject().getString("id");
            items.add(Json.createObjectBuilder(item.asJsonObject())
                    .add("delivery", deliveries.ofJob(jobId)
                            .<JsonValue>map(d -> WebhookRepresentation.summary(deliveries.get(d.getId())))
                            .orElse(JsonValue.NULL)));
        }
        return Json.createObjectBuilder(page).add("items", items).build().toString();
    }
}
