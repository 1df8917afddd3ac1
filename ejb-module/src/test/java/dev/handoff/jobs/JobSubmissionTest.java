package dev.handoff.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobSubmissionTest {

    @Test
    void aFullSubmissionIsReadWithEveryField() {
        String json = """
                {"type": "report", "payload": {"dataset": "flights"}, "priority": 7,
                 "delaySeconds": 30, "idempotencyKey": "order-42"}""";

        JobSubmission submission = JobSubmission.parse(json);

        assertThat(submission.type()).isEqualTo("report");
        assertThat(submission.payload().getString("dataset")).isEqualTo("flights");
        assertThat(submission.priority()).isEqualTo(7);
        assertThat(submission.delaySeconds()).isEqualTo(30);
        assertThat(submission.idempotencyKey()).isEqualTo("order-42");
    }

    @Test
    void optionalFieldsTakeTheirDefaults() {
        JobSubmission submission = JobSubmission.parse("{\"type\": \"noop\"}");

        assertThat(submission.payload()).isEmpty();
        assertThat(submission.priority()).isEqualTo(JobSubmission.DEFAULT_PRIORITY);
        assertThat(submission.delaySeconds()).isZero();
        assertThat(submission.idempotencyKey()).isNull();
    }

    @Test
    void aSubmissionSurvivesTheTripThroughItsJson() {
        JobSubmission sent = JobSubmission.parse(
                "{\"type\": \"noop\", \"payload\": {\"n\": 1}, \"priority\": 2, \"idempotencyKey\": \"k\"}");

        JobSubmission received = JobSubmission.parse(sent.toJson().toString());

        assertThat(received).isEqualTo(sent);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\": |not valid JSON",
        "[1, 2]|Expected a JSON object, got array",
        "{\"payload\": {}}|\"type\" is required",
        "{\"type\": 7}|\"type\" is required",
        "{\"type\": \"Bad Type\"}|\"type\" must match",
        "{\"type\": \"noop\", \"payload\": [1]}|\"payload\" must be a JSON object, got array",
        "{\"type\": \"noop\", \"priority\": 10}|\"priority\" must be from 0 to 9, got 10",
        "{\"type\": \"noop\", \"priority\": 1.5}|\"priority\" must be a whole number",
        "{\"type\": \"noop\", \"delaySeconds\": -1}|\"delaySeconds\" must be from 0",
        "{\"type\": \"noop\", \"idempotencyKey\": \"has space\"}|\"idempotencyKey\" must be a string",
        "{\"type\": \"noop\", \"colour\": \"red\"}|Unknown field \"colour\"",
        "{\"type\": \"noop\"} xyz|not valid JSON",
        "{\"type\": \"noop\"}{\"type\": \"noop\"}|not valid JSON",
        "{\"type\": \"noop\", \"type\": \"report\"}|the name \"type\" appears twice",
        "{\"type\": \"noop\", \"payload\": {\"a\": [{\"b\": 1, \"b\": 2}]}}|the name \"b\" appears twice",
    })
    void aMalformedSubmissionIsRefusedWithTheReason(String json, String reason) {
        assertThatThrownBy(() -> JobSubmission.parse(json))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aDeeplyNestedPayloadIsRefusedAsInvalidJson() {
        String json = "{\"type\": \"noop\", \"payload\": {\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}}";

        assertThatThrownBy(() -> JobSubmission.parse(json))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertThatThrownBy(() -> JobSubmission.parse("  "))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aSubmissionOverTheSizeLimitIsRefused() {
        String json = "{\"type\": \"noop\", \"payload\": {\"blob\": \"" + "x".repeat(JobSubmission.MAX_BYTES) + "\"}}";

        assertThatThrownBy(() -> JobSubmission.parse(json))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("larger than " + JobSubmission.MAX_BYTES + " bytes");
    }

    @Test
    void aCallbackUrlIsKeptAndTravelsWithTheSubmission() {
        JobSubmission sent = JobSubmission.parse(
                "{\"type\": \"noop\", \"callbackUrl\": \"https://hooks.example.com/a\"}");

        assertThat(sent.callbackUrl()).isEqualTo("https://hooks.example.com/a");
        assertThat(JobSubmission.parse(sent.toJson().toString()).callbackUrl()).isEqualTo(sent.callbackUrl());
    }

    @Test
    void aCallbackUrlThatIsNotAnAbsoluteHttpUrlIsRefused() {
        for (String url : new String[] {"\"/relative\"", "\"ftp://example.com/\"", "42", "\"http://\""}) {
            assertThatThrownBy(() -> JobSubmission.parse("{\"type\": \"noop\", \"callbackUrl\": " + url + "}"))
                    .as(url)
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("callbackUrl");
        }
    }
}
