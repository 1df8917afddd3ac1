package dev.handoff.web;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem body, the shape of every error the API answers with. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    private Problem() {
    }

    public static Response response(Response.Status status, String detail) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Response response(int status, String title, String detail) {
        return builder(status, title, detail).build();
    }

    public static Response.ResponseBuilder builder(Response.Status status, String detail) {
        return builder(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Response.ResponseBuilder builder(int status, String title, String detail) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        return Response.status(status).type(MEDIA).entity(body.build().toString());
    }
}
