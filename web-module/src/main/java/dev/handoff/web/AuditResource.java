package dev.handoff.web;

import dev.handoff.InvalidRequestException;
import dev.handoff.admin.Audit;
import dev.handoff.admin.AuditAction;
import dev.handoff.admin.AuditEntry;
import dev.handoff.admin.Paging;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

/** Who replayed or purged what, and every retention run: {@code GET /api/audit}, newest first. */
@RequestScoped
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final List<String> PARAMETERS = List.of("jobId", "operationId", "action", "limit", "cursor");

    @EJB
    Audit audit;

    @Context
    UriInfo uris;

    @GET
    public String list() {
        QueryParameters parameters = QueryParameters.of(uris, PARAMETERS);
        Audit.Query query = new Audit.Query(parameters.get("jobId"), parameters.get("operationId"),
                action(parameters.get("action")));
        Audit.Page page = audit.page(query, parameters.get("cursor"), Paging.limit(parameters.get("limit")));
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(entry -> items.add(entry(entry)));
        return Json.createObjectBuilder()
                .add("items", items)
                .add("nextCursor", JobRepresentation.nullable(page.nextCursor()))
                .build()
                .toString();
    }

    private static JsonObject entry(AuditEntry entry) {
        return Json.createObjectBuilder()
                .add("id", entry.getId())
                .add("at", entry.getAt().toString())
                .add("actor", DeadLetterRepresentation.actor(entry.getActor()))
                .add("action", entry.getAction())
                .add("jobId", JobRepresentation.nullable(entry.getJobId()))
                .add("operationId", JobRepresentation.nullable(entry.getOperationId()))
                .add("filter", entry.getFilter() == null ? JsonValue.NULL
                        : Json.createReader(new StringReader(entry.getFilter())).readObject())
                .add("outcome", entry.getOutcome())
                .add("detail", JobRepresentation.nullable(entry.getDetail()))
                .build();
    }

    private static AuditAction action(String name) {
        if (name == null) {
            return null;
        }
        try {
            return AuditAction.ofWireName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("\"action\" must be one of " + Arrays.stream(AuditAction.values())
                    .map(AuditAction::wireName).toList() + ".");
        }
    }
}
