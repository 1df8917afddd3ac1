package dev.handoff.it;

import static dev.handoff.it.Api.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks and the {@code http} job type against a real receiver nobody here wrote the verification of: a Node.js
 * server that checks every request with the {@code standardwebhooks} library. The test server allows 127.0.0.1
 * (arquillian.xml sets {@code handoff.webhooks.allowed-targets}); every other refused address is refused before any
 * connection, so nothing but loopback is ever contacted.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String ALLOWED_TARGETS = "handoff.webhooks.allowed-targets";

    private static WebhookReceiver receiverA;
    private static WebhookReceiver receiverB;

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @BeforeAll
    static void startReceivers() throws IOException {
        receiverA = WebhookReceiver.start("handoff.it.receiver.port-a");
        receiverB = WebhookReceiver.start("handoff.it.receiver.port-b");
    }

    @AfterAll
    static void stopReceivers() throws InterruptedException {
        if (receiverA != null) {
            receiverA.close();
        }
        if (receiverB != null) {
            receiverB.close();
        }
    }

    @Test
    void aJobWithACallbackUrlEndsAndTheReceiverVerifiesOurSignature() {
        String path = "/callbacks-" + System.nanoTime();
        String secret = register(receiverA, path);
        receiverA.secrets(secret);

        String jobId = Api.submit(submission("noop", "{}", receiverA.url(path) + "/job"));

        awaitEnd(jobId, WAIT);
        JsonObject request = receiverA.awaitReceived(path + "/job", 1, WAIT).get(0);
        assertThat(request.getBoolean("verified")).as(request.toString()).isTrue();
        JsonObject body = read(request.getString("body"));
        assertThat(body.getString("type")).isEqualTo("job.succeeded");
        assertThat(body.getJsonObject("data").getString("id")).isEqualTo(jobId);
        assertThat(body.getJsonObject("data").getString("status")).isEqualTo("succeeded");
        String webhookId = request.getJsonObject("headers").getString("webhook-id");
        JsonObject delivery = awaitDelivery(webhookId, "delivered");
        assertThat(delivery.getString("eventType")).isEqualTo("job.succeeded");
        assertThat(delivery.getString("body")).isEqualTo(request.getString("body"));
        assertThat(delivery.getJsonArray("attemptHistory")).hasSize(1);
        assertThat(delivery.getJsonArray("attemptHistory").getJsonObject(0).getInt("statusCode")).isEqualTo(200);
    }

    /**
     * A notification on the webhook channel is rendered from its template and goes out as a signed delivery at
     * once; a 500 from the receiver is retried, and the notification ends sent with both attempts counted.
     */
    @Test
    void aWebhookNotificationIsRenderedSignedDeliveredAndEndsSent() {
        String path = "/notify-" + System.nanoTime();
        receiverA.secrets(register(receiverA, path));
        receiverA.plan(path, "[{\"status\": 500}]");
        String template = "it-webhook-" + System.nanoTime();
        HttpResponse<String> stored = Api.put("/api/templates/" + template, "application/json",
                "{\"subject\": \"Order {{order}} shipped\", \"text\": \"Hello {{name}}\","
                        + " \"html\": \"<p>Hello {{name}}</p>\"}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);

        HttpResponse<String> accepted = Api.post("/api/notifications", "{\"channel\": \"webhook\", \"recipient\": \""
                + receiverA.url(path) + "\", \"template\": \"" + template + "\","
                + " \"data\": {\"name\": \"Ada & co\", \"order\": \"A-7\"}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long id = Api.json(accepted).getJsonNumber("id").longValue();

        List<JsonObject> requests = receiverA.awaitReceived(path, 2, WAIT);
        assertThat(requests).allSatisfy(request ->
                assertThat(request.getBoolean("verified")).as(request.toString()).isTrue());
        assertThat(requests.get(1).getString("body")).isEqualTo(requests.get(0).getString("body"));
        JsonObject body = read(requests.get(1).getString("body"));
        assertThat(body.getString("type")).isEqualTo("notification");
        JsonObject data = body.getJsonObject("data");
        assertThat(data.getJsonNumber("notificationId").longValue()).isEqualTo(id);
        assertThat(data.getString("subject")).isEqualTo("Order A-7 shipped");
        assertThat(data.getString("text")).isEqualTo("Hello Ada & co");
        assertThat(data.getString("html")).isEqualTo("<p>Hello Ada &amp; co</p>");

        JsonObject notification = awaitNotification(id, "sent");
        assertThat(notification.getInt("attempts")).isEqualTo(2);
        assertThat(notification.getString("deliveryId"))
                .isEqualTo(requests.get(0).getJsonObject("headers").getString("webhook-id"));
    }

    @Test
    void aWebhookNotificationToAUrlUnderNoEndpointIsRefusedAndNothingStored() {
        String template = "it-webhook-" + System.nanoTime();
        assertThat(Api.put("/api/templates/" + template, "application/json",
                "{\"subject\": \"s\", \"text\": \"t\"}").statusCode()).isEqualTo(201);
        long jobs = Api.jobCount();

        String unregistered = receiverA.url("/nobody-registered-" + System.nanoTime());
        HttpResponse<String> refused = Api.post("/api/notifications", "[{\"channel\": \"webhook\","
                + " \"recipient\": \"" + unregistered + "\", \"template\": \""
                + template + "\", \"data\": {}, \"idempotencyKey\": \"" + template + "\"}]");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("no registered webhook endpoint");
        assertThat(Api.jobCount()).isEqualTo(jobs);
    }

    private static JsonObject awaitNotification(long id, String status) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonObject notification = Api.json(Api.get("/api/notifications/" + id));
        while (!notification.getString("status").equals(status)) {
            assertThat(Instant.now()).as("notification %d %s: %s", id, status, notification).isBefore(deadline);
            Api.pause(Duration.ofMillis(100));
            notification = Api.json(Api.get("/api/notifications/" + id));
        }
        return notification;
    }

    @Test
    void aCallbackToAHostNameGoesToItsCheckedAddressWithTheNameInTheHostHeader() {
        String path = "/by-name-" + System.nanoTime();
        String url = "http://localhost:" + receiverA.port() + path;
        String secret = Api.json(putEndpoint("it-name-" + System.nanoTime(), url)).getString("secret");
        receiverA.secrets(secret);

        String jobId = Api.submit(submission("noop", "{}", url));

        awaitEnd(jobId, WAIT);
        JsonObject request = receiverA.awaitReceived(path, 1, WAIT).get(0);
        assertThat(request.getBoolean("verified")).isTrue();
        assertThat(request.getJsonObject("headers").getString("host")).isEqualTo("localhost:" + receiverA.port());
    }

    @Test
    void aJobSubmittedOverJmsWithACallbackUrlGetsItsSignedCallback() throws Exception {
        String path = "/jms-" + System.nanoTime();
        receiverA.secrets(register(receiverA, path));
        String jobId = "jms-callback-" + System.nanoTime();

        Broker.sendJob(submission("noop", "{}", receiverA.url(path)), jobId);

        JsonObject request = receiverA.awaitReceived(path, 1, WAIT).get(0);
        assertThat(request.getBoolean("verified")).isTrue();
        assertThat(read(request.getString("body")).getJsonObject("data").getString("id")).isEqualTo(jobId);
        assertThat(Api.job(jobId).getString("callbackUrl")).isEqualTo(receiverA.url(path));
    }

    @Test
    void aJmsSubmissionWithAnUnregisteredCallbackUrlIsDeadLetteredAndStoresNoJob() throws Exception {
        String jobId = "jms-refused-callback-" + System.nanoTime();

        Broker.sendJob(submission("noop", "{}", receiverB.url("/nobody-" + jobId)), jobId);

        Message dead = Broker.receive(Broker.JOBS_DEAD_LETTERS, "jobId = '" + jobId + "'", WAIT);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("deadLetterReason")).contains("registered webhook endpoint");
        assertThat(Api.get("/api/jobs/" + jobId).statusCode()).isEqualTo(404);
    }

    @Test
    void aFailedJobsCallbackSaysJobFailedWithTheError() {
        String path = "/failed-" + System.nanoTime();
        receiverA.secrets(register(receiverA, path));

        String jobId = Api.submit(submission("test-flaky", "{\"failPermanently\": true}", receiverA.url(path)));

        assertThat(awaitEnd(jobId, WAIT).getString("status")).isEqualTo("failed");
        JsonObject request = receiverA.awaitReceived(path, 1, WAIT).get(0);
        assertThat(request.getBoolean("verified")).isTrue();
        JsonObject body = read(request.getString("body"));
        assertThat(body.getString("type")).isEqualTo("job.failed");
        assertThat(body.getJsonObject("data").getString("error")).isEqualTo("refused for good on attempt 1");
    }

    @Test
    void duringRotationAReceiverWithOnlyTheOldSecretAndOneWithOnlyTheNewBothVerifyAndAfterItOnlyTheNew() {
        String path = "/rotation-" + System.nanoTime();
        String name = "it-rotation-" + System.nanoTime();
        String oldSecret = Api.json(putEndpoint(name, receiverA.url(path))).getString("secret");
        HttpResponse<String> rotated = Api.post("/api/webhooks/endpoints/" + name + "/rotate-secret",
                "{\"overlapSeconds\": 5}");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newSecret = Api.json(rotated).getString("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        receiverA.secrets(oldSecret, newSecret);

        Api.submit(submission("noop", "{}", receiverA.url(path) + "/during"));
        JsonObject during = receiverA.awaitReceived(path + "/during", 1, WAIT).get(0);
        Instant overlapEnds = Instant.parse(Api.json(rotated).getString("previousSecretValidUntil"));
        Api.pause(Duration.between(Instant.now(), overlapEnds).plusMillis(500));
        Api.submit(submission("noop", "{}", receiverA.url(path) + "/after"));
        JsonObject after = receiverA.awaitReceived(path + "/after", 1, WAIT).get(0);

        assertThat(during.getJsonArray("verifiedBy").getValuesAs(v -> ((JsonNumber) v).intValue()))
                .as(during.toString()).containsExactlyInAnyOrder(0, 1);
        assertThat(during.getJsonObject("headers").getString("webhook-signature").split(" ")).hasSize(2);
        assertThat(after.getJsonArray("verifiedBy").getValuesAs(v -> ((JsonNumber) v).intValue()))
                .as(after.toString()).containsExactly(1);
        assertThat(after.getJsonObject("headers").getString("webhook-signature").split(" ")).hasSize(1);
    }

    @Test
    void aRetryAfterA500CarriesTheSameWebhookIdAndTheSameBody() {
        String path = "/retry-" + System.nanoTime();
        receiverA.secrets(register(receiverA, path));
        receiverA.plan(path, "[{\"status\": 500, \"body\": \"try later\"}]");

        Api.submit(submission("noop", "{}", receiverA.url(path)));

        List<JsonObject> requests = receiverA.awaitReceived(path, 2, WAIT);
        JsonObject first = requests.get(0);
        JsonObject second = requests.get(1);
        assertThat(second.getJsonObject("headers").getString("webhook-id"))
                .isEqualTo(first.getJsonObject("headers").getString("webhook-id"));
        assertThat(second.getString("body")).isEqualTo(first.getString("body"));
        assertThat(first.getBoolean("verified")).isTrue();
        assertThat(second.getBoolean("verified")).isTrue();
        JsonObject delivery = awaitDelivery(first.getJsonObject("headers").getString("webhook-id"), "delivered");
        List<JsonObject> attempts = delivery.getJsonArray("attemptHistory").getValuesAs(JsonObject.class);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getInt("statusCode")).isEqualTo(500);
        assertThat(attempts.get(0).getString("outcome")).isEqualTo("retryable");
        assertThat(attempts.get(0).getString("error")).contains("HTTP 500").contains("try later");
        assertThat(attempts.get(1).getString("outcome")).isEqualTo("delivered");
    }

    @Test
    void a400StopsAtOnceWithoutRetrying() {
        String path = "/bad-request-" + System.nanoTime();
        receiverA.secrets(register(receiverA, path));
        receiverA.plan(path, "[{\"status\": 400}]");

        Api.submit(submission("noop", "{}", receiverA.url(path)));

        JsonObject request = receiverA.awaitReceived(path, 1, WAIT).get(0);
        JsonObject delivery = awaitDelivery(request.getJsonObject("headers").getString("webhook-id"), "failed");
        assertThat(delivery.getInt("attempts")).isEqualTo(1);
        Api.pause(Duration.ofSeconds(2));
        assertThat(receiverA.received(path)).hasSize(1);
    }

    @Test
    void a410IsDeadLetteredAtOnceAndTheReplayedDeliveryArrivesWithTheSameIdAndBody() {
        String path = "/gone-" + System.nanoTime();
        receiverA.secrets(register(receiverA, path));
        receiverA.plan(path, "[{\"status\": 410}]");

        Api.submit(submission("noop", "{}", receiverA.url(path)));

        JsonObject gone = receiverA.awaitReceived(path, 1, WAIT).get(0);
        String webhookId = gone.getJsonObject("headers").getString("webhook-id");
        JsonObject delivery = awaitDelivery(webhookId, "failed");
        assertThat(delivery.getInt("attempts")).isEqualTo(1);
        String jobId = delivery.getString("jobId");
        JsonObject deadLetters = Api.json(Api.get("/api/webhooks/dead-letters"));
        assertThat(deadLetters.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(item -> {
                    assertThat(item.getString("id")).isEqualTo(jobId);
                    assertThat(item.getJsonObject("delivery").getString("id")).isEqualTo(webhookId);
                });

        HttpResponse<String> replay = Api.post("/api/webhooks/deliveries/" + webhookId + "/replay", "");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);

        JsonObject replayed = receiverA.awaitReceived(path, 2, WAIT).get(1);
        assertThat(replayed.getJsonObject("headers").getString("webhook-id")).isEqualTo(webhookId);
        assertThat(replayed.getString("body")).isEqualTo(gone.getString("body"));
        assertThat(replayed.getBoolean("verified")).isTrue();
        assertThat(awaitDelivery(webhookId, "delivered").getInt("attempts")).isEqualTo(2);
    }

    @Test
    void a429WithRetryAfterTwoWaitsAtLeastTwoSecondsThoughTheBackoffIsShorter() {
        String path = "/throttled-" + System.nanoTime();
        receiverA.secrets(register(receiverA, path));
        receiverA.plan(path, "[{\"status\": 429, \"retryAfter\": \"2\"}]");

        Api.submit(submission("noop", "{}", receiverA.url(path)));

        List<JsonObject> requests = receiverA.awaitReceived(path, 2, WAIT);
        long waited = requests.get(1).getJsonNumber("at").longValue() - requests.get(0).getJsonNumber("at").longValue();
        // The webhook type's first backoff is 1 s +- 20 %: only Retry-After makes the wait 2 s or more.
        assertThat(waited).isGreaterThanOrEqualTo(2_000);
        assertThat(requests.get(1).getBoolean("verified")).isTrue();
    }

    @Test
    void theJavaApiEnqueuesInTheCallersTransactionAndAnIdempotencyKeyMakesOneDelivery() {
        String path = "/api-" + System.nanoTime();
        String name = "it-api-" + System.nanoTime();
        receiverA.secrets(Api.json(putEndpoint(name, receiverA.url(path))).getString("secret"));
        String key = "key-" + System.nanoTime();

        String rolledBack = Api.submit("{\"type\": \"test-webhook\", \"payload\": {\"endpoint\": \"" + name
                + "\", \"key\": \"" + key + "-x\", \"fail\": true}}");
        String committed = Api.submit("{\"type\": \"test-webhook\", \"payload\": {\"endpoint\": \"" + name
                + "\", \"key\": \"" + key + "\", \"times\": 2}}");

        assertThat(awaitEnd(rolledBack, WAIT).getString("status")).isEqualTo("failed");
        assertThat(awaitEnd(committed, WAIT).getString("status")).isEqualTo("succeeded");
        JsonObject request = receiverA.awaitReceived(path, 1, WAIT).get(0);
        assertThat(request.getBoolean("verified")).isTrue();
        assertThat(read(request.getString("body")).getString("type")).isEqualTo("test.event");
        Api.pause(Duration.ofSeconds(2));
        assertThat(receiverA.received(path)).hasSize(1);
        JsonObject listed = Api.json(Api.get("/api/webhooks/deliveries?endpoint=" + name));
        assertThat(listed.getJsonArray("items")).hasSize(1);
    }

    @Test
    void refusedTargetsAreRefusedAtSubmitAndNothingIsStored() {
        long jobsBefore = Api.jobCount();

        HttpResponse<String> metadata = putEndpoint("it-metadata", "http://169.254.169.254/latest/meta-data/");
        HttpResponse<String> privateJob = Api.post("/api/jobs",
                "{\"type\": \"http\", \"payload\": {\"url\": \"http://10.0.0.1/admin\"}}");
        HttpResponse<String> otherLoopback = Api.post("/api/jobs",
                "{\"type\": \"http\", \"payload\": {\"url\": \"http://127.0.0.2:" + receiverB.port() + "/x\"}}");
        HttpResponse<String> unregisteredCallback = Api.post("/api/jobs", submission("noop", "{}",
                receiverB.url("/nobody-registered-this")));
        HttpResponse<String> badMethod = Api.post("/api/jobs",
                "{\"type\": \"http\", \"payload\": {\"method\": \"BREW\", \"url\": \"" + receiverB.url("/x") + "\"}}");
        HttpResponse<String> badUrl = Api.post("/api/jobs", "{\"type\": \"http\", \"payload\": {\"url\": \"::\"}}");

        assertProblem(metadata, "link-local");
        assertProblem(privateJob, "private");
        assertProblem(otherLoopback, "loopback");
        assertProblem(unregisteredCallback, "registered webhook endpoint");
        assertProblem(badMethod, "\\\"method\\\" must be one of");
        assertProblem(badUrl, "url");
        assertThat(Api.get("/api/webhooks/endpoints/it-metadata").statusCode()).isEqualTo(404);
        assertThat(Api.jobCount()).isEqualTo(jobsBefore);
        assertThat(receiverB.received("/x")).isEmpty();
    }

    @Test
    void aTargetTheAllowlistNoLongerOpensIsRefusedAtSendTimeWithoutBeingContacted() throws IOException {
        String path = "/closed-" + System.nanoTime();
        receiverA.secrets(register(receiverA, path));
        String jobId = Api.submit("{\"type\": \"noop\", \"delaySeconds\": 2, \"callbackUrl\": \""
                + receiverA.url(path) + "\"}");
        JsonObject delivery;
        try {
            ServerModel.setSystemProperty(management, ALLOWED_TARGETS, "127.0.0.2/32");
            awaitEnd(jobId, WAIT);
            delivery = awaitDelivery(awaitDeliveryTo(receiverA.url(path)), "failed");
        } finally {
            ServerModel.setSystemProperty(management, ALLOWED_TARGETS, "127.0.0.1/32");
        }

        assertThat(delivery.getInt("attempts")).isEqualTo(1);
        assertThat(delivery.getString("lastError")).contains("Refused target").contains("loopback");
        assertThat(receiverA.received(path)).isEmpty();
    }

    @Test
    void theHttpJobTypeRetriesAfterATimeoutAndA503AndReturnsTheAnswer() {
        String path = "/slow-" + System.nanoTime();
        receiverB.plan(path, "[{\"status\": 200, \"delayMs\": 2500}, {\"status\": 503, \"delayMs\": 200},"
                + " {\"status\": 201, \"delayMs\": 300, \"body\": \"created\"}]");

        String jobId = Api.submit("{\"type\": \"http\", \"payload\": {\"method\": \"POST\", \"url\": \""
                + receiverB.url(path) + "\", \"headers\": {\"X-Test\": \"yes\"}, \"body\": {\"n\": 1},"
                + " \"timeoutSeconds\": 1}}");

        JsonObject job = awaitEnd(jobId, WAIT);
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.getInt("attempts")).isEqualTo(3);
        JsonObject result = job.getJsonObject("result");
        assertThat(result.getInt("status")).isEqualTo(201);
        assertThat(result.getString("body")).isEqualTo("created");
        assertThat(result.getJsonNumber("latencyMs").longValue()).isGreaterThanOrEqualTo(300);
        List<JsonObject> requests = receiverB.received(path);
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).getString("body")).isEqualTo("{\"n\":1}");
        assertThat(requests.get(0).getJsonObject("headers").getString("x-test")).isEqualTo("yes");
        assertThat(requests.get(0).getJsonObject("headers").getString("content-type")).isEqualTo("application/json");
        List<JsonObject> attempts = Api.json(Api.get("/api/webhooks/deliveries/" + jobId))
                .getJsonArray("attemptHistory").getValuesAs(JsonObject.class);
        assertThat(attempts).extracting(a -> a.get("statusCode"))
                .containsExactly(JsonValue.NULL, Json.createValue(503), Json.createValue(201));
        assertThat(attempts.get(0).getString("error")).contains("No answer within 1 s");
    }

    @Test
    void theHttpJobTypeFailsAtOnceOnAnUnexpected404() {
        String path = "/missing-" + System.nanoTime();
        receiverB.plan(path, "[{\"status\": 404, \"body\": \"no such thing\"}]");

        String jobId = Api.submit("{\"type\": \"http\", \"payload\": {\"url\": \"" + receiverB.url(path) + "\"}}");

        JsonObject job = awaitEnd(jobId, WAIT);
        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(job.getString("error")).isEqualTo("HTTP 404: no such thing");
    }

    private static String register(WebhookReceiver receiver, String path) {
        HttpResponse<String> response = putEndpoint("it-" + System.nanoTime(), receiver.url(path));
        return Api.json(response).getString("secret");
    }

    private static HttpResponse<String> putEndpoint(String name, String url) {
        HttpResponse<String> response = Api.put("/api/webhooks/endpoints/" + name, "application/json",
                "{\"url\": \"" + url + "\", \"description\": \"integration test\"}");
        if (response.statusCode() == 201) {
            assertThat(response.headers().firstValue("Location")).isPresent();
        }
        return response;
    }

    private static String submission(String type, String payload, String callbackUrl) {
        return "{\"type\": \"" + type + "\", \"payload\": " + payload + ", \"callbackUrl\": \"" + callbackUrl + "\"}";
    }

    /** The id of the delivery to a URL, once it is listed. */
    private static String awaitDeliveryTo(String url) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            for (JsonObject item : Api.json(Api.get("/api/webhooks/deliveries?kind=webhook&limit=500"))
                    .getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (item.getString("url").equals(url)) {
                    return item.getString("id");
                }
            }
            assertThat(Instant.now()).as("a delivery to %s", url).isBefore(deadline);
            Api.pause(Duration.ofMillis(100));
        }
    }

    private static JsonObject awaitDelivery(String id, String status) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonObject delivery = Api.json(Api.get("/api/webhooks/deliveries/" + id));
        while (!delivery.getString("status").equals(status)) {
            assertThat(Instant.now()).as("delivery %s %s", status, delivery).isBefore(deadline);
            Api.pause(Duration.ofMillis(100));
            delivery = Api.json(Api.get("/api/webhooks/deliveries/" + id));
        }
        return delivery;
    }

    private static void assertProblem(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains(detail);
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
