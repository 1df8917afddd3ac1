package dev.handoff.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadLetterFilterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Map<String, String> fields = new HashMap<>();

    private DeadLetterFilter parsed() {
        return DeadLetterFilter.parse(fields::get, NOW);
    }

    @Test
    void noFieldsNamesEveryDeadLetter() {
        assertThat(parsed()).isEqualTo(DeadLetterFilter.ALL);
        assertThat(parsed().isEmpty()).isTrue();
    }

    @Test
    void theJobsQueueIsAcceptedAndNamesEveryDeadLetter() {
        fields.put("queue", "handoff.jobs");

        assertThat(parsed().isEmpty()).isTrue();
    }

    @Test
    void anyOtherQueueIsRefusedWithTheOneThatHasDeadLetters() {
        fields.put("queue", "handoff.reports");

        assertThatThrownBy(this::parsed).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Unknown queue 'handoff.reports'")
                .hasMessageContaining("[handoff.jobs]");
    }

    @Test
    void typeErrorClassAndErrorTextAreKeptAsGiven() {
        fields.put("type", "report");
        fields.put("errorClass", "java.net.ConnectException");
        fields.put("error", "Connection Refused");

        DeadLetterFilter filter = parsed();

        assertThat(filter.type()).isEqualTo("report");
        assertThat(filter.errorClass()).isEqualTo("java.net.ConnectException");
        assertThat(filter.error()).isEqualTo("Connection Refused");
    }

    @Test
    void aPackagePrefixEndingInADotIsAnErrorClass() {
        fields.put("errorClass", "java.net.");

        assertThat(parsed().errorClass()).isEqualTo("java.net.");
    }

    @ParameterizedTest(name = "errorClass \"{0}\"")
    @CsvSource({"java net", "java..net", "'%'", "1abc", "'java.net.Connect Exception'"})
    void anErrorClassThatIsNoJavaNameIsRefused(String errorClass) {
        fields.put("errorClass", errorClass);

        assertThatThrownBy(this::parsed).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"errorClass\" must be a Java class name");
    }

    @Test
    void aTypeThatNoJobCanHaveIsRefused() {
        fields.put("type", "Not A Type");

        assertThatThrownBy(this::parsed).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"type\" must match");
    }

    @Test
    void aDurationIsAnAgeBeforeNow() {
        fields.put("olderThan", "PT1H");
        fields.put("newerThan", "P2D");

        DeadLetterFilter filter = parsed();

        assertThat(filter.olderThan()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(filter.newerThan()).isEqualTo(Instant.parse("2026-02-27T12:00:00Z"));
    }

    @Test
    void anInstantIsTakenAsItIsWithItsOffset() {
        fields.put("olderThan", "2026-02-01T00:00:00Z");
        fields.put("newerThan", "2026-01-01T02:00:00+02:00");

        DeadLetterFilter filter = parsed();

        assertThat(filter.olderThan()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(filter.newerThan()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "olderThan \"{0}\"")
    @CsvSource({"yesterday", "-PT1H", "2026-02-01", "P1Y", "12"})
    void aTimeThatIsNeitherAnInstantNorAnAgeIsRefused(String value) {
        fields.put("olderThan", value);

        assertThatThrownBy(this::parsed).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"olderThan\" must be an ISO-8601 instant")
                .hasMessageContaining(value);
    }

    @Test
    void narrowingToAnEarlierFailureKeepsTheEarlierOfTheTwoBounds() {
        fields.put("olderThan", "PT1H");
        DeadLetterFilter filter = parsed();

        assertThat(filter.failedBefore(NOW).olderThan()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(filter.failedBefore(NOW.minusSeconds(7200)).olderThan())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(DeadLetterFilter.ALL.failedBefore(NOW).olderThan()).isEqualTo(NOW);
    }

    @Test
    void theFilterShowsAsJsonWithItsTimesResolved() {
        fields.put("type", "noop");
        fields.put("olderThan", "PT1H");

        assertThat(parsed().toJson().toString())
                .isEqualTo("{\"queue\":\"handoff.jobs\",\"type\":\"noop\",\"olderThan\":\"2026-03-01T11:00:00Z\"}");
    }
}
