package dev.handoff.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StreamCursorTest {

    private static final Instant NOW = Instant.parse("2026-12-04T19:00:00Z");

    @Test
    void eventsAtOrBelowTheResumePositionAreNotNew() {
        StreamCursor cursor = new StreamCursor(41);

        assertThat(cursor.isNew(40)).isFalse();
        assertThat(cursor.isNew(41)).isFalse();
        assertThat(cursor.isNew(42)).isTrue();
    }

    @Test
    void anEventSentIsNotNewAgainWhenTheTableIsReadOnceMore() {
        StreamCursor cursor = new StreamCursor(0);

        cursor.sent(5, NOW);

        assertThat(cursor.isNew(5)).isFalse();
        assertThat(cursor.floor()).as("reads start below recent events").isZero();
    }

    @Test
    void anEventCommittedLateWithALowerIdIsStillSentAndThePositionGivenStaysTheHighest() {
        StreamCursor cursor = new StreamCursor(10);
        cursor.sent(12, NOW);

        assertThat(cursor.isNew(11)).isTrue();
        assertThat(cursor.sent(11, NOW.plusMillis(5))).isEqualTo(12);
    }

    @Test
    void settlingRaisesTheFloorPastEventsSentLongerAgoThanTheSettlingTime() {
        StreamCursor cursor = new StreamCursor(0);
        cursor.sent(3, NOW);
        cursor.sent(7, NOW.plusSeconds(9));

        cursor.settle(NOW.plus(StreamCursor.SETTLE).plusSeconds(1));

        assertThat(cursor.floor()).isEqualTo(3);
        assertThat(cursor.isNew(7)).isFalse();
        assertThat(cursor.isNew(8)).isTrue();
    }
}
