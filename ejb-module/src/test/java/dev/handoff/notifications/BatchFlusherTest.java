package dev.handoff.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BatchFlusherTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration WAIT = Duration.ofMillis(1000);

    @Test
    void aFullBatchIsDueAtOnce() {
        assertThat(BatchFlusher.isDue(waiting(500, NOW), 500, WAIT, NOW)).isTrue();
    }

    @Test
    void aBatchThatIsNotFullWaitsUntilItsOldestHasWaitedTheMaximum() {
        assertThat(BatchFlusher.isDue(waiting(499, NOW.minusMillis(999)), 500, WAIT, NOW)).isFalse();
        assertThat(BatchFlusher.isDue(waiting(1, NOW.minusMillis(1000)), 500, WAIT, NOW)).isTrue();
    }

    @Test
    void nothingWaitingIsNeverDue() {
        assertThat(BatchFlusher.isDue(new NotificationStore.Waiting(0, null), 500, WAIT, NOW)).isFalse();
    }

    private static NotificationStore.Waiting waiting(long count, Instant oldest) {
        return new NotificationStore.Waiting(count, oldest);
    }
}
