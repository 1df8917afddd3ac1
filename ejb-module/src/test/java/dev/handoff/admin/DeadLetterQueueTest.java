package dev.handoff.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterQueueTest {

    @Test
    void theSelectorNamesEveryJobByItsIdPropertyWithQuotesDoubled() {
        assertThat(DeadLetterQueue.selector(List.of("5b0c", "it's")))
                .isEqualTo("jobId IN ('5b0c', 'it''s')");
    }
}
