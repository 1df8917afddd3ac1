package dev.handoff.reports;

/**
 * The dataset a report reads was replaced while the report ran. Its next attempt starts over, on the new
 * content.
 */
public class DatasetChangedException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetChangedException(String dataset) {
        super("Dataset '" + dataset + "' was replaced while the report read it; the next attempt starts over.");
    }
}
