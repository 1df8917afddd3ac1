package dev.handoff.reports;

import static dev.handoff.reports.ReportPayload.aReportOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.jobs.spi.InvalidPayloadException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportRequestTest {

    @Test
    void aPayloadWithoutTheOptionalFieldsTakesTheirDefaults() throws Exception {
        // given a payload with only the required fields
        JsonObject payload = aReportOf("flights").groupedBy("origin").measuring("delay").countingAbove(15).build();

        // when it is read
        ReportRequest request = ReportRequest.from(payload);

        // then the skip limit and the chunk size are the defaults
        assertThat(request).isEqualTo(new ReportRequest("flights", "origin", "delay", new BigDecimal("15"),
                ReportRequest.DEFAULT_SKIP_LIMIT, ReportRequest.DEFAULT_ITEM_COUNT));
    }

    @Test
    void aThresholdKeepsItsDecimals() throws Exception {
        JsonObject payload = json("{\"dataset\": \"d\", \"groupBy\": \"g\", \"measure\": \"m\", \"threshold\": 0.25,"
                + " \"skipLimit\": 0, \"itemCount\": 10}");

        ReportRequest request = ReportRequest.from(payload);

        assertThat(request.threshold().toPlainString()).isEqualTo("0.25");
        assertThat(request.skipLimit()).isZero();
        assertThat(request.itemCount()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"groupBy\": \"g\", \"measure\": \"m\", \"threshold\": 1}|\"dataset\" is required",
        "{\"dataset\": \"a/b\", \"groupBy\": \"g\", \"measure\": \"m\", \"threshold\": 1}|\"dataset\" must match",
        "{\"dataset\": \"d\", \"groupBy\": 7, \"measure\": \"m\", \"threshold\": 1}|\"groupBy\" is required: a string",
        "{\"dataset\": \"d\", \"groupBy\": \"g\", \"measure\": \"\", \"threshold\": 1}|\"measure\" must be 1 to 200",
        "{\"dataset\": \"d\", \"groupBy\": \"g\", \"measure\": \"m\"}|\"threshold\" is required: a number",
        "{\"dataset\": \"d\", \"groupBy\": \"g\", \"measure\": \"m\", \"threshold\": \"15\"}|\"threshold\" is required",
        "{\"dataset\": \"d\", \"groupBy\": \"g\", \"measure\": \"m\", \"threshold\": 1, \"skipLimit\": -1}"
            + "|\"skipLimit\" must be a whole number from 0",
        "{\"dataset\": \"d\", \"groupBy\": \"g\", \"measure\": \"m\", \"threshold\": 1, \"skipLimit\": 1.5}"
            + "|\"skipLimit\" must be a whole number",
        "{\"dataset\": \"d\", \"groupBy\": \"g\", \"measure\": \"m\", \"threshold\": 1, \"itemCount\": 0}"
            + "|\"itemCount\" must be a whole number from 1 to 10000 (500 when left out)",
        "{\"dataset\": \"d\", \"groupBy\": \"g\", \"measure\": \"m\", \"threshold\": 1, \"colour\": 1}"
            + "|Unknown field \"colour\" in a report payload; the fields are dataset, groupBy, measure, threshold",
    })
    void aPayloadWithAFieldMissingOrOfTheWrongKindIsRefusedSayingWhichAndWhy(String payload, String message) {
        assertThatThrownBy(() -> ReportRequest.from(json(payload)))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageStartingWith(message);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
