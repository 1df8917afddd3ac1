package dev.handoff.datasets;

/** Content that is not a valid dataset of its format. The message says where and what, for the caller. */
public class MalformedDatasetException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedDatasetException(String message) {
        super(message);
    }
}
