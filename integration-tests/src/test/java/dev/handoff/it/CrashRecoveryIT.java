package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No job is lost and none completes twice through crashes: the crash-test server is killed with SIGKILL while
 * jobs run, or halts itself inside a job, and is started again with its data, as an operator would.
 */
@ExtendWith(ArquillianExtension.class)
class CrashRecoveryIT {

    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(120);
    private static final String DATASET = "crash-flights";
    private static final int SUBMITTERS_DURING_CRASH = 4;
    private static final int ACCEPTED_BEFORE_CRASH = 8;

    @ArquillianResource
    ContainerController containers;

    @ArquillianResource
    Deployer deployer;

    private final ServerApi api = CrashServer.api();
    private CrashServer server;

    /** The jobs under way when the server is killed, by what they exercise. */
    private record Workload(String report, List<String> retrying, List<String> recorded, List<String> noops) {

        List<String> all() {
            return Stream.of(List.of(report), retrying, recorded, noops).flatMap(List::stream).toList();
        }
    }

    @Deployment(name = CrashServer.DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CrashServer.CONTAINER)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @BeforeEach
    void startServer() {
        server = new CrashServer(containers, deployer);
        server.ensureRunning();
    }

    @Test
    void jobsCaughtByAKillDashNineEachSucceedExactlyOnceAfterTheRestart() throws Exception {
        Workload work = startWorkload();
        SteadySubmissions submissions = new SteadySubmissions(api);
        awaitMidway(work.report(), submissions);

        server.killHard();
        List<String> acceptedAsItDied = submissions.awaitRefused();
        server.restartAfterCrash();

        List<String> all = Stream.concat(work.all().stream(), acceptedAsItDied.stream()).toList();
        Map<String, JsonObject> ended = api.awaitEnd(all, RECOVERY_TIMEOUT);
        assertThat(ended.values()).allSatisfy(job ->
                assertThat(job.getString("status")).as(job.toString()).isEqualTo("succeeded"));
        all.forEach(this::assertSucceededInExactlyOneAttempt);
        assertNoJobLeftWaiting();
        assertCompletedOnceEach(work.recorded());
        assertReportResumedAndAsIfUninterrupted(work.report());
    }

    @Test
    void aJobThatCrashesTheServerOnEveryAttemptIsDeadLetteredOnceItsAttemptsAreUsed() throws Exception {
        Path haltGate = CrashServer.BASE_DIR.resolve("halt-now");
        Files.deleteIfExists(haltGate);
        String id = api.submit(Submission.of("test-crash").payload("haltWhen", haltGate.toString())
                .maxAttempts(2).json());

        haltAndRestart(haltGate);
        haltAndRestart(haltGate);

        JsonObject job = api.awaitEnd(id, RECOVERY_TIMEOUT);
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("failed");
        assertThat(job.getInt("attempts")).isEqualTo(2);
        assertThat(outcomes(id)).containsExactly("cut short", "failed");
        Message dead = receiveDeadLetter(id);
        assertThat(dead).as("dead letter of %s", id).isNotNull();
        assertThat(dead.getStringProperty("deadLetterReason")).startsWith("job-failed");
        assertThat(server.process().isAlive()).as("the server after dead-lettering the job").isTrue();
    }

    /**
     * The window an XA transaction could not close: the database has committed a job and the JVM dies before its
     * message is on the queue. The job is not lost: after the restart the outbox's sweep finds it awaiting its
     * message and enqueues it, and it runs once.
     */
    @Test
    void aJobStoredJustBeforeACrashIsEnqueuedAndRunsOnceAfterTheRestart() throws Exception {
        ProcessHandle process = server.process();
        String parent = api.submit(Submission.of("test-halt-after-submit").json());
        CrashServer.awaitExit(process);
        server.restartAfterCrash();

        JsonObject ended = api.awaitEnd(parent, RECOVERY_TIMEOUT);
        assertThat(ended.getString("status")).as(ended.toString()).isEqualTo("succeeded");
        String child = ended.getJsonObject("result").getString("child");
        JsonObject childJob = api.awaitEnd(child, RECOVERY_TIMEOUT);
        assertThat(childJob.getString("status")).as(childJob.toString()).isEqualTo("succeeded");
        assertSucceededInExactlyOneAttempt(child);
        awaitLogLine("HANDOFF0008: Enqueuing \\d+ jobs .*" + child, Duration.ofSeconds(30));
    }

    /** Waits until the crash-test server's log has a line matching the pattern. */
    private static void awaitLogLine(String pattern, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Pattern line = Pattern.compile(pattern);
        while (!line.matcher(Files.readString(CrashServer.SERVER_LOG)).find()) {
            assertThat(Instant.now()).as("server log line %s", pattern).isBefore(deadline);
            Api.pause(Duration.ofMillis(250));
        }
    }

    /**
     * A report reading its rows in chunks of one; jobs that fail once and wait 30 s for their retry, so that some still
     * wait when the report is midway on a slow machine; test-recorded jobs, half of them working 4 s, the last twenty
     * sent over JMS so that some are still in the queue; noops.
     */
    private Workload startWorkload() throws Exception {
        api.putDataset(DATASET, FlightReport.FLIGHTS);
        String report = api.submit(Submission.report(DATASET).itemCount(1).json());
        Submission failingOnce = Submission.of("test-flaky").payload("failAttempts", 1).fixedRetryDelay(30_000);
        List<String> retrying = api.submitAll(Collections.nCopies(10, failingOnce.json()));
        List<String> recorded = new ArrayList<>(api.submitAll(recordedSubmissions(40)));
        List<String> noops = api.submitAll(Collections.nCopies(20, Submission.of("noop").json()));
        recorded.addAll(sendRecordedOverJms(20));
        return new Workload(report, retrying, recorded, noops);
    }

    private static List<String> recordedSubmissions(int count) {
        Submission slow = Submission.of("test-recorded").payload("millis", 4000);
        Submission quick = Submission.of("test-recorded");
        return IntStream.range(0, count).mapToObj(i -> (i % 2 == 0 ? slow : quick).json()).toList();
    }

    /** Test-recorded jobs sent to the queue with ids of their own; the server stores them when it takes them. */
    private static List<String> sendRecordedOverJms(int count) {
        List<String> ids = new ArrayList<>();
        String json = Submission.of("test-recorded").payload("millis", 500).json();
        try (JMSContext jms = brokerConnection().createContext()) {
            JMSProducer producer = jms.createProducer();
            for (int i = 0; i < count; i++) {
                String id = "crash-jms-" + i + "-" + System.nanoTime();
                producer.setProperty("jobId", id).send(jms.createQueue(Broker.JOBS), json);
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Waits until the report has read a tenth of its rows, a job waits for its retry and submissions made meanwhile
     * were accepted; checks that jobs run and wait.
     */
    private void awaitMidway(String report, SteadySubmissions submissions) {
        Instant deadline = Instant.now().plusSeconds(120);
        JsonObject job = api.job(report);
        JsonObject counts = api.countsByStatus();
        while (job.getInt("progress") < 10 || counts.getInt("retrying") == 0
                || submissions.accepted() < ACCEPTED_BEFORE_CRASH) {
            assertThat(Instant.now()).as("never midway: report %s, jobs %s, %d accepted meanwhile", job, counts,
                    submissions.accepted()).isBefore(deadline);
            Api.pause(Duration.ofMillis(50));
            job = api.job(report);
            counts = api.countsByStatus();
        }
        assertThat(job.getString("status")).as("report when the server is killed: lower its itemCount")
                .isEqualTo("running");
        assertThat(counts.getInt("running")).as("jobs running when the server is killed: %s", counts)
                .isGreaterThan(1);
        assertThat(counts.getInt("queued")).as("jobs queued when the server is killed: %s", counts).isPositive();
    }

    /** Noop jobs submitted one after the other from a few threads, until the server stops accepting them. */
    private static final class SteadySubmissions {

        private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS_DURING_CRASH);

        SteadySubmissions(ServerApi api) {
            String noop = Submission.of("noop").json();
            for (int i = 0; i < SUBMITTERS_DURING_CRASH; i++) {
                submitters.execute(() -> {
                    for (Optional<String> id = api.trySubmit(noop); id.isPresent(); id = api.trySubmit(noop)) {
                        accepted.add(id.get());
                    }
                });
            }
        }

        int accepted() {
            return accepted.size();
        }

        /** Waits until every submitter met a refusal or a dead server; the ids of the jobs accepted before. */
        List<String> awaitRefused() throws InterruptedException {
            submitters.shutdown();
            assertThat(submitters.awaitTermination(60, TimeUnit.SECONDS)).as("submitters stopped").isTrue();
            return List.copyOf(accepted);
        }
    }

    /** Lets the waiting test-crash attempt halt the server, sees the process end, and starts it again. */
    private void haltAndRestart(Path haltGate) throws Exception {
        ProcessHandle process = server.process();
        Files.createFile(haltGate);
        CrashServer.awaitExit(process);
        Files.delete(haltGate);
        server.restartAfterCrash();
    }

    private void assertSucceededInExactlyOneAttempt(String id) {
        List<String> outcomes = outcomes(id);
        assertThat(outcomes).as("attempts of %s", id).containsOnlyOnce("succeeded").endsWith("succeeded");
        assertThat(api.job(id).getInt("attempts")).as("attempts of %s", id).isEqualTo(outcomes.size());
    }

    /** Each attempt's outcome, in order; "cut short" for one that never ended. */
    private List<String> outcomes(String id) {
        return api.attempts(id).getValuesAs(JsonObject.class).stream()
                .map(attempt -> attempt.isNull("outcome") ? "cut short" : attempt.getString("outcome"))
                .toList();
    }

    /** Also the jobs whose acceptance never reached their caller: none is left queued, running or waiting. */
    private void assertNoJobLeftWaiting() {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonObject counts = api.countsByStatus();
        while (waiting(counts) > 0) {
            assertThat(Instant.now()).as("jobs not ended: %s", counts).isBefore(deadline);
            Api.pause(Duration.ofMillis(250));
            counts = api.countsByStatus();
        }
    }

    private static int waiting(JsonObject counts) {
        return counts.getInt("queued") + counts.getInt("scheduled") + counts.getInt("running")
                + counts.getInt("retrying");
    }

    /** Every job ran to a committed success once: the completions ledger has exactly one row for each. */
    private void assertCompletedOnceEach(List<String> ids) {
        String census = api.submit(Submission.of("test-completions").json());
        JsonObject completions = api.awaitEnd(census, Duration.ofSeconds(30)).getJsonObject("result");
        for (String id : ids) {
            assertThat(completions.getJsonNumber(id)).as("completions of %s", id).isNotNull();
            assertThat(completions.getJsonNumber(id).longValue()).as("completions of %s", id).isEqualTo(1);
        }
    }

    /**
     * The report's first attempt was cut short and its second restarted the batch execution from its checkpoint;
     * its CSV equals that of the same report run now without interruption, and matches the flights.
     */
    private void assertReportResumedAndAsIfUninterrupted(String report) throws Exception {
        assertThat(outcomes(report)).containsExactly("cut short", "succeeded");
        assertThat(Files.readString(CrashServer.SERVER_LOG)).as("server log: the report resumed")
                .containsPattern("HANDOFF0302: \\[job " + report + " report attempt 2/\\d+\\] Restarted");
        String uninterrupted = api.submit(Submission.report(DATASET).json());
        assertThat(api.awaitEnd(uninterrupted, RECOVERY_TIMEOUT).getString("status")).isEqualTo("succeeded");

        String csv = api.result(report);
        assertThat(csv).isEqualTo(api.result(uninterrupted));
        Map<String, FlightReport.Group> expected = FlightReport.delaysByOrigin(Submission.THRESHOLD);
        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(expected.size());
        rows.forEach(row -> assertRowMatches(row, expected.get(row.split(",")[0])));
    }

    private static void assertRowMatches(String row, FlightReport.Group expected) {
        assertThat(expected).as("group of %s", row).isNotNull();
        String[] cells = row.split(",");
        assertThat(Long.parseLong(cells[1])).as(row).isEqualTo(expected.count());
        assertThat(Double.parseDouble(cells[2])).as(row).isCloseTo(expected.mean(), within(0.005));
        assertThat(Double.parseDouble(cells[3])).as(row).isEqualTo(expected.min());
        assertThat(Double.parseDouble(cells[4])).as(row).isEqualTo(expected.max());
        assertThat(Double.parseDouble(cells[5])).as(row).isEqualTo(expected.p95());
        assertThat(Double.parseDouble(cells[6])).as(row).isCloseTo(expected.over(), within(0.00005));
    }

    private static Message receiveDeadLetter(String jobId) throws Exception {
        String selector = "jobId = '" + jobId + "'";
        try (JMSContext jms = brokerConnection().createContext(JMSContext.CLIENT_ACKNOWLEDGE);
                JMSConsumer consumer = jms.createConsumer(jms.createQueue(Broker.JOBS_DEAD_LETTERS), selector)) {
            Message message = consumer.receive(Duration.ofSeconds(10).toMillis());
            if (message != null) {
                message.acknowledge();
            }
            return message;
        }
    }

    private static ActiveMQConnectionFactory brokerConnection() {
        return new ActiveMQConnectionFactory(CrashServer.brokerUrl(), Broker.USER, Broker.PASSWORD);
    }
}
