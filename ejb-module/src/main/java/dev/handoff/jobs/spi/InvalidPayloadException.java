package dev.handoff.jobs.spi;

/**
 * A payload a {@link JobHandler} refuses. The message is shown to the caller, so say what is wrong
 * and what would be accepted; never include secrets from the payload.
 */
public class InvalidPayloadException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidPayloadException(String message) {
        super(message);
    }
}
