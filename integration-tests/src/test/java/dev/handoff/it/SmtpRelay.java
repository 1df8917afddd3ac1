package dev.handoff.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP relay on loopback in front of the tests' GreenMail, passing the dialogue through line by line, with the
 * faults a real SMTP server shows, injected on demand: a recipient refused for good ({@code 550} to any
 * {@code RCPT TO} whose local part starts with {@value #REFUSED_PREFIX}), connections refused for a while
 * ({@code 421} greeting), and a message held before its end of data reaches GreenMail, so that a test can kill
 * the server while GreenMail has not accepted it.
 */
final class SmtpRelay implements AutoCloseable {

    static final String REFUSED_PREFIX = "refused";

    private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s?<([^>@]*)@[^>]*>.*", Pattern.CASE_INSENSITIVE);

    private final ServerSocket listener;
    private final int upstreamPort;
    private final AtomicInteger connectionsToFail = new AtomicInteger();
    private final AtomicInteger messagesRelayed = new AtomicInteger();
    private volatile Hold hold;

    /** A message held at its end of data: the one after {@code afterMessages} relayed. */
    private static final class Hold {
        final int afterMessages;
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch aborted = new CountDownLatch(1);

        Hold(int afterMessages) {
            this.afterMessages = afterMessages;
        }
    }

    SmtpRelay(int port, int upstreamPort) throws IOException {
        this.listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        Thread acceptor = new Thread(this::acceptConnections, "smtp-relay-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The next {@code count} connections are greeted with 421 and closed, as by a server that is overloaded. */
    void failNextConnections(int count) {
        connectionsToFail.set(count);
    }

    /** Messages whose end of data went on to GreenMail since the relay started. */
    int messagesRelayed() {
        return messagesRelayed.get();
    }

    /** Holds the message that comes after {@code afterMessages} relayed in all, before GreenMail has it. */
    void holdMessageAfter(int afterMessages) {
        hold = new Hold(afterMessages);
    }

    boolean awaitHolding(Duration timeout) throws InterruptedException {
        return hold.holding.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the held message's connection without its end of data: GreenMail discards the message. */
    void abortHeld() {
        Hold held = hold;
        hold = null;
        if (held != null) {
            held.aborted.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        abortHeld();
        listener.close();
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread relay = new Thread(() -> relay(client), "smtp-relay-connection");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client) {
            if (connectionsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                client.getOutputStream().write(bytes("421 4.3.2 Service not available, try again later\r\n"));
                return;
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                // Line by line, Nagle's algorithm would hold each small write for the peer's delayed ACK.
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Thread replies = new Thread(() -> copy(upstream, client), "smtp-relay-replies");
                replies.setDaemon(true);
                replies.start();
                relayCommands(client, upstream);
            }
        } catch (IOException | InterruptedException e) {
            // The client or GreenMail went away: so does this connection.
        }
    }

    private void relayCommands(Socket client, Socket upstream) throws IOException, InterruptedException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream toServer = upstream.getOutputStream();
        boolean inData = false;
        for (byte[] line = readLine(in); line != null; line = readLine(in)) {
            String text = new String(line, StandardCharsets.ISO_8859_1).strip();
            if (inData && text.equals(".")) {
                if (!releaseEndOfData()) {
                    return;
                }
                inData = false;
                messagesRelayed.incrementAndGet();
            } else if (!inData && isRefused(text)) {
                write(client.getOutputStream(), bytes("550 5.1.1 Mailbox unavailable\r\n"));
                continue;
            } else if (!inData && text.toUpperCase(Locale.ROOT).equals("DATA")) {
                inData = true;
            }
            toServer.write(line);
            toServer.flush();
        }
    }

    /** Waits while the message is held; false when it was aborted, its end of data never to reach GreenMail. */
    private boolean releaseEndOfData() throws InterruptedException {
        Hold held = hold;
        if (held == null || messagesRelayed.get() != held.afterMessages) {
            return true;
        }
        held.holding.countDown();
        held.aborted.await();
        return false;
    }

    private static boolean isRefused(String command) {
        Matcher rcpt = RCPT.matcher(command);
        return rcpt.matches() && rcpt.group(1).toLowerCase(Locale.ROOT).startsWith(REFUSED_PREFIX);
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                write(out, java.util.Arrays.copyOf(buffer, n));
            }
            to.close();
        } catch (IOException e) {
            // Either side closed.
        }
    }

    private static void write(OutputStream out, byte[] data) throws IOException {
        synchronized (out) {
            out.write(data);
            out.flush();
        }
    }

    /** One line with its line ending, or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
