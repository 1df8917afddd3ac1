package dev.handoff.web;

import dev.handoff.datasets.DatasetInfo;
import dev.handoff.datasets.Datasets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Datasets for reports: {@code /api/datasets/{name}}.
 *
 * <p>{@code PUT} stores a JSON array of flat objects ({@code application/json}) or CSV with a header row
 * ({@code text/csv}), in UTF-8, under a name matching {@code [A-Za-z0-9._-]{1,100}}; it answers 201 for a new
 * name, 200 when it replaced a dataset, with the dataset's description:
 * {@code {"name", "format", "rows", "sizeBytes", "updatedAt"}}. A body that is not a valid dataset of its
 * format, or too large, is refused with 400 and stores nothing. {@code GET} answers the description, or 404.
 */
@Path("/datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DatasetsResource {

    @Inject
    Datasets datasets;

    /** Accepts any media type, so that an unsupported one is answered with a 400 that says what is accepted. */
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) throws IOException {
        Datasets.Saved saved = datasets.put(name, contentType, body);
        Response.ResponseBuilder response = saved.created() ? Response.created(location(saved.dataset()))
                : Response.ok();
        return response.entity(representation(saved.dataset())).build();
    }

    @GET
    @Path("/{name}")
    public Response get(@PathParam("name") String name) {
        return Response.ok(representation(datasets.get(name))).build();
    }

    static String representation(DatasetInfo dataset) {
        return dataset.toJson().toString();
    }

    /**
     * Where a dataset is described, relative to the API's base URI, which JAX-RS resolves it against (an
     * absolute path would be appended to the base too). A dataset name needs no escaping in a path.
     */
    static URI location(DatasetInfo dataset) {
        return URI.create("datasets/" + dataset.name());
    }
}
