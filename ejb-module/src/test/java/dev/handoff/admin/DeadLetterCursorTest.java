package dev.handoff.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadLetterCursorTest {

    @Test
    void aCursorReadsBackAsTheFailureTimeAndIdItWasMadeOf() {
        DeadLetterCursor cursor = new DeadLetterCursor(Instant.parse("2026-03-01T12:00:00.123456Z"), "5b0c-|x");

        assertThat(DeadLetterCursor.parse(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(DeadLetterCursor.parse(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "bm8tc2VwYXJhdG9y", "bm90LWEtdGltZXxpZA"})
    void aCursorThisApiDidNotGiveIsRefused(String text) {
        assertThatThrownBy(() -> DeadLetterCursor.parse(text)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"cursor\" is not one this API gave");
    }
}
