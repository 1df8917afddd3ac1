package dev.handoff.jobs.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Fails an attempt and says whether trying again could help.
 *
 * <p>A retryable failure (a timeout, a refused connection, a server error) is retried after a delay
 * while the job has attempts left. A permanent one (bad input, a resource that does not exist) fails
 * the job at once: it goes to the dead letters with this exception's message as its error.
 *
 * <p>A retryable failure may also say how long the next attempt must wait at least, as a remote server's
 * {@code Retry-After} header asks: the engine then waits the longer of that and the job's own backoff
 * (capped at one day).
 */
public class JobFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final Duration retryAfter;

    private JobFailedException(String message, Throwable cause, boolean retryable, Duration retryAfter) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A failure that a later attempt could get past. */
    public static JobFailedException retryable(String message, Throwable cause) {
        return new JobFailedException(message, cause, true, null);
    }

    /**
     * A failure that a later attempt could get past, but not before {@code retryAfter} has passed.
     *
     * @param retryAfter the least wait before the next attempt; {@code null} for none
     */
    public static JobFailedException retryable(String message, Throwable cause, Duration retryAfter) {
        return new JobFailedException(message, cause, true, retryAfter);
    }

    /** A failure no later attempt can get past: the job fails now. */
    public static JobFailedException permanent(String message) {
        return new JobFailedException(message, null, false, null);
    }

    /** A failure no later attempt can get past: the job fails now. */
    public static JobFailedException permanent(String message, Throwable cause) {
        return new JobFailedException(message, cause, false, null);
    }

    public boolean isRetryable() {
        return retryable;
    }

    /** The least wait before the next attempt that the failure asks for, when it asks for one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
