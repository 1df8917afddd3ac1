package dev.handoff.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {

    @Test
    void aPageHoldsFiftyUnlessAskedOtherwiseAndAtMostFiveHundred() {
        assertThat(Paging.limit(null)).isEqualTo(50);
        assertThat(Paging.limit("1")).isEqualTo(1);
        assertThat(Paging.limit("500")).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-3", "ten", "2.5", ""})
    void aLimitOutsideOneToFiveHundredIsRefused(String limit) {
        assertThatThrownBy(() -> Paging.limit(limit)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"limit\" must be a whole number from 1 to 500");
    }
}
