package dev.handoff.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-04T19:00:00Z");

    @Test
    void secondsAreAWaitOfThatMany() {
        assertThat(RetryAfter.parse("2", NOW)).hasValue(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 120 ", NOW)).hasValue(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("0", NOW)).hasValue(Duration.ZERO);
    }

    @Test
    void anHttpDateIsAWaitUntilThen() {
        assertThat(RetryAfter.parse("Fri, 04 Dec 2026 19:00:30 GMT", NOW)).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePastAsksForNoWait() {
        assertThat(RetryAfter.parse("Fri, 04 Dec 2026 18:00:00 GMT", NOW)).hasValue(Duration.ZERO);
    }

    @Test
    void aWaitLongerThanADayIsCutToADay() {
        assertThat(RetryAfter.parse("999999999999", NOW)).hasValue(Duration.ofDays(1));
        assertThat(RetryAfter.parse("172800", NOW)).hasValue(Duration.ofDays(1));
        assertThat(RetryAfter.parse("Sun, 04 Dec 2033 19:00:00 GMT", NOW)).hasValue(Duration.ofDays(1));
    }

    @Test
    void whatCannotBeReadIsIgnored() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("tomorrow", NOW)).isEmpty();
    }
}
