package dev.handoff.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @ParameterizedTest
    @CsvSource({"200, DELIVERED", "204, DELIVERED", "500, RETRYABLE", "503, RETRYABLE", "408, RETRYABLE",
            "429, RETRYABLE", "400, PERMANENT", "404, PERMANENT", "410, PERMANENT", "301, PERMANENT",
            "302, PERMANENT"})
    void aStatusIsDeliveredRetryableOrPermanent(int status, Verdict expected) {
        OutboundAnswer answer = new OutboundAnswer(status, 5, null, null, "", false);

        assertThat(Verdict.of(answer, Verdict::successful)).isEqualTo(expected);
    }

    @Test
    void aNetworkErrorIsRetryableAndARefusedTargetIsNot() {
        assertThat(Verdict.of(OutboundAnswer.failed(10, "connection refused"), Verdict::successful))
                .isEqualTo(Verdict.RETRYABLE);
        assertThat(Verdict.of(OutboundAnswer.refused("loopback"), Verdict::successful))
                .isEqualTo(Verdict.PERMANENT);
    }

    @Test
    void anExpectedStatusIsDeliveredWhateverItsClass() {
        OutboundAnswer answer = new OutboundAnswer(404, 5, null, null, "", false);

        assertThat(Verdict.of(answer, status -> status == 404)).isEqualTo(Verdict.DELIVERED);
    }
}
