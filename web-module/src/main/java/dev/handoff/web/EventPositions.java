package dev.handoff.web;

import dev.handoff.InvalidRequestException;
import java.util.regex.Pattern;

/** Where a stream starts: after the {@code Last-Event-ID} the caller sends, else from the beginning. */
final class EventPositions {

    static final String HEADER = "Last-Event-ID";
    static final String QUERY_PARAMETER = "lastEventId";

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private EventPositions() {
    }

    /**
     * The id to resume after: the header's when sent (a browser's EventSource sends it when it reconnects, and it is
     * newer than a query parameter fixed in the URL), else the query parameter's, else 0.
     *
     * @throws InvalidRequestException when the one that counts is not an event id
     */
    static long after(String header, String queryParameter) {
        String value = header != null ? header : queryParameter;
        if (value == null) {
            return 0;
        }
        if (!ID.matcher(value.strip()).matches()) {
            throw new InvalidRequestException((header != null ? HEADER + " header" : QUERY_PARAMETER)
                    + " must be an event id: a whole number of at most 18 digits, as a stream's id lines give.");
        }
        return Long.parseLong(value.strip());
    }
}
