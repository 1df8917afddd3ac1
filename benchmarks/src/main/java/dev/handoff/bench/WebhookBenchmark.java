package dev.handoff.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;

/**
 * Webhook deliveries per second to a receiver in this process (a JDK {@link HttpServer} on 127.0.0.1 that answers
 * 200), beside the rate of the same POSTs sent directly by a plain {@code java.net.http} client, in one run against
 * one freshly started WildFly. Each delivery is a job's callback: a {@code noop} job with a {@code callbackUrl}, whose
 * end creates a {@code webhook} job that signs and sends. The rate of {@code noop} jobs without callback, from the
 * same run, says what the two jobs cost apart from the HTTP call. See benchmarks/README.md.
 */
public final class WebhookBenchmark {

    static final String RECEIVER_PORT = "bench.webhook-receiver-port";
    static final int DEFAULT_RECEIVER_PORT = 9250;
    static final String DELIVERIES = "bench.webhook-deliveries";
    static final int DEFAULT_DELIVERIES = 3_000;
    static final String WARMUP = "bench.webhook-warmup";
    static final int DEFAULT_WARMUP = 500;

    private static final String PATH = "/hooks";

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServerSettings server = ServerSettings.fromSystemProperties();
        HandoffSettings handoff = HandoffSettings.fromSystemProperties();
        int port = SystemSettings.positive(RECEIVER_PORT, DEFAULT_RECEIVER_PORT);
        int deliveries = SystemSettings.positive(DELIVERIES, DEFAULT_DELIVERIES);
        int warmup = SystemSettings.count(WARMUP, DEFAULT_WARMUP);
        Receiver receiver = Receiver.start(port);
        try (BenchServer wildfly = BenchServer.start(server)) {
            wildfly.systemProperty("handoff.webhooks.allowed-targets", "127.0.0.1/32").await();
            Runs runs = new Runs(server.httpBase(), receiver, handoff);
            runs.register();
            runs.callbacks(warmup);
            Throughput direct = runs.direct(deliveries);
            Throughput noop = runs.noop(deliveries);
            Throughput webhooks = runs.callbacks(deliveries);
            print(handoff, direct, noop, webhooks);
        } finally {
            receiver.stop();
            ActiveMQClient.clearThreadPools();
        }
    }

    private static void print(HandoffSettings handoff, Throughput direct, Throughput noop, Throughput webhooks) {
        Console.line("");
        Console.line("Webhooks, %d clients, receiver in the benchmark's JVM", handoff.httpClients());
        Console.line("  direct POST (plain client)     %,10.0f /s  (%,d in %.1f s)", direct.perSecond(),
                direct.count(), direct.seconds());
        Console.line("  noop jobs, no callback         %,10.0f /s  (%,d in %.1f s)", noop.perSecond(),
                noop.count(), noop.seconds());
        Console.line("  webhook deliveries (callbacks) %,10.0f /s  (%,d in %.1f s)", webhooks.perSecond(),
                webhooks.count(), webhooks.seconds());
        Console.line("  deliveries / direct POSTs      %10.4f", webhooks.ratioTo(direct));
        Console.line("  deliveries / noop jobs         %10.4f", webhooks.ratioTo(noop));
    }

    /** The measurements, against one server and one receiver. */
    private static final class Runs {

        private final URI api;
        private final Receiver receiver;
        private final HandoffSettings settings;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final HandoffClient stats;

        Runs(URI api, Receiver receiver, HandoffSettings settings) {
            this.api = api;
            this.receiver = receiver;
            this.settings = settings;
            this.stats = new HandoffClient(api);
        }

        void register() throws IOException, InterruptedException {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(api.resolve("/api/webhooks/endpoints/bench"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + receiver.url() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("Registering the endpoint answered " + answer.statusCode() + ": "
                        + answer.body());
            }
        }

        /** The same number of POSTs, with a body as large as a callback's, straight to the receiver. */
        Throughput direct(int count) throws Exception {
            byte[] body = ("{\"type\":\"job.succeeded\",\"timestamp\":\"2026-12-04T19:00:00.000000Z\",\"data\":{\"id\":"
                    + "\"00000000-0000-0000-0000-000000000000\",\"type\":\"noop\",\"status\":\"succeeded\","
                    + "\"attempts\":1,\"at\":\"2026-12-04T19:00:00.000000Z\",\"result\":{},\"error\":null}}")
                    .getBytes(StandardCharsets.UTF_8);
            long before = receiver.count();
            long start = System.nanoTime();
            Parallel.run(settings.httpClients(), settings.waitLimit(), index -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest post = HttpRequest.newBuilder(URI.create(receiver.url()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                for (int i = 0; i < Parallel.share(count, settings.httpClients(), index); i++) {
                    client.send(post, HttpResponse.BodyHandlers.discarding());
                }
            });
            Throughput direct = Throughput.between(count, start, System.nanoTime());
            Console.progress("direct POSTs: %d received", receiver.count() - before);
            return direct;
        }

        /** noop jobs without a callback, from the first submission until the last has ended. */
        Throughput noop(int count) throws Exception {
            long before = stats.stats().succeeded();
            long start = System.nanoTime();
            submit(count, HandoffClient.NOOP_JOB);
            long deadline = System.nanoTime() + settings.waitLimit().toNanos();
            while (stats.stats().succeeded() < before + count) {
                check(deadline, "noop jobs");
                Thread.sleep(settings.pollInterval().toMillis());
            }
            return Throughput.between(count, start, System.nanoTime());
        }

        /** noop jobs with a callback, from the first submission until the receiver has had every callback. */
        Throughput callbacks(int count) throws Exception {
            if (count == 0) {
                return Throughput.between(0, 0, 1);
            }
            long target = receiver.count() + count;
            long signedBefore = receiver.signed();
            long start = System.nanoTime();
            submit(count, "{\"type\":\"noop\",\"payload\":{},\"callbackUrl\":\"" + receiver.url() + "\"}");
            long deadline = System.nanoTime() + settings.waitLimit().toNanos();
            while (receiver.count() < target) {
                check(deadline, "webhook deliveries");
                Thread.sleep(10);
            }
            Throughput callbacks = Throughput.between(count, start, System.nanoTime());
            Console.progress("%d callbacks delivered, %d of them signed", count, receiver.signed() - signedBefore);
            return callbacks;
        }

        private void submit(int count, String json) throws InterruptedException {
            Parallel.run(settings.httpClients(), settings.waitLimit(), index -> {
                HttpRequest post = HttpRequest.newBuilder(api.resolve("/api/jobs"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
                for (int i = 0; i < Parallel.share(count, settings.httpClients(), index); i++) {
                    HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != HandoffClient.ACCEPTED) {
                        throw new IllegalStateException("Submission answered " + answer.statusCode() + ": "
                                + answer.body());
                    }
                }
            });
        }

        private static void check(long deadline, String what) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The " + what + " did not all arrive in time");
            }
        }
    }

    /** Counts what it receives and answers 200 with no body. */
    private static final class Receiver {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(8);
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong signed = new AtomicLong();

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start(int port) throws IOException {
            Receiver receiver = new Receiver(HttpServer.create(new InetSocketAddress(ServerSettings.LOOPBACK, port),
                    256));
            receiver.server.createContext(PATH, receiver::handle);
            receiver.server.setExecutor(receiver.threads);
            receiver.server.start();
            return receiver;
        }

        String url() {
            return "http://" + ServerSettings.LOOPBACK + ":" + server.getAddress().getPort() + PATH;
        }

        long count() {
            return received.get();
        }

        /** Requests that came with a webhook-signature: the deliveries, not the direct POSTs. */
        long signed() {
            return signed.get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            if (exchange.getRequestHeaders().getFirst("webhook-signature") != null) {
                signed.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            received.incrementAndGet();
        }

        void stop() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
