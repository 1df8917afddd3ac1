package dev.handoff.reports;

import static dev.handoff.reports.ReportPayload.aReportOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.datasets.Datasets;
import dev.handoff.jobs.spi.InvalidPayloadException;
import dev.handoff.jobs.spi.JobFailedException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The report job run for real: Weld SE, JBeret SE and an H2 database in place of the server's. */
class ReportJobTest {

    private static final String HEADER = "origin,count,mean,min,max,p95,over";

    /** Rows 3, 4 and 6 cannot be used: a delay that is no number, an origin missing, a delay missing. */
    private static final String FLIGHTS_WITH_BAD_ROWS = """
            carrier,origin,delay\r
            AA,"JFK",10\r
            AA,JFK,20\r
            UA,SFO,n/a\r
            UA,,5\r
            DL,"LAX, CA",30\r
            DL,SFO,\r
            AA,JFK,40\r
            """;

    private final Datasets datasets = BatchTestContainer.bean(Datasets.class);
    private final ReportHandler handler = BatchTestContainer.bean(ReportHandler.class);
    private final FailingReportLauncher launcher = BatchTestContainer.bean(FailingReportLauncher.class);

    @Test
    void aReportOfFlightDelaysByOriginHasTheStatisticsOfEveryOrigin() throws Exception {
        // given the 20,000 sample flights
        String dataset = upload("application/json", Files.readAllBytes(Flights.SAMPLE));
        TestJob job = TestJob.firstAttempt(delaysByOrigin(dataset).build());

        // when the report runs
        JsonObject result = handler.handle(job).asJsonObject();

        // then every origin has the statistics worked out apart, and the counts are the result
        Map<String, String> expected = Flights.expectedLinesByOrigin(15);
        assertThat(csvLines(job)).containsExactlyElementsOf(withHeader(expected.values()));
        assertThat(result).isEqualTo(result(job, Flights.ROWS, expected.size(), 0));
        assertThat(job.progressReported()).isNotEmpty().isSorted().allMatch(percent -> percent <= 99);
        assertThat(ReportTables.valuesLeft(job.jobId())).isZero();
    }

    @Test
    void rowsWithoutAGroupOrANumericMeasureAreSkippedAndLeftOutOfTheGroups() throws Exception {
        // given a CSV dataset with three unusable rows among seven
        String dataset = upload("text/csv", FLIGHTS_WITH_BAD_ROWS.getBytes(StandardCharsets.UTF_8));
        TestJob job = TestJob.firstAttempt(delaysByOrigin(dataset).build());

        // when the report runs
        JsonObject result = handler.handle(job).asJsonObject();

        // then the bad rows are counted as skipped, and the groups hold the other four
        assertThat(result).isEqualTo(result(job, 7, 2, 3));
        assertThat(ReportTables.output(job.jobId()).mediaType()).isEqualTo("text/csv");
        assertThat(csvLines(job)).containsExactly(
                HEADER,
                "JFK,3,23.33,10,40,40,0.6667",
                "\"LAX, CA\",1,30.00,30,30,30,1.0000");
    }

    @Test
    void moreUnusableRowsThanTheSkipLimitFailTheJobForGoodSayingWhichRow() throws Exception {
        // given the dataset with three unusable rows, and a report that tolerates two
        String dataset = upload("text/csv", FLIGHTS_WITH_BAD_ROWS.getBytes(StandardCharsets.UTF_8));
        TestJob job = TestJob.firstAttempt(delaysByOrigin(dataset).skippingAtMost(2).build());

        // when the report runs, then it fails with no retry, naming the row past the limit
        assertThatThrownBy(() -> handler.handle(job))
                .isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessage("More than 2 rows skipped (skipLimit 2), e.g. row 6: measure 'delay' is missing");
        assertThat(ReportTables.valuesLeft(job.jobId())).isZero();
        assertThat(ReportTables.output(job.jobId())).isNull();
    }

    @Test
    void aReportThatFailedMidwayIsRestartedFromItsCheckpointAndCountsEveryRowOnce() throws Exception {
        // given the sample flights, and a first attempt that fails at row 12,000 of 20,000, chunks of 500
        String dataset = upload("application/json", Files.readAllBytes(Flights.SAMPLE));
        TestJob first = TestJob.firstAttempt(delaysByOrigin(dataset).inChunksOf(500).build());
        launcher.failNextStartAtRow(12_000);
        assertThatThrownBy(() -> handler.handle(first))
                .isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("failing on purpose at row 12000");
        long failedExecution = ReportTables.executionOf(first.jobId());

        // when the next attempt runs
        TestJob second = first.nextAttempt();
        JsonObject result = handler.handle(second).asJsonObject();

        // then it restarted the failed execution after row 11,500, and the report is the uninterrupted one
        long restartedExecution = ReportTables.executionOf(second.jobId());
        JobOperator operator = BatchRuntime.getJobOperator();
        assertThat(restartedExecution).isNotEqualTo(failedExecution);
        assertThat(operator.getJobInstance(restartedExecution).getInstanceId())
                .isEqualTo(operator.getJobInstance(failedExecution).getInstanceId());
        assertThat(rowsReadBy(restartedExecution)).isEqualTo(20_000 - 11_500);
        Map<String, String> expected = Flights.expectedLinesByOrigin(15);
        assertThat(csvLines(second)).containsExactlyElementsOf(withHeader(expected.values()));
        assertThat(result).isEqualTo(result(second, Flights.ROWS, expected.size(), 0));
        assertThat(second.progressReported()).allMatch(percent -> percent >= 57);
    }

    @Test
    void aRestartAfterAFailedChunkThatHadSkippedARowLosesNoRowOfThatChunk() throws Exception {
        // given ten rows, the sixth unusable, read in chunks of four, and a first attempt failing at row 7
        String dataset = upload("text/csv", numberedRows(10, 6).getBytes(StandardCharsets.UTF_8));
        TestJob first = TestJob.firstAttempt(delaysByOrigin(dataset).inChunksOf(4).build());
        launcher.failNextStartAtRow(7);
        assertThatThrownBy(() -> handler.handle(first)).isInstanceOf(JobFailedException.class);

        // when the next attempt restarts it
        TestJob second = first.nextAttempt();
        JsonObject result = handler.handle(second).asJsonObject();

        // then row 5, read in the failed chunk before the skipped row, is counted, and row 6 skipped once
        assertThat(result).isEqualTo(result(second, 10, 2, 1));
        assertThat(csvLines(second)).containsExactly(
                HEADER,
                "EVEN,4,60.00,20,100,100,1.0000",
                "ODD,5,50.00,10,90,90,0.8000");
    }

    @Test
    void aDatasetReplacedBetweenAttemptsIsReportedAfreshRatherThanResumed() throws Exception {
        // given a report whose first attempt failed at row 3, and its dataset replaced since
        String dataset = upload("text/csv", numberedRows(10, 0).getBytes(StandardCharsets.UTF_8));
        TestJob first = TestJob.firstAttempt(delaysByOrigin(dataset).inChunksOf(2).build());
        launcher.failNextStartAtRow(3);
        assertThatThrownBy(() -> handler.handle(first)).isInstanceOf(JobFailedException.class);
        datasets.put(dataset, "text/csv", stream("carrier,origin,delay\nXX,ODD,1\nXX,ODD,2\n"));

        // when the next attempt runs
        TestJob second = first.nextAttempt();
        JsonObject result = handler.handle(second).asJsonObject();

        // then the report is of the new content only
        assertThat(result).isEqualTo(result(second, 2, 1, 0));
        assertThat(csvLines(second)).containsExactly(HEADER, "ODD,2,1.50,1,2,2,0.0000");
    }

    @Test
    void anAttemptAfterTheReportWasWrittenReturnsItsResultWithoutRunningAgain() throws Exception {
        // given a report already written, whose success was not recorded (the server went down, say)
        String dataset = upload("text/csv", numberedRows(4, 0).getBytes(StandardCharsets.UTF_8));
        TestJob first = TestJob.firstAttempt(delaysByOrigin(dataset).build());
        JsonObject firstResult = handler.handle(first).asJsonObject();
        long execution = ReportTables.executionOf(first.jobId());

        // when the job runs again
        JsonObject secondResult = handler.handle(first.nextAttempt()).asJsonObject();

        // then it answers the same result, from the same execution
        assertThat(secondResult).isEqualTo(firstResult);
        assertThat(ReportTables.executionOf(first.jobId())).isEqualTo(execution);
    }

    @Test
    void anExecutionIdNowUsedByAnotherJobIsNotTakenForTheJobsOwn() throws Exception {
        // given a finished report, and a job whose record names that report's execution (as after a server
        // restart, when the in-memory job repository numbers executions from 1 again)
        String otherDataset = upload("text/csv", numberedRows(4, 0).getBytes(StandardCharsets.UTF_8));
        TestJob other = TestJob.firstAttempt(delaysByOrigin(otherDataset).build());
        handler.handle(other);
        String dataset = upload("text/csv", numberedRows(3, 0).getBytes(StandardCharsets.UTF_8));
        TestJob job = TestJob.firstAttempt(delaysByOrigin(dataset).build());
        ReportTables.recordRun(job.jobId(), ReportTables.executionOf(other.jobId()), datasets.get(dataset).updatedAt());

        // when the job runs
        JsonObject result = handler.handle(job).asJsonObject();

        // then it ran an execution of its own over its own dataset
        assertThat(ReportTables.executionOf(job.jobId())).isNotEqualTo(ReportTables.executionOf(other.jobId()));
        assertThat(result).isEqualTo(result(job, 3, 2, 0));
    }

    @Test
    void aDatasetDeletedAfterTheJobWasSubmittedFailsItForGood() throws Exception {
        // given a report whose dataset is gone by the time it runs
        String dataset = upload("text/csv", numberedRows(3, 0).getBytes(StandardCharsets.UTF_8));
        TestJob job = TestJob.firstAttempt(delaysByOrigin(dataset).build());
        ReportTables.deleteDataset(dataset);

        // when it runs, then it fails with no retry, saying why
        assertThatThrownBy(() -> handler.handle(job))
                .isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessage("There is no dataset named '" + dataset + "' any more.");
    }

    @Test
    void aPayloadNamingADatasetNeverUploadedIsRefused() {
        // given a payload naming no uploaded dataset
        JsonObject payload = delaysByOrigin("never-uploaded").build();

        // when it is validated, then it is refused, saying how to put it right
        assertThatThrownBy(() -> handler.validate(payload))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessage("There is no dataset named 'never-uploaded'; upload it first with "
                        + "PUT /api/datasets/never-uploaded.");
    }

    private static ReportPayload delaysByOrigin(String dataset) {
        return aReportOf(dataset).groupedBy("origin").measuring("delay").countingAbove(15);
    }

    /** Rows numbered from 1, the delay ten times the number, the origin ODD or EVEN; one row unusable. */
    private static String numberedRows(int rows, int unusableRow) {
        StringBuilder csv = new StringBuilder("carrier,origin,delay\n");
        for (int row = 1; row <= rows; row++) {
            String delay = row == unusableRow ? "late" : Integer.toString(row * 10);
            csv.append("XX,").append(row % 2 == 0 ? "EVEN" : "ODD").append(',').append(delay).append('\n');
        }
        return csv.toString();
    }

    private String upload(String contentType, byte[] content) throws Exception {
        String name = "test-" + UUID.randomUUID();
        datasets.put(name, contentType, new ByteArrayInputStream(content));
        return name;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> csvLines(TestJob job) throws Exception {
        return Arrays.asList(ReportTables.output(job.jobId()).text().split("\r\n"));
    }

    private static List<String> withHeader(Collection<String> lines) {
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(lines);
        return all;
    }

    private static JsonObject result(TestJob job, long rows, long groups, long skipped) {
        return Json.createObjectBuilder()
                .add("rows", rows)
                .add("groups", groups)
                .add("skipped", skipped)
                .add("resultUrl", "/api/jobs/" + job.jobId() + "/result")
                .build();
    }

    private static long rowsReadBy(long executionId) {
        for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(executionId)) {
            if (step.getStepName().equals(ReportJob.VALUES_STEP)) {
                return Arrays.stream(step.getMetrics())
                        .filter(metric -> metric.getType() == Metric.MetricType.READ_COUNT)
                        .mapToLong(Metric::getValue)
                        .sum();
            }
        }
        return 0;
    }
}
