package dev.handoff.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.jobs.JobStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterQueryTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void everyDeadLetterIsEveryFailedJobNewestFailureFirst() {
        DeadLetterQuery query = DeadLetterQuery.of(DeadLetterFilter.ALL);

        assertThat(query.summaries()).endsWith("from Job j where j.status = :failed"
                + " order by j.finishedAt desc, j.id desc");
        assertThat(query.count()).isEqualTo("select count(j) from Job j where j.status = :failed");
        assertThat(query.parameters()).containsExactlyEntriesOf(Map.of("failed", JobStatus.FAILED));
    }

    @Test
    void anErrorClassMatchesTheStartOfTheErrorAndErrorTextAnyPartIgnoringCase() {
        DeadLetterFilter filter = new DeadLetterFilter(null, "java.net.", "Refused", null, null);

        DeadLetterQuery query = DeadLetterQuery.of(filter);

        assertThat(query.count()).contains("j.error like :errorClass escape '!'")
                .contains("lower(j.error) like :error escape '!'");
        assertThat(query.parameters()).containsEntry("errorClass", "java.net.%").containsEntry("error", "%refused%");
    }

    @Test
    void wildcardsInTheGivenTextMatchThemselvesOnly() {
        assertThat(DeadLetterQuery.escape("100%_done!")).isEqualTo("100!%!_done!!");
        assertThat(DeadLetterQuery.escape("my_pkg.Err")).isEqualTo("my!_pkg.Err");
    }

    @Test
    void timesBoundTheFailureAndACursorStartsAfterTheLastJobOfAPage() {
        DeadLetterFilter filter = new DeadLetterFilter("noop", null, null, T, T.minusSeconds(60));

        DeadLetterQuery query = DeadLetterQuery.of(filter).after(new DeadLetterCursor(T.minusSeconds(1), "job-9"));

        assertThat(query.summaries()).contains("j.type = :type")
                .contains("j.finishedAt < :olderThan")
                .contains("j.finishedAt >= :newerThan")
                .contains("(j.finishedAt < :cursorAt or (j.finishedAt = :cursorAt and j.id < :cursorId))");
        assertThat(query.parameters()).containsEntry("olderThan", T)
                .containsEntry("newerThan", T.minusSeconds(60))
                .containsEntry("cursorAt", T.minusSeconds(1))
                .containsEntry("cursorId", "job-9");
    }
}
