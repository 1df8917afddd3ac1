package dev.handoff.notifications;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Builds the email of a notification: one recipient, a stable Message-ID, text and HTML. It sends through the
 * server's mail session {@value NotificationsConfig#MAIL_SESSION} (host, port, sender and credentials as the
 * operator configured them) with timeouts added, so that an SMTP server that stops answering fails a send instead
 * of holding a batch for ever.
 */
@ApplicationScoped
public class NotificationMail {

    static final String CONNECTION_TIMEOUT_MILLIS = "10000";
    static final String READ_TIMEOUT_MILLIS = "30000";

    @Resource(lookup = NotificationsConfig.MAIL_SESSION)
    Session configured;

    private Session session;

    @PostConstruct
    void withTimeouts() {
        Properties properties = new Properties();
        properties.putAll(configured.getProperties());
        properties.putIfAbsent("mail.smtp.connectiontimeout", CONNECTION_TIMEOUT_MILLIS);
        properties.putIfAbsent("mail.smtp.timeout", READ_TIMEOUT_MILLIS);
        session = Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return configured.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(),
                        getRequestingProtocol(), getRequestingPrompt(), getDefaultUserName());
            }
        });
    }

    Session session() {
        return session;
    }

    /** The Message-ID of a notification's email, the same on every attempt: receivers can spot a repeat. */
    static String messageId(long notificationId, String domain) {
        return "<handoff.notification." + notificationId + "@" + domain + ">";
    }

    MimeMessage build(OutgoingEmail email) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId(email.notificationId(),
                NotificationsConfig.messageIdDomain()));
        // The mail session's "from" (mail.from), which mail.cli sets from handoff.mail.from.
        message.setFrom();
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.recipient(), true));
        message.setSubject(email.message().subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (email.message().html() == null) {
            message.setText(email.message().text(), StandardCharsets.UTF_8.name());
        } else {
            message.setContent(alternatives(email.message()));
        }
        message.saveChanges();
        return message;
    }

    private static MimeMultipart alternatives(RenderedMessage rendered) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
        return new MimeMultipart("alternative", text, html);
    }

    /** Keeps the Message-ID it was given, where a plain message would make up a new one at each save. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
