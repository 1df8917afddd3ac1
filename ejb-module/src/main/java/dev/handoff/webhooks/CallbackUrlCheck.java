package dev.handoff.webhooks;

import dev.handoff.InvalidRequestException;
import dev.handoff.jobs.JobSubmission;
import dev.handoff.jobs.SubmissionCheck;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a submission whose {@code callbackUrl} lies under no registered endpoint (whose secret would sign the
 * callback) or whose target the {@link TargetPolicy} refuses: before anything is stored.
 */
@ApplicationScoped
public class CallbackUrlCheck implements SubmissionCheck {

    @EJB
    WebhookEndpoints endpoints;

    @Override
    public void check(JobSubmission submission) {
        String url = submission.callbackUrl();
        if (url == null) {
            return;
        }
        if (endpoints.covering(url).isEmpty()) {
            throw new InvalidRequestException("\"callbackUrl\" must lie under the URL of a registered webhook"
                    + " endpoint, whose secret signs the callback; register one with"
                    + " PUT /api/webhooks/endpoints/{name}.");
        }
        WebhookRequests.checkedUrl(url, "callbackUrl");
    }
}
