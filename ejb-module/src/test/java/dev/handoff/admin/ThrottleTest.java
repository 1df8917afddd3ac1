package dev.handoff.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    /** A clock that moves only when the throttle sleeps, or when the test says work took time. */
    private static final class FakeTime extends Clock {
        private Instant now = START;
        private final List<Duration> sleeps = new ArrayList<>();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
        }
    }

    private final FakeTime time = new FakeTime();

    private Throttle throttle(double ratePerSecond) {
        return new Throttle(ratePerSecond, time, time::sleep);
    }

    @Test
    void theNthTurnComesNoEarlierThanNOverTheRateAfterTheFirst() throws InterruptedException {
        Throttle throttle = throttle(4);
        List<Instant> turns = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            turns.add(throttle.next());
        }

        assertThat(turns).containsExactly(START, START.plusMillis(250), START.plusMillis(500),
                START.plusMillis(750), START.plusMillis(1000));
    }

    @Test
    void workSlowerThanTheRateIsNotHeldBackFurther() throws InterruptedException {
        Throttle throttle = throttle(10);

        throttle.next();
        time.now = time.now.plusMillis(300);
        Instant second = throttle.next();

        assertThat(second).isEqualTo(START.plusMillis(300));
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void aFractionalRateSpacesTurnsMoreThanASecondApart() throws InterruptedException {
        Throttle throttle = throttle(0.5);

        throttle.next();
        Instant second = throttle.next();

        assertThat(second).isEqualTo(START.plusSeconds(2));
    }

    @Test
    void turnsAreWholeMillisecondsAndNeverEarlierThanDue() throws InterruptedException {
        time.now = START.plusNanos(999_999);
        Throttle throttle = throttle(3);

        Instant first = throttle.next();
        throttle.next();
        Instant third = throttle.next();

        assertThat(first).isEqualTo(START);
        assertThat(Duration.between(first, third)).isGreaterThanOrEqualTo(Duration.ofMillis(667));
        assertThat(third.getNano() % 1_000_000).isZero();
    }
}
