package dev.handoff.webhooks;

import dev.handoff.jobs.spi.JobFailedException;
import jakarta.json.JsonValue;

/** What an attempt's answer makes of the job: its result, or the failure that says whether to retry. */
final class Deliveries {

    private static final int ERROR_SNIPPET = 200;

    private Deliveries() {
    }

    /**
     * @param onFailure runs before a failure is thrown, to log it
     * @throws JobFailedException retryable (with the answer's {@code Retry-After}) or permanent
     */
    static JsonValue conclude(OutboundAnswer answer, Verdict verdict, Runnable onFailure) {
        if (verdict == Verdict.DELIVERED) {
            return WebhookHandler.result(answer);
        }
        onFailure.run();
        if (verdict == Verdict.RETRYABLE) {
            throw JobFailedException.retryable(describe(answer), null, answer.retryAfter());
        }
        throw JobFailedException.permanent(describe(answer));
    }

    /** The answer as an error: the status and the start of the body, or why there was none. */
    static String describe(OutboundAnswer answer) {
        if (!answer.answered()) {
            return answer.error();
        }
        String body = answer.bodySnippet().strip();
        return "HTTP " + answer.status() + (body.isEmpty() ? "" : ": "
                + (body.length() > ERROR_SNIPPET ? body.substring(0, ERROR_SNIPPET) + "..." : body));
    }
}
