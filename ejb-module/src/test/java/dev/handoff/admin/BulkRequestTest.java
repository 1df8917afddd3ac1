package dev.handoff.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BulkRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aBulkReplayTakesTheFiltersFieldsAndItsRate() {
        BulkRequest request = BulkRequest.replay(
                "{\"type\": \"noop\", \"newerThan\": \"PT1M\", \"ratePerSecond\": 2.5}", NOW);

        assertThat(request.action()).isEqualTo(BulkOperation.Action.REPLAY);
        assertThat(request.filter().type()).isEqualTo("noop");
        assertThat(request.filter().newerThan()).isEqualTo(NOW.minusSeconds(60));
        assertThat(request.ratePerSecond()).isEqualTo(2.5);
    }

    @Test
    void aBulkReplayWithoutARateGoesAtTheConfiguredOne() {
        assertThat(BulkRequest.replay("", NOW).ratePerSecond()).isEqualTo(AdminConfig.DEFAULT_REPLAY_RATE);
        assertThat(BulkRequest.replay("", NOW).filter().isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "ratePerSecond {0}")
    @CsvSource({"0", "-1", "10001", "'\"fast\"'"})
    void aRateThatIsNotAPositiveNumberWithinTheLimitIsRefused(String rate) {
        assertThatThrownBy(() -> BulkRequest.replay("{\"ratePerSecond\": " + rate + "}", NOW))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"ratePerSecond\" must be a number above 0 and at most 10000");
    }

    @Test
    void aFilterFieldThatIsNotAStringIsRefused() {
        assertThatThrownBy(() -> BulkRequest.replay("{\"type\": 7}", NOW))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"type\" must be a string");
    }

    @Test
    void anUnknownFieldIsRefusedSoThatAMisspeltFilterDoesNotWidenTheSet() {
        assertThatThrownBy(() -> BulkRequest.purge("{\"tpye\": \"noop\"}", NOW))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Unknown field \"tpye\"");
    }

    @Test
    void aPurgeWithoutAnyFilterMustSayAll() {
        assertThatThrownBy(() -> BulkRequest.purge("{}", NOW))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"all\": true");

        assertThat(BulkRequest.purge("{\"all\": true}", NOW).filter().isEmpty()).isTrue();
        assertThat(BulkRequest.purge("{\"type\": \"noop\"}", NOW).filter().type()).isEqualTo("noop");
    }

    @Test
    void aPurgeTakesNoRate() {
        assertThatThrownBy(() -> BulkRequest.purge("{\"all\": true, \"ratePerSecond\": 5}", NOW))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Unknown field \"ratePerSecond\"");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> BulkRequest.replay("[1]", NOW)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Expected a JSON object");
        assertThatThrownBy(() -> BulkRequest.replay("{\"type\": ", NOW)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not valid JSON");
    }
}
