package dev.handoff.notifications;

/** A template rendered with a notification's data: what the email says. {@code html} is null for text only. */
public record RenderedMessage(String subject, String text, String html) {
}
