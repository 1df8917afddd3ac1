package dev.handoff.web;

import dev.handoff.notifications.NotificationService;
import dev.handoff.notifications.Template;
import dev.handoff.notifications.TemplateRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * Notification templates: {@code /api/templates/{name}}.
 *
 * <p>{@code PUT} stores {@code {"subject", "text", "html" (optional)}}, Mustache templates, as the name's next
 * version: 201 for the first, 200 for a later one, with the version stored. A part that does not compile is refused
 * with 400 and stores nothing. {@code GET} answers the latest version with the list of all versions;
 * {@code GET .../versions/{n}} one version.
 */
@Path("/templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {

    @EJB
    NotificationService notifications;

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@PathParam("name") String name, InputStream body) throws IOException {
        String json = BoundedBody.read(body, TemplateRequest.MAX_BYTES, "template");
        Template stored = notifications.putTemplate(TemplateRequest.parse(name, json));
        Response.ResponseBuilder response = stored.version() == 1
                ? Response.created(URI.create("templates/" + stored.name())) : Response.ok();
        return response.entity(stored.toJson().toString()).build();
    }

    @GET
    @Path("/{name}")
    public String latest(@PathParam("name") String name) {
        Template latest = notifications.latestTemplate(name);
        return withVersions(latest, notifications.templateVersions(name)).toString();
    }

    @GET
    @Path("/{name}/versions/{version}")
    public String version(@PathParam("name") String name, @PathParam("version") int version) {
        return notifications.templateVersion(name, version).toJson().toString();
    }

    private static JsonObject withVersions(Template latest, List<Template> all) {
        JsonArrayBuilder versions = Json.createArrayBuilder();
        for (Template template : all) {
            versions.add(Json.createObjectBuilder()
                    .add("version", template.version())
                    .add("createdAt", template.createdAt().toString())
                    .add("url", "/api/templates/" + template.name() + "/versions/" + template.version()));
        }
        return Json.createObjectBuilder(latest.toJson()).add("versions", versions).build();
    }
}
