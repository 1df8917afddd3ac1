package dev.handoff.web;

import dev.handoff.InvalidRequestException;
import dev.handoff.events.EventStreams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /api/events}: the events of every job the caller submitted over HTTP, as server-sent events, until the
 * caller leaves. The caller is who {@link Callers} says: the authenticated user, else the remote address.
 */
@RequestScoped
@Path("/events")
public class EventsResource {

    private static final List<String> PARAMETERS = List.of("type", EventPositions.QUERY_PARAMETER);
    private static final Pattern JOB_TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    @Inject
    EventStreams streams;

    @Context
    UriInfo uris;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@HeaderParam(EventPositions.HEADER) String lastEventId, @Context SseEventSink sink,
            @Context Sse sse) {
        QueryParameters parameters = QueryParameters.of(uris, PARAMETERS);
        String type = parameters.get("type");
        if (type != null && !JOB_TYPE.matcher(type).matches()) {
            throw new InvalidRequestException("\"type\" must be a job type: " + JOB_TYPE.pattern() + ".");
        }
        long after = EventPositions.after(lastEventId, parameters.get(EventPositions.QUERY_PARAMETER));
        String caller = Callers.actor(security, request).toString();
        streams.openSubmitterStream(caller, type, after, SseSink.open(sink, sse));
    }
}
