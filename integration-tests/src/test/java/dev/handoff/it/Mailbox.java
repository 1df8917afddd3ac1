package dev.handoff.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server for the notification tests: GreenMail on loopback, reached by the Handoff server through an
 * {@link SmtpRelay} on the port the server sends to. {@link #received} reads back what was delivered.
 */
final class Mailbox implements AutoCloseable {

    private final GreenMail greenMail;
    private final SmtpRelay relay;

    /** A delivered message, as read back from GreenMail. */
    record Received(String to, String subject, String messageId, String text, String html) {
    }

    private Mailbox(GreenMail greenMail, SmtpRelay relay) {
        this.greenMail = greenMail;
        this.relay = relay;
    }

    /** GreenMail on {@code greenMailPort}, behind a relay listening on {@code serverSmtpPort}. */
    static Mailbox start(int serverSmtpPort, int greenMailPort) throws IOException {
        GreenMail greenMail = new GreenMail(new ServerSetup(greenMailPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new Mailbox(greenMail, new SmtpRelay(serverSmtpPort, greenMailPort));
    }

    SmtpRelay relay() {
        return relay;
    }

    /** Every message delivered to a recipient whose address starts with the prefix. */
    List<Received> received(String recipientPrefix) {
        return delivered(recipientPrefix).stream().map(Mailbox::read).toList();
    }

    /** Waits until at least {@code count} messages reached recipients with the prefix; returns them all. */
    List<Received> awaitReceived(String recipientPrefix, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (delivered(recipientPrefix).size() < count && Instant.now().isBefore(deadline)) {
            Api.pause(Duration.ofMillis(200));
        }
        return received(recipientPrefix);
    }

    /** How many messages GreenMail holds, for all recipients. */
    int total() {
        return greenMail.getReceivedMessages().length;
    }

    /** Waits, without polling, until GreenMail holds {@code total} messages in all; whether it does. */
    boolean awaitTotal(int total, Duration timeout) {
        return greenMail.waitForIncomingEmail(timeout.toMillis(), total);
    }

    private List<MimeMessage> delivered(String recipientPrefix) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (recipient(message).startsWith(recipientPrefix)) {
                found.add(message);
            }
        }
        return found;
    }

    private static String recipient(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).findFirst().orElse("");
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message in GreenMail", e);
        }
    }

    @Override
    public void close() throws IOException {
        relay.close();
        greenMail.stop();
    }

    private static Received read(MimeMessage message) {
        try {
            String to = recipient(message);
            Object content = message.getContent();
            String text = null;
            String html = null;
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    } else if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    }
                }
            } else {
                text = (String) content;
            }
            return new Received(to, message.getSubject(), message.getMessageID(), text, html);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message in GreenMail", e);
        }
    }
}
