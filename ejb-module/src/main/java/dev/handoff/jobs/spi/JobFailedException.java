package dev.handoff.jobs.spi;

/**
 * Fails an attempt and says whether trying again could help.
 *
 * <p>A retryable failure (a timeout, a refused connection, a server error) is retried after a delay
 * while the job has attempts left. A permanent one (bad input, a resource that does not exist) fails
 * the job at once: it goes to the dead letters with this exception's message as its error.
 */
public class JobFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    private JobFailedException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** A failure that a later attempt could get past. */
    public static JobFailedException retryable(String message, Throwable cause) {
        return new JobFailedException(message, cause, true);
    }

    /** A failure no later attempt can get past: the job fails now. */
    public static JobFailedException permanent(String message) {
        return new JobFailedException(message, null, false);
    }

    /** A failure no later attempt can get past: the job fails now. */
    public static JobFailedException permanent(String message, Throwable cause) {
        return new JobFailedException(message, cause, false);
    }

    public boolean isRetryable() {
        return retryable;
    }
}
