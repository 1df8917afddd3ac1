package dev.handoff.admin;

import dev.handoff.InvalidRequestException;

/** How many items a page of a listing holds. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Paging() {
    }

    /**
     * Reads a page size.
     *
     * @param text the request's {@code limit}, {@code null} when absent
     * @throws InvalidRequestException when it is not a whole number from 1 to {@link #MAX_LIMIT}
     */
    public static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Refused below, like a number out of range.
        }
        throw new InvalidRequestException("\"limit\" must be a whole number from 1 to " + MAX_LIMIT + ", got '"
                + text + "'.");
    }
}
