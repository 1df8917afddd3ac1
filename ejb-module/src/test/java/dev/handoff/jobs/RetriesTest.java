package dev.handoff.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import dev.handoff.jobs.spi.Backoff;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private static Retries policy(Backoff backoff, double jitter) {
        return new Retries(10, backoff, 1_000, 10_000, jitter);
    }

    @Test
    void aFixedBackoffWaitsTheSameBeforeEveryRetry() {
        Retries fixed = policy(Backoff.FIXED, 0);

        assertThat(fixed.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(fixed.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsTheWaitAndAShorterOneChangesNothing() {
        Retries fixed = policy(Backoff.FIXED, 0);

        assertThat(fixed.delayAfter(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(fixed.delayAfter(1, Duration.ofMillis(200))).isEqualTo(Duration.ofSeconds(1));
        assertThat(fixed.delayAfter(1, Duration.ofDays(30))).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aLinearBackoffGrowsByTheDelayPerFailedAttempt() {
        Retries linear = policy(Backoff.LINEAR, 0);

        assertThat(linear.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(linear.delayAfter(3)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void anExponentialBackoffDoublesUpToItsCap() {
        Retries exponential = policy(Backoff.EXPONENTIAL, 0);

        assertThat(exponential.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(exponential.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(exponential.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(exponential.delayAfter(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(exponential.delayAfter(500)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterSpreadsJobsThatFailedTogetherWithinItsBounds() {
        Retries jittered = policy(Backoff.FIXED, 0.2);
        Set<Duration> delays = new HashSet<>();

        for (int job = 0; job < 200; job++) {
            delays.add(jittered.delayAfter(1));
        }

        assertThat(delays).hasSizeGreaterThan(50)
                .allSatisfy(delay -> assertThat(delay.toMillis()).isBetween(800L, 1_200L));
    }

    @Test
    void aSubmissionOverridesThePolicyWithinTheBounds() {
        Retries overridden = policy(Backoff.EXPONENTIAL, 0.2).overriddenBy(
                Json.createReader(new StringReader("{\"maxAttempts\": 5, \"backoff\": \"linear\", \"jitter\": 0}"))
                        .readObject());

        assertThat(overridden).isEqualTo(new Retries(5, Backoff.LINEAR, 1_000, 10_000, 0));
    }

    @Test
    void aSubmissionAskingBeyondTheBoundsIsRefused() {
        assertThatThrownBy(() -> policy(Backoff.FIXED, 0).overriddenBy(
                Json.createObjectBuilder().add("maxAttempts", 26).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"retry.maxAttempts\" must be a whole number from 1 to 25");
        assertThatThrownBy(() -> policy(Backoff.FIXED, 0).overriddenBy(
                Json.createObjectBuilder().add("delayMillis", 5).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("retry.delayMillis");
        assertThatThrownBy(() -> policy(Backoff.FIXED, 0).overriddenBy(
                Json.createObjectBuilder().add("backoff", "random").build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"fixed\", \"linear\" or \"exponential\"");
    }

    @Test
    void aPolicySurvivesTheTripThroughItsStoredJson() {
        Retries policy = new Retries(7, Backoff.LINEAR, 250, 4_000, 0.1);

        assertThat(Retries.fromJson(policy.toJson().toString())).isEqualTo(policy);
    }
}
