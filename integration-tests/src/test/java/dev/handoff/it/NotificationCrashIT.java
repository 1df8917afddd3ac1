package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batch of emails cut short by {@code kill -9} of the crash-test server sends every notification exactly once
 * once the server is back: the kill comes while the SMTP relay holds a message before GreenMail has it, mid-chunk,
 * so the restart must resume from the checkpoint and skip what was marked sent after it.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationCrashIT {

    private static final int HTTP_PORT = Integer.getInteger("handoff.it.crash.http-port", 8280);
    private static final int SMTP_PORT = Integer.getInteger("handoff.it.crash.smtp.port", 9626);
    private static final int GREENMAIL_PORT = Integer.getInteger("handoff.it.crash.greenmail.port", 9628);
    private static final int NOTIFICATIONS = 300;
    /** Inside the second chunk of 100: its sends before the kill are marked sent, its checkpoint is not. */
    private static final int SENT_BEFORE_KILL = 150;
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(120);

    private static Mailbox mailbox;

    @ArquillianResource
    ContainerController containers;

    @ArquillianResource
    Deployer deployer;

    private final NotificationApi api = new NotificationApi(HTTP_PORT);
    private CrashServer server;

    @Deployment(name = CrashServer.DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CrashServer.CONTAINER)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @BeforeAll
    static void startMailbox() throws IOException {
        mailbox = Mailbox.start(SMTP_PORT, GREENMAIL_PORT);
    }

    @AfterAll
    static void stopMailbox() throws IOException {
        mailbox.close();
    }

    @BeforeEach
    void startServer() {
        server = new CrashServer(containers, deployer);
        server.ensureRunning();
    }

    @Test
    void aBatchCutShortByAKillDashNineSendsEachNotificationExactlyOnceAfterTheRestart() throws Exception {
        String template = "crash-" + System.nanoTime();
        assertThat(api.putTemplate(template, "{\"subject\": \"For {{name}}\", \"text\": \"Dear {{name}}\"}")
                .statusCode()).isEqualTo(201);
        String prefix = template;
        mailbox.relay().holdMessageAfter(mailbox.relay().messagesRelayed() + SENT_BEFORE_KILL);

        List<Long> ids = api.accept(IntStream.range(0, NOTIFICATIONS)
                .mapToObj(i -> NotificationApi.email(prefix + "-" + i + "@example.com", template,
                        NotificationsIT.order("N" + i, Integer.toString(i))))
                .toList());
        assertThat(mailbox.relay().awaitHolding(Duration.ofSeconds(60))).as("the batch reached the held message")
                .isTrue();
        server.killHard();
        mailbox.relay().abortHeld();
        assertThat(mailbox.received(prefix)).as("delivered before the kill").hasSize(SENT_BEFORE_KILL);
        server.restartAfterCrash();

        List<JsonObject> ended = api.awaitEnded(ids, RECOVERY_TIMEOUT);
        assertThat(ended).allSatisfy(n -> assertThat(n.getString("status")).as(n.toString()).isEqualTo("sent"));
        List<Mailbox.Received> received = mailbox.awaitReceived(prefix, NOTIFICATIONS, RECOVERY_TIMEOUT);
        Api.pause(Duration.ofSeconds(1));
        assertThat(mailbox.received(prefix)).as("delivered in all").hasSize(NOTIFICATIONS);
        assertEachNotificationDeliveredOnce(ids, received);
        assertResumedFromCheckpoint(ended.get(0).getString("batchId"));
    }

    private static void assertEachNotificationDeliveredOnce(List<Long> ids, List<Mailbox.Received> received) {
        Map<String, Long> byMessageId = received.stream()
                .collect(Collectors.groupingBy(Mailbox.Received::messageId, Collectors.counting()));
        assertThat(byMessageId).hasSize(ids.size());
        ids.forEach(id -> assertThat(byMessageId.get("<handoff.notification." + id + "@handoff.invalid>"))
                .as("deliveries of notification %d", id).isEqualTo(1L));
        Map<String, Mailbox.Received> byRecipient = received.stream()
                .collect(Collectors.toMap(Mailbox.Received::to, Function.identity()));
        assertThat(byRecipient).hasSize(ids.size());
    }

    private void assertResumedFromCheckpoint(String batchId) throws IOException {
        JsonObject batch = api.batch(batchId);
        assertThat(batch.getInt("size")).isEqualTo(NOTIFICATIONS);
        assertThat(batch.getInt("sent")).isEqualTo(NOTIFICATIONS);
        String jobId = batch.getString("jobId");
        assertThat(CrashServer.api().job(jobId).getInt("attempts")).isGreaterThanOrEqualTo(2);
        assertThat(Files.readString(CrashServer.SERVER_LOG)).as("server log: the batch resumed")
                .containsPattern("HANDOFF0603: \\[job " + jobId + " notification-batch attempt \\d+/\\d+\\] Restarted");
    }
}
