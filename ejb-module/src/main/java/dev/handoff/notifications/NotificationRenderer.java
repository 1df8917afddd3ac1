package dev.handoff.notifications;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Renders each notification's pinned template version with its data into the email's subject, text and HTML. */
@Named
@Dependent
public class NotificationRenderer implements ItemProcessor {

    @Inject
    Templates templates;

    @Override
    public Object processItem(Object item) throws Exception {
        Notification notification = (Notification) item;
        JsonObject data = Json.createReader(new StringReader(notification.data())).readObject();
        try {
            RenderedMessage message = templates.compiled(notification.templateName(), notification.templateVersion())
                    .render(data);
            return OutgoingEmail.of(notification, message);
        } catch (RuntimeException e) {
            return OutgoingEmail.undeliverable(notification, "Rendering template '" + notification.templateName()
                    + "' version " + notification.templateVersion() + " failed: " + e.getMessage());
        }
    }
}
