package dev.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import org.junit.jupiter.api.Test;

class EventPositionsTest {

    @Test
    void withoutALastEventIdAStreamStartsFromTheFirstEvent() {
        assertThat(EventPositions.after(null, null)).isZero();
    }

    @Test
    void theHeaderWinsOverTheQueryParameterBecauseABrowserSendsItWhenItReconnects() {
        assertThat(EventPositions.after("42", "7")).isEqualTo(42);
        assertThat(EventPositions.after(null, "7")).isEqualTo(7);
    }

    @Test
    void aLastEventIdThatIsNotAnEventIdIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> EventPositions.after("abc", null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Last-Event-ID header");
        assertThatThrownBy(() -> EventPositions.after(null, "-1"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lastEventId");
        assertThatThrownBy(() -> EventPositions.after("1234567890123456789", null))
                .isInstanceOf(InvalidRequestException.class);
    }
}
