package dev.handoff.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Email notifications per second through Handoff's batch job, beside the same emails sent one per SMTP connection
 * (one Transport, one message), in one run: GreenMail in this process is the SMTP server of both, on the port the
 * server's mail session sends to by default ({@value #SMTP_PORT}). Settings {@code bench.notifications*}; see
 * benchmarks/README.md.
 */
public final class NotificationBenchmark {

    static final int SMTP_PORT = 2525;
    static final String NOTIFICATIONS = "bench.notifications";
    static final String WARMUP = "bench.notifications-warmup";
    static final String BASELINE_THREADS = "bench.notifications-baseline-threads";
    static final String WAIT_SECONDS = "bench.wait-seconds";
    private static final int PER_REQUEST = 1000;
    /**
     * Recipients cycle through this many addresses in both figures: GreenMail keeps a mailbox per address, and
     * tens of thousands of them would slow it down as it goes, to the cost of whichever figure comes later.
     */
    private static final int MAILBOXES = 100;
    private static final String TEMPLATE = "{\"subject\": \"Order {{order}} for {{name}}\","
            + " \"text\": \"Hello {{name}},\\nyour order {{order}} ships today.\\n{{#items}}- {{.}}\\n{{/items}}\","
            + " \"html\": \"<p>Hello {{name}},</p><p>your order {{order}} ships today.</p>"
            + "<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>\"}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final GreenMail smtp;
    private final Duration waitLimit;
    private int sequence;

    private NotificationBenchmark(URI base, GreenMail smtp, Duration waitLimit) {
        this.base = base;
        this.smtp = smtp;
        this.waitLimit = waitLimit;
    }

    public static void main(String[] args) throws Exception {
        ServerSettings server = ServerSettings.fromSystemProperties();
        int count = SystemSettings.positive(NOTIFICATIONS, 10_000);
        int warmup = SystemSettings.count(WARMUP, 2_000);
        int threads = SystemSettings.positive(BASELINE_THREADS, 4);
        Duration waitLimit = Duration.ofSeconds(SystemSettings.positive(WAIT_SECONDS, 300));
        refuseTakenSmtpPort();
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, ServerSettings.LOOPBACK, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (BenchServer wildfly = BenchServer.start(server)) {
            NotificationBenchmark bench = new NotificationBenchmark(server.httpBase(), smtp, waitLimit);
            bench.awaitApi();
            bench.putTemplate();
            bench.throughBatches(warmup);
            Throughput batched = bench.throughBatches(count);
            Throughput perMessage = bench.onePerConnection(count, threads);
            print(count, threads, batched, perMessage);
        } finally {
            smtp.stop();
        }
    }

    /** Accepts the notifications in requests of {@value #PER_REQUEST}; from the first until GreenMail has all. */
    private Throughput throughBatches(int count) throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        Console.progress("%d notifications through the batch job", count);
        long start = System.nanoTime();
        for (int sent = 0; sent < count; sent += PER_REQUEST) {
            accept(Math.min(PER_REQUEST, count - sent));
        }
        awaitDelivered(count);
        return Throughput.between(count, start, System.nanoTime());
    }

    /** The same emails, each over an SMTP connection of its own from {@code threads} threads. */
    private Throughput onePerConnection(int count, int threads) throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        Console.progress("%d emails, one per SMTP connection, %d threads", count, threads);
        Session session = Session.getInstance(smtpProperties());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<Void>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                senders.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        sendAlone(session, i);
                    }
                    return null;
                }));
            }
            for (Future<Void> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        awaitDelivered(count);
        return Throughput.between(count, start, System.nanoTime());
    }

    private static void sendAlone(Session session, int i) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("handoff@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient(i)));
        message.setSubject("Order " + i + " for N" + i, StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello N" + i + ",\nyour order " + i + " ships today.\n- tea\n- milk\n",
                StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Hello N" + i + ",</p><p>your order " + i + " ships today.</p><ul><li>tea</li><li>milk"
                + "</li></ul>", StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        Transport transport = session.getTransport("smtp");
        transport.connect();
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }
    }

    /** The deployment marker may be a previous run's: wait until the API itself answers. */
    private void awaitApi() throws InterruptedException {
        long deadline = System.nanoTime() + waitLimit.toNanos();
        HttpRequest stats = HttpRequest.newBuilder(base.resolve("/api/stats")).GET().build();
        while (true) {
            try {
                if (http.send(stats, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not up yet.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Handoff's API did not answer within " + waitLimit);
            }
            Thread.sleep(250);
        }
    }

    private void putTemplate() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/templates/bench-order"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(TEMPLATE))
                .build(), HttpResponse.BodyHandlers.ofString());
        check(response, "PUT /api/templates/bench-order");
    }

    private void accept(int count) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < count; i++, sequence++) {
            body.append(i == 0 ? "" : ",").append("{\"channel\":\"email\",\"recipient\":\"")
                    .append(recipient(sequence)).append("\",\"template\":\"bench-order\",\"data\":{\"name\":\"N")
                    .append(sequence)
                    .append("\",\"order\":").append(sequence).append(",\"items\":[\"tea\",\"milk\"]}}");
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/notifications"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        check(response, "POST /api/notifications");
    }

    private static String recipient(int i) {
        return "bench-" + (i % MAILBOXES) + "@example.com";
    }

    private void awaitDelivered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + waitLimit.toNanos();
        while (smtp.getReceivedMessages().length < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + smtp.getReceivedMessages().length + " of " + count
                        + " emails arrived within " + waitLimit);
            }
            Thread.sleep(50);
        }
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static Properties smtpProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", ServerSettings.LOOPBACK);
        properties.setProperty("mail.smtp.port", Integer.toString(SMTP_PORT));
        return properties;
    }

    private static void refuseTakenSmtpPort() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ServerSettings.LOOPBACK, SMTP_PORT), 1000);
            throw new IllegalStateException("Something already listens on " + ServerSettings.LOOPBACK + ":"
                    + SMTP_PORT + ", where the benchmark's SMTP server must; stop it first");
        } catch (IOException e) {
            // Free, as it must be.
        }
    }

    private static void print(int count, int threads, Throughput batched, Throughput perMessage) {
        String row = "  %-64s %9s %12s";
        Console.line("");
        Console.line("Handoff email notifications: one WildFly 39 and GreenMail on 127.0.0.1, %d CPUs shared",
                Runtime.getRuntime().availableProcessors());
        Console.line(row, "", "count", "per second");
        Console.line(row, "batch job: POST lists of 1000 to all delivered (batches of 500)", count,
                String.format(java.util.Locale.ROOT, "%.0f", batched.perSecond()));
        Console.line(row, String.format(java.util.Locale.ROOT,
                "one message per SMTP connection, from the client, %d threads", threads), count,
                String.format(java.util.Locale.ROOT, "%.0f", perMessage.perSecond()));
        Console.line("  batch job / one per connection: %.2f", batched.ratioTo(perMessage));
        Console.line("");
    }
}
