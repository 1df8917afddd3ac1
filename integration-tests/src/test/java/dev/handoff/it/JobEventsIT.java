package dev.handoff.it;

import static dev.handoff.it.Api.awaitEnd;
import static dev.handoff.it.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.SseClient.Frame;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Job events as server-sent events: {@code GET /api/jobs/{id}/events} and {@code GET /api/events}, resumed with
 * {@code Last-Event-ID}, woken through the events topic. The test server sends heartbeats every second.
 */
@ExtendWith(ArquillianExtension.class)
class JobEventsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CATCH_UP = "handoff.events.catch-up-seconds";

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @AfterEach
    void restoreSettings() throws Exception {
        ServerModel.eventsDelivery(management, true);
        ServerModel.setSystemProperty(management, CATCH_UP, null);
    }

    @Test
    void aJobsStreamSendsStartedProgressAndSucceededInOrderWithGrowingIdsThenCloses() {
        String id = submit("{\"type\": \"test-slow\", \"payload\": {\"millis\": 500}}");

        List<Frame> events;
        try (SseClient stream = SseClient.open("/api/jobs/" + id + "/events")) {
            events = stream.eventsUntilEnd(TIMEOUT);
        }

        assertThat(kinds(events)).startsWith("started").endsWith("succeeded").contains("progress");
        assertThat(kinds(events).subList(1, events.size() - 1)).containsOnly("progress");
        assertStrictlyGrowingIds(events);
        JsonObject started = events.get(0).json();
        assertThat(started.getString("jobId")).isEqualTo(id);
        assertThat(started.getString("status")).isEqualTo("running");
        assertThat(started.getInt("attempt")).isEqualTo(1);
        JsonObject succeeded = events.get(events.size() - 1).json();
        assertThat(succeeded.getString("status")).isEqualTo("succeeded");
        assertThat(succeeded.getInt("progress")).isEqualTo(100);
        assertThat(succeeded.getJsonObject("result").getInt("attempt")).isEqualTo(1);
        List<Integer> progress = events.stream().filter(e -> e.event().equals("progress"))
                .map(e -> e.json().getInt("progress")).toList();
        assertThat(progress).isSorted();
    }

    @Test
    void aFailingJobsStreamRetriesThenEndsWithFailed() {
        String id = submit("{\"type\": \"test-flaky\", \"payload\": {\"failAttempts\": 5},"
                + " \"retry\": {\"maxAttempts\": 2, \"backoff\": \"fixed\", \"delayMillis\": 100, \"jitter\": 0}}");

        List<Frame> events;
        try (SseClient stream = SseClient.open("/api/jobs/" + id + "/events")) {
            events = stream.eventsUntilEnd(TIMEOUT);
        }

        assertThat(kinds(events)).containsExactly("started", "retrying", "started", "failed");
        assertStrictlyGrowingIds(events);
        assertThat(events.get(1).json().getString("error")).contains("planned failure of attempt 1");
        JsonObject failed = events.get(3).json();
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getInt("attempt")).isEqualTo(2);
        assertThat(failed.getString("error")).contains("planned failure of attempt 2");
    }

    @Test
    void cancellingARunningJobEndsItsStreamWithCancelled() {
        String id = submit("{\"type\": \"test-slow\", \"payload\": {\"millis\": 60000}}");

        try (SseClient stream = SseClient.open("/api/jobs/" + id + "/events")) {
            assertThat(stream.nextEvent(TIMEOUT).event()).isEqualTo("started");
            assertThat(Api.delete("/api/jobs/" + id).statusCode()).isEqualTo(202);

            List<Frame> rest = stream.eventsUntilEnd(TIMEOUT);
            assertThat(kinds(rest)).endsWith("cancelled").doesNotContain("succeeded", "failed", "started");
            assertThat(rest.get(rest.size() - 1).json().getString("status")).isEqualTo("cancelled");
        }
    }

    @Test
    void cancellingAWaitingJobSendsOnlyCancelledAndCloses() {
        String id = submit("{\"type\": \"noop\", \"delaySeconds\": 600}");

        try (SseClient stream = SseClient.open("/api/jobs/" + id + "/events")) {
            assertThat(stream.poll(Duration.ofMillis(1500))).as("a keep-alive while the job waits")
                    .satisfies(frame -> assertThat(frame.comment()).isEqualTo("keep-alive"));
            assertThat(Api.delete("/api/jobs/" + id).statusCode()).isEqualTo(200);

            assertThat(kinds(stream.eventsUntilEnd(TIMEOUT))).containsExactly("cancelled");
        }
    }

    @Test
    void aReconnectWithLastEventIdResumesExactlyAfterItWhileTheJobRuns() {
        String id = submit("{\"type\": \"test-slow\", \"payload\": {\"millis\": 2000}}");
        List<Frame> firstPart = new ArrayList<>();
        try (SseClient stream = SseClient.open("/api/jobs/" + id + "/events")) {
            firstPart.add(stream.nextEvent(TIMEOUT));
            firstPart.add(stream.nextEvent(TIMEOUT));
        }

        List<Frame> secondPart;
        try (SseClient stream = SseClient.open("/api/jobs/" + id + "/events",
                Map.of("Last-Event-ID", firstPart.get(1).id()))) {
            secondPart = stream.eventsUntilEnd(TIMEOUT);
        }

        List<Frame> whole = replay(id, 0);
        assertThat(ids(firstPart)).isEqualTo(ids(whole.subList(0, 2)));
        assertThat(ids(secondPart)).isEqualTo(ids(whole.subList(2, whole.size())));
        assertThat(kinds(whole)).startsWith("started").endsWith("succeeded");
    }

    @Test
    void aReconnectAfterTheJobEndedGetsWhatItMissedAndClosesAtOnce() {
        String id = submit("{\"type\": \"test-slow\", \"payload\": {\"millis\": 600}}");
        Frame first;
        try (SseClient stream = SseClient.open("/api/jobs/" + id + "/events")) {
            first = stream.nextEvent(TIMEOUT);
        }
        awaitEnd(id, TIMEOUT);

        List<Frame> missed = replay(id, first.numericId());
        List<Frame> afterTheEnd = replay(id, missed.get(missed.size() - 1).numericId());

        List<Frame> whole = replay(id, 0);
        assertThat(first.event()).isEqualTo("started");
        assertThat(ids(missed)).isEqualTo(ids(whole.subList(1, whole.size())));
        assertThat(kinds(missed)).endsWith("succeeded");
        assertThat(afterTheEnd).isEmpty();
    }

    @Test
    void anUnknownJobIsA404ProblemAndAMalformedLastEventIdA400() {
        HttpResponse<String> unknown = get("/api/jobs/no-such-job/events", "text/event-stream");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Api.json(unknown).getString("detail")).contains("no-such-job");

        String id = submit("{\"type\": \"noop\"}");
        HttpResponse<String> malformed = get("/api/jobs/" + id + "/events?lastEventId=abc", "text/event-stream");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Api.json(malformed).getString("detail")).contains("lastEventId");
        assertThat(get("/api/events?type=Not+A+Type", "text/event-stream").statusCode()).isEqualTo(400);
    }

    @Test
    void everyEventIsPublishedOnTheTopicAndStreamsAreWokenByItAlone() throws Exception {
        // With catch-up reads ten minutes apart, the table is read at connect and when the topic says so, only.
        ServerModel.setSystemProperty(management, CATCH_UP, "600");
        // A remote Artemis client names the topic by its address, with WildFly's prefix for JMS topics.
        try (JMSContext jms = Broker.connectionFactory().createContext();
             JMSConsumer topic = jms.createConsumer(jms.createTopic("jms.topic.handoff.job-events"))) {
            String id = submit("{\"type\": \"test-slow\", \"payload\": {\"millis\": 600}, \"delaySeconds\": 2}");
            List<Frame> events;
            try (SseClient stream = SseClient.open("/api/jobs/" + id + "/events")) {
                events = stream.eventsUntilEnd(TIMEOUT);
            }

            List<String> published = publishedKinds(topic, id);
            assertThat(kinds(events)).startsWith("started").endsWith("succeeded");
            assertThat(published).isEqualTo(kinds(events));
        }
    }

    private static List<String> publishedKinds(JMSConsumer topic, String id) throws Exception {
        List<String> published = new ArrayList<>();
        for (Message message = topic.receive(3000); message != null; message = topic.receive(500)) {
            if (id.equals(message.getStringProperty("jobId"))) {
                published.add(message.getStringProperty("kind"));
                assertThat(message.getStringProperty("submitter")).isEqualTo("address 127.0.0.1");
            }
            if (published.contains("succeeded")) {
                break;
            }
        }
        return published;
    }

    @Test
    void aStreamThatMissedTopicMessagesCatchesUpFromTheTableWithoutLossOrRepeat() throws Exception {
        ServerModel.setSystemProperty(management, CATCH_UP, "600");
        String id = submit("{\"type\": \"test-slow\", \"payload\": {\"millis\": 60000}}");
        try (SseClient stream = SseClient.open("/api/jobs/" + id + "/events")) {
            List<Frame> received = new ArrayList<>(List.of(stream.nextEvent(TIMEOUT)));

            // given the node's topic listener stops, so the job's progress events reach no stream through the topic
            ServerModel.eventsDelivery(management, false);
            received.addAll(eventsWithin(stream, Duration.ofMillis(500)));
            assertThat(eventsWithin(stream, Duration.ofSeconds(3))).as("events while deaf to the topic").isEmpty();

            // when catch-up reads come every second
            ServerModel.setSystemProperty(management, CATCH_UP, "1");
            received.addAll(eventsWithin(stream, Duration.ofSeconds(4)));
            assertThat(Api.delete("/api/jobs/" + id).statusCode()).isEqualTo(202);
            received.addAll(stream.eventsUntilEnd(TIMEOUT));

            // then the stream got every event the table holds, once each, in order
            assertThat(ids(received)).isEqualTo(ids(replay(id, 0)));
            assertThat(kinds(received)).startsWith("started").endsWith("cancelled").contains("progress");
            assertStrictlyGrowingIds(received);
        }
    }

    @Test
    void theCallersStreamCarriesEveryJobItSubmittedOfTheTypeAskedForAndStaysOpenAfterTheyEnd() {
        String earlier = submit("{\"type\": \"test-flaky\"}");
        awaitEnd(earlier, TIMEOUT);
        List<Frame> earlierEvents = replay(earlier, 0);
        String position = earlierEvents.get(earlierEvents.size() - 1).id();

        try (SseClient mine = SseClient.open("/api/events?type=test-flaky", Map.of("Last-Event-ID", position))) {
            String overJms = "events-it-" + System.nanoTime();
            Broker.sendJob("{\"type\": \"test-flaky\"}", overJms);
            String otherType = submit("{\"type\": \"noop\"}");
            String wanted = submit("{\"type\": \"test-flaky\"}");
            awaitEnd(overJms, TIMEOUT);
            awaitEnd(otherType, TIMEOUT);

            List<Frame> received = new ArrayList<>();
            while (!kindsOf(received, wanted).contains("succeeded")) {
                received.add(mine.nextEvent(TIMEOUT));
            }
            received.addAll(eventsWithin(mine, Duration.ofSeconds(1)));

            assertThat(kindsOf(received, wanted)).containsExactly("started", "succeeded");
            assertThat(received).allSatisfy(e -> assertThat(e.json().getString("type")).isEqualTo("test-flaky"));
            assertThat(received).noneSatisfy(e -> assertThat(e.json().getString("jobId"))
                    .isIn(earlier, overJms, otherType));
            assertStrictlyGrowingIds(received);
            assertThat(mine.poll(Duration.ofSeconds(3))).as("still open: a keep-alive")
                    .satisfies(frame -> assertThat(frame.comment()).isEqualTo("keep-alive"));

            Frame started = received.stream().filter(e -> e.json().getString("jobId").equals(wanted)).findFirst()
                    .orElseThrow();
            try (SseClient resumed = SseClient.open("/api/events?type=test-flaky&lastEventId=" + started.id())) {
                Frame next = resumed.nextEvent(TIMEOUT);
                while (!next.json().getString("jobId").equals(wanted)) {
                    next = resumed.nextEvent(TIMEOUT);
                }
                assertThat(next.event()).isEqualTo("succeeded");
                assertThat(next.numericId()).isGreaterThan(started.numericId());
            }
        }
    }

    @Test
    void threeHundredStreamsAbortedByTheirCallersAreReleasedWithinAFewHeartbeatsAndTheServerServesOn()
            throws Exception {
        String waiting = submit("{\"type\": \"noop\", \"delaySeconds\": 600}");
        List<java.net.Socket> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                java.net.Socket socket = new java.net.Socket("127.0.0.1", Api.PORT);
                socket.getOutputStream().write(("GET /api/" + (i % 2 == 0 ? "jobs/" + waiting + "/events" : "events")
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                connections.add(socket);
            }
            for (java.net.Socket socket : connections) {
                socket.setSoTimeout(10_000);
                String status = new String(socket.getInputStream().readNBytes(12),
                        java.nio.charset.StandardCharsets.US_ASCII);
                assertThat(status).isEqualTo("HTTP/1.1 200");
            }
            assertThat(openStreams()).isGreaterThanOrEqualTo(300);
        } finally {
            for (int i = 0; i < connections.size(); i++) {
                if (i % 3 == 0) {
                    connections.get(i).setSoLinger(true, 0);
                }
                connections.get(i).close();
            }
        }

        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        while (openStreams() > 0 && java.time.Instant.now().isBefore(deadline)) {
            Api.pause(Duration.ofMillis(200));
        }
        assertThat(openStreams()).as("streams left open 15 heartbeats after their callers left").isZero();

        assertThat(Api.delete("/api/jobs/" + waiting).statusCode()).isEqualTo(200);
        assertThat(kinds(replay(waiting, 0))).containsExactly("cancelled");
        String next = submit("{\"type\": \"noop\"}");
        try (SseClient stream = SseClient.open("/api/jobs/" + next + "/events")) {
            assertThat(kinds(stream.eventsUntilEnd(TIMEOUT))).endsWith("succeeded");
        }
    }

    @Test
    void purgingAJobDeletesItsEvents() {
        String id = submit("{\"type\": \"test-marked\", \"payload\": {\"marker\": \"events-purge\"},"
                + " \"retry\": {\"maxAttempts\": 1}}");
        List<Frame> events = replay(id, 0);
        assertThat(kinds(events)).containsExactly("started", "failed");
        String before = Long.toString(events.get(0).numericId() - 1);
        try (SseClient stored = SseClient.open("/api/events?type=test-marked&lastEventId=" + before)) {
            assertThat(eventsWithin(stored, Duration.ofSeconds(1))).extracting(e -> e.json().getString("jobId"))
                    .contains(id);
        }

        assertThat(Api.delete("/api/dead-letters/" + id).statusCode()).isEqualTo(204);

        try (SseClient afterPurge = SseClient.open("/api/events?type=test-marked&lastEventId=" + before)) {
            assertThat(eventsWithin(afterPurge, Duration.ofSeconds(1))).extracting(e -> e.json().getString("jobId"))
                    .doesNotContain(id);
        }
        assertThat(Api.get("/api/jobs/" + id + "/events").statusCode()).isEqualTo(404);
    }

    private static long openStreams() {
        return Api.json(Api.get("/api/stats")).getJsonObject("eventStreams").getJsonNumber("open").longValue();
    }

    private static List<String> kindsOf(List<Frame> events, String jobId) {
        return events.stream().filter(e -> e.json().getString("jobId").equals(jobId)).map(Frame::event).toList();
    }

    private static List<Frame> eventsWithin(SseClient stream, Duration duration) {
        List<Frame> events = new ArrayList<>();
        java.time.Instant deadline = java.time.Instant.now().plus(duration);
        for (Frame frame = stream.poll(duration); frame != null;
                frame = stream.poll(Duration.between(java.time.Instant.now(), deadline))) {
            if (frame.isComment()) {
                continue;
            }
            if (frame.id() == null) {
                break;
            }
            events.add(frame);
        }
        return events;
    }

    private static List<Frame> replay(String id, long after) {
        try (SseClient stream = SseClient.open("/api/jobs/" + id + "/events?lastEventId=" + after)) {
            return stream.eventsUntilEnd(TIMEOUT);
        }
    }

    private static HttpResponse<String> get(String path, String accept) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(Api.BASE.resolve(path))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> kinds(List<Frame> events) {
        return events.stream().map(Frame::event).toList();
    }

    private static List<String> ids(List<Frame> events) {
        return events.stream().map(Frame::id).toList();
    }

    private static void assertStrictlyGrowingIds(List<Frame> events) {
        List<Long> ids = events.stream().map(Frame::numericId).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }
}
