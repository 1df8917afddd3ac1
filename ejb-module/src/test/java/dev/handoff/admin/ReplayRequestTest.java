package dev.handoff.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ReplayRequestTest {

    @Test
    void anEmptyBodyReplaysWithTheStoredPayload() {
        assertThat(ReplayRequest.parse("").correctedPayload()).isNull();
        assertThat(ReplayRequest.parse("{}").correctedPayload()).isNull();
    }

    @Test
    void aPayloadInTheBodyCorrectsTheStoredOne() {
        ReplayRequest request = ReplayRequest.parse("{\"payload\": {\"failPermanently\": false}}");

        assertThat(request.correctedPayload().getBoolean("failPermanently")).isFalse();
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> ReplayRequest.parse("{\"payload\": [1]}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"payload\" must be a JSON object");
    }

    @Test
    void anyOtherFieldIsRefused() {
        assertThatThrownBy(() -> ReplayRequest.parse("{\"priority\": 9}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Unknown field \"priority\"");
    }
}
