package dev.handoff.notifications;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;

/**
 * Reads the batch's notifications not sent yet, in id order. The checkpoint is the id of the last one read; a
 * restart reads on from it, and skips whatever was marked sent or skipped meanwhile, chunk committed or not.
 */
@Named
@Dependent
public class NotificationReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String batchId;

    @Inject
    NotificationStore notifications;

    private Iterator<Notification> unsent;
    private long lastId;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        lastId = checkpoint == null ? 0 : (Long) checkpoint;
        // A batch is a few hundred rows: read at once, it needs no cursor held across chunk transactions.
        unsent = notifications.unsent(batchId, lastId).iterator();
    }

    @Override
    public Object readItem() {
        if (!unsent.hasNext()) {
            return null;
        }
        Notification next = unsent.next();
        lastId = next.id();
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
