package dev.handoff.web;

import dev.handoff.InvalidRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A request's query parameters, each known and given at most once, so that a misspelt filter is refused. */
final class QueryParameters {

    private final MultivaluedMap<String, String> values;

    private QueryParameters(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    /**
     * The query parameters of the request.
     *
     * @throws InvalidRequestException when one is unknown or repeated
     */
    static QueryParameters of(UriInfo uris, Collection<String> known) {
        MultivaluedMap<String, String> values = uris.getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : values.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw new InvalidRequestException("Unknown query parameter \"" + parameter.getKey() + "\"; expected "
                        + known + ".");
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidRequestException("Query parameter \"" + parameter.getKey() + "\" is given "
                        + parameter.getValue().size() + " times; give it once.");
            }
        }
        return new QueryParameters(values);
    }

    /** The parameter's value, {@code null} when absent. */
    String get(String name) {
        return values.getFirst(name);
    }
}
