package dev.handoff.reports;

/**
 * A row the report cannot count: its group or its measure is missing, or the measure is not a number. The
 * batch step skips such rows, up to the payload's {@code skipLimit}.
 */
public class UnusableRowException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnusableRowException(long rowNumber, String problem) {
        super("row " + rowNumber + ": " + problem);
    }
}
