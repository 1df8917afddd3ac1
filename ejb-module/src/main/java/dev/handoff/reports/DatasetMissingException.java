package dev.handoff.reports;

/** The dataset a report reads was deleted after the report was submitted. */
public class DatasetMissingException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetMissingException(String dataset) {
        super("There is no dataset named '" + dataset + "' any more.");
    }
}
