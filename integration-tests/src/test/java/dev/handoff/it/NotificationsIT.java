package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Email notifications end to end on the test server: templates, acceptance, batching, and delivery to a real SMTP
 * server (GreenMail, behind {@link SmtpRelay} for the faults), read back from it.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

    static final int SMTP_PORT = Integer.getInteger("handoff.it.smtp.port", 9625);
    static final int GREENMAIL_PORT = Integer.getInteger("handoff.it.greenmail.port", 9627);
    /** The test server's handoff.notifications.max-per-request, which the build sets. */
    static final int MAX_PER_REQUEST = Integer.getInteger("handoff.it.notifications.max-per-request", 1000);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAILBOXES = 20;
    private static final String TEMPLATE = """
            {"subject": "Order {{order.id}} for {{name}}",
             "text": "Hello {{name}},\\n{{#items}}- {{.}}\\n{{/items}}Total: {{total}}",
             "html": "<p>Hello {{name}}</p><ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>"}
            """;

    private static Mailbox mailbox;
    private final NotificationApi api = new NotificationApi(Api.PORT);

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoff();
    }

    @BeforeAll
    static void startMailbox() throws IOException {
        mailbox = Mailbox.start(SMTP_PORT, GREENMAIL_PORT);
    }

    @AfterAll
    static void stopMailbox() throws IOException {
        mailbox.close();
    }

    @Test
    void everyPutOfATemplateIsANewVersionAndOldVersionsStayReadable() {
        String name = "versioned-" + System.nanoTime();

        HttpResponse<String> first = api.putTemplate(name, "{\"subject\": \"v1\", \"text\": \"one\"}");
        HttpResponse<String> second = api.putTemplate(name,
                "{\"subject\": \"v2\", \"text\": \"two\", \"html\": \"<b>2</b>\"}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonObject latest = NotificationApi.read(api.get("/api/templates/" + name).body());
        assertThat(latest.getInt("version")).isEqualTo(2);
        assertThat(latest.getString("html")).isEqualTo("<b>2</b>");
        assertThat(latest.getJsonArray("versions")).hasSize(2);
        JsonObject one = NotificationApi.read(api.get("/api/templates/" + name + "/versions/1").body());
        assertThat(one.getString("subject")).isEqualTo("v1");
        assertThat(one.containsKey("html")).isFalse();
        assertThat(api.get("/api/templates/" + name + "/versions/3").statusCode()).isEqualTo(404);
    }

    @Test
    void aTemplateThatDoesNotCompileIsRefusedAndNoVersionIsStored() {
        String name = "broken-" + System.nanoTime();

        HttpResponse<String> response = api.putTemplate(name,
                "{\"subject\": \"Hi\", \"text\": \"{{#open}} never closed\"}");

        assertProblem(response, 400, "\"text\" does not compile");
        assertThat(api.get("/api/templates/" + name).statusCode()).isEqualTo(404);
    }

    @Test
    void refusedRequestsAreProblemsAndStoreNoneOfTheirNotifications() {
        String template = putTemplate();
        String key = "refused-request-" + System.nanoTime();
        String valid = Json.createObjectBuilder().add("channel", "email").add("recipient", "ok@example.com")
                .add("template", template).add("idempotencyKey", key).build().toString();
        Map<String, String> refused = Map.of(
                "no template named 'no-such-template'", NotificationApi.email("a@example.com", "no-such-template",
                        Json.createObjectBuilder().build()),
                "\"channel\" must be", "{\"channel\": \"sms\", \"recipient\": \"a@example.com\", \"template\": \""
                        + template + "\"}",
                "not an email address", NotificationApi.email("not an address", template,
                        Json.createObjectBuilder().build()));

        refused.forEach((detail, bad) -> assertProblem(api.post("[" + valid + "," + bad + "]"), 400, detail));
        String tooMany = "[" + String.join(",", Collections.nCopies(MAX_PER_REQUEST,
                NotificationApi.email("a@example.com", template, Json.createObjectBuilder().build()))) + "," + valid
                + "]";
        assertProblem(api.post(tooMany), 400, "Too many notifications in one request");

        HttpResponse<String> afterwards = api.post(valid);
        assertThat(afterwards.statusCode()).as("the key was never stored: %s", afterwards.body()).isEqualTo(202);
        JsonObject accepted = NotificationApi.read(afterwards.body());
        assertThat(accepted.getBoolean("created")).isTrue();
        api.awaitEnded(List.of(accepted.getJsonNumber("id").longValue()), DELIVERY_TIMEOUT);
    }

    @Test
    void emailsArriveOnceEachRenderedFromTheirPinnedTemplateVersion() {
        String template = putTemplate();
        String prefix = "render-" + System.nanoTime();
        List<Long> ids = api.accept(List.of(
                NotificationApi.email(prefix + "-ada@example.com", template, order("Ada", "A-1", "tea", "milk")),
                NotificationApi.email(prefix + "-bob@example.com", template, order("Bob <&>", "B-2", "bread"))));
        api.putTemplate(template, "{\"subject\": \"changed\", \"text\": \"changed\"}");

        List<JsonObject> ended = api.awaitEnded(ids, DELIVERY_TIMEOUT);

        assertThat(ended).allSatisfy(n -> {
            assertThat(n.getString("status")).as(n.toString()).isEqualTo("sent");
            assertThat(n.getInt("templateVersion")).isEqualTo(1);
            assertThat(n.getInt("attempts")).isEqualTo(1);
            assertThat(n.getString("sentAt")).isNotNull();
        });
        Map<String, Mailbox.Received> received = byRecipient(mailbox.awaitReceived(prefix, 2, DELIVERY_TIMEOUT));
        assertThat(mailbox.received(prefix)).hasSize(2);
        Mailbox.Received ada = received.get(prefix + "-ada@example.com");
        assertThat(ada.subject()).isEqualTo("Order A-1 for Ada");
        // SMTP carries lines ending CRLF.
        assertThat(ada.text()).isEqualTo("Hello Ada,\r\n- tea\r\n- milk\r\nTotal: 12.50");
        assertThat(ada.html()).isEqualTo("<p>Hello Ada</p><ul><li>tea</li><li>milk</li></ul>");
        assertThat(ada.messageId()).isEqualTo("<handoff.notification." + ids.get(0) + "@handoff.invalid>");
        Mailbox.Received bob = received.get(prefix + "-bob@example.com");
        assertThat(bob.text()).startsWith("Hello Bob <&>,");
        assertThat(bob.html()).startsWith("<p>Hello Bob &lt;&amp;&gt;</p>");
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstNotificationAndSendsOnce() {
        String template = putTemplate();
        String prefix = "idem-" + System.nanoTime();
        String json = Json.createObjectBuilder().add("channel", "email").add("recipient", prefix + "@example.com")
                .add("template", template).add("data", order("Cy", "C-3", "jam"))
                .add("idempotencyKey", prefix).build().toString();

        HttpResponse<String> first = api.post(json);
        HttpResponse<String> again = api.post(json);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        long id = NotificationApi.read(first.body()).getJsonNumber("id").longValue();
        assertThat(NotificationApi.read(again.body()).getJsonNumber("id").longValue()).isEqualTo(id);
        api.awaitEnded(List.of(id), DELIVERY_TIMEOUT);
        Api.pause(Duration.ofSeconds(2));
        assertThat(mailbox.received(prefix)).hasSize(1);
    }

    @Test
    void recipientsTheSmtpServerRefusesAreSkippedAndCountedWhileTheRestAreSent() {
        String template = putTemplate();
        String prefix = "skip-" + System.nanoTime();
        List<Long> ids = api.accept(List.of(
                NotificationApi.email(prefix + "-1@example.com", template, order("A", "1", "x")),
                NotificationApi.email(SmtpRelay.REFUSED_PREFIX + "-" + prefix + "@example.com", template,
                        order("B", "2", "y")),
                NotificationApi.email(prefix + "-3@example.com", template, order("C", "3", "z"))));

        List<JsonObject> ended = api.awaitEnded(ids, DELIVERY_TIMEOUT);

        assertThat(ended).extracting(n -> n.getString("status")).containsExactly("sent", "skipped", "sent");
        assertThat(ended.get(1).getString("error")).contains("refused the recipient");
        JsonObject batch = api.batch(ended.get(1).getString("batchId"));
        assertThat(batch.getInt("skipped")).isEqualTo(1);
        assertThat(batch.getInt("sent")).isGreaterThanOrEqualTo(2);
        assertThat(mailbox.awaitReceived(prefix, 2, DELIVERY_TIMEOUT)).hasSize(2);
    }

    @Test
    void aBatchTheSmtpServerTurnsAwayIsRetriedWithBackoffUntilItIsSent() {
        String template = putTemplate();
        String prefix = "retry-" + System.nanoTime();
        mailbox.relay().failNextConnections(2);

        List<Long> ids = api.accept(List.of(NotificationApi.email(prefix + "@example.com", template,
                order("D", "4", "w"))));
        JsonObject sent = api.awaitEnded(ids, DELIVERY_TIMEOUT).get(0);

        assertThat(sent.getString("status")).as(sent.toString()).isEqualTo("sent");
        assertThat(sent.getInt("attempts")).isEqualTo(3);
        // The notification is marked sent before the attempt that sent it commits the job's success.
        JsonObject job = Api.awaitEnd(api.batch(sent.getString("batchId")).getString("jobId"), DELIVERY_TIMEOUT);
        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getInt("attempts")).isEqualTo(3);
        assertThat(mailbox.awaitReceived(prefix, 1, DELIVERY_TIMEOUT)).hasSize(1);
    }

    @Test
    void aBurstOf1200FillsTwoFullBatchesAndTheRestFollowsAfterTheWait() {
        String template = putTemplate();
        String prefix = "burst-" + System.nanoTime();

        int before = mailbox.total();

        List<Long> ids = api.accept(emails(prefix, 0, 1200, template));
        assertThat(mailbox.awaitTotal(before + 1200, Duration.ofSeconds(120))).as("1,200 delivered").isTrue();
        List<Mailbox.Received> received = mailbox.received(prefix);

        assertThat(received).hasSize(1200);
        assertThat(received.stream().map(Mailbox.Received::messageId).distinct()).hasSize(1200);
        // Batches take the oldest in id order: the first and last notification of each must share its batch.
        List<JsonObject> batches = List.of(batchOf(ids.get(0), ids.get(499)), batchOf(ids.get(500), ids.get(999)),
                batchOf(ids.get(1000), ids.get(1199)));
        assertThat(batches).extracting(b -> b.getString("id")).doesNotHaveDuplicates();
        assertThat(batches).extracting(b -> b.getInt("size")).containsExactly(500, 500, 200);
        assertThat(batches).allSatisfy(batch -> {
            assertThat(batch.getInt("sent")).as(batch.toString()).isEqualTo(batch.getInt("size"));
            assertThat(batch.getInt("read")).isEqualTo(batch.getInt("size"));
            assertThat(batch.getInt("unsent") + batch.getInt("skipped") + batch.getInt("failed")).isZero();
        });
    }

    /** The batch of two notifications, which must be the same, once both are sent. */
    private JsonObject batchOf(long first, long last) {
        List<JsonObject> ended = api.awaitEnded(List.of(first, last), DELIVERY_TIMEOUT);
        assertThat(ended).allSatisfy(n -> assertThat(n.getString("status")).isEqualTo("sent"));
        assertThat(ended.get(1).getString("batchId")).isEqualTo(ended.get(0).getString("batchId"));
        return api.batch(ended.get(0).getString("batchId"));
    }

    @Test
    void aSingleNotificationLeavesInABatchOfItsOwnOnceItHasWaitedTheMaximumWait() {
        String template = putTemplate();
        String prefix = "single-" + System.nanoTime();

        long id = api.accept(List.of(NotificationApi.email(prefix + "@example.com", template, order("E", "5", "v"))))
                .get(0);
        JsonObject sent = api.awaitEnded(List.of(id), DELIVERY_TIMEOUT).get(0);

        JsonObject batch = api.batch(sent.getString("batchId"));
        assertThat(batch.getInt("size")).isEqualTo(1);
        Duration waited = Duration.between(Instant.parse(sent.getString("createdAt")),
                Instant.parse(batch.getString("createdAt")));
        assertThat(waited).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
        assertThat(mailbox.awaitReceived(prefix, 1, DELIVERY_TIMEOUT)).hasSize(1);
    }

    private String putTemplate() {
        String name = "order-" + System.nanoTime();
        HttpResponse<String> response = api.putTemplate(name, TEMPLATE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return name;
    }

    /**
     * Emails to {@value #MAILBOXES} addresses in turn: GreenMail keeps a mailbox per address and slows down as
     * their number grows.
     */
    private static List<String> emails(String prefix, int from, int count, String template) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> NotificationApi.email(prefix + "-" + (i % MAILBOXES) + "@example.com", template,
                        order("N" + i, Integer.toString(i), "item")))
                .toList();
    }

    static JsonObject order(String name, String orderId, String... items) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("order", Json.createObjectBuilder().add("id", orderId))
                .add("items", Json.createArrayBuilder(List.of(items)))
                .add("total", new java.math.BigDecimal("12.50"))
                .build();
    }

    private static Map<String, Mailbox.Received> byRecipient(List<Mailbox.Received> received) {
        return received.stream().collect(Collectors.toMap(Mailbox.Received::to, Function.identity()));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(NotificationApi.read(response.body()).getString("detail")).contains(detail);
    }
}
