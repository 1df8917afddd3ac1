package dev.handoff.notifications;

import java.util.Locale;

/** How a notification reaches its recipient. */
public enum Channel {

    /** An email to an address, sent in batches through the mail session. */
    EMAIL,
    /** A signed webhook to a URL under a registered endpoint, delivered on its own as soon as it is accepted. */
    WEBHOOK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Channel fromWire(String name) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(name)) {
                return channel;
            }
        }
        return null;
    }
}
