package dev.handoff.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.jobs.spi.InvalidPayloadException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Payloads of the http job type. 203.0.113.0/24 is a documentation block: public, and never contacted here. */
class HttpJobRequestTest {

    private static JsonObject payload(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aFullPayloadIsRead() throws Exception {
        HttpJobRequest request = HttpJobRequest.parse(payload("{\"method\": \"post\","
                + " \"url\": \"https://203.0.113.5/x\","
                + " \"headers\": {\"X-Token\": \"t\"}, \"body\": {\"a\": 1}, \"expectedStatuses\": [201, 409],"
                + " \"timeoutSeconds\": 3}"));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers()).containsEntry("X-Token", "t").containsEntry("Content-Type", "application/json");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(request.expects(409)).isTrue();
        assertThat(request.expects(200)).isFalse();
        assertThat(request.timeout().toSeconds()).isEqualTo(3);
    }

    @Test
    void withoutExpectedStatusesAny2xxIsSuccess() throws Exception {
        HttpJobRequest request = HttpJobRequest.parse(payload("{\"url\": \"http://203.0.113.5/\"}"));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.expects(204)).isTrue();
        assertThat(request.expects(302)).isFalse();
    }

    @Test
    void badPayloadsAreRefusedWithTheReason() {
        assertRefused("{}", "\"url\" is required");
        assertRefused("{\"url\": \"http://203.0.113.5/\", \"method\": \"BREW\"}", "\"method\" must be one of");
        assertRefused("{\"url\": \"not a url\"}", "\"url\"");
        assertRefused("{\"url\": \"ftp://203.0.113.5/\"}", "http");
        assertRefused("{\"url\": \"http://10.0.0.1/\"}", "private");
        assertRefused("{\"url\": \"http://169.254.169.254/latest\"}", "link-local");
        assertRefused("{\"url\": \"http://203.0.113.5/\", \"headers\": {\"Host\": \"x\"}}", "may not be set");
        assertRefused("{\"url\": \"http://203.0.113.5/\", \"expectedStatuses\": [99]}", "100 to 599");
        assertRefused("{\"url\": \"http://203.0.113.5/\", \"timeoutSeconds\": 0}", "timeoutSeconds");
        assertRefused("{\"url\": \"http://203.0.113.5/\", \"extra\": 1}", "unknown field \"extra\"");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> HttpJobRequest.parse(payload(json)))
                .as(json)
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining(message);
    }
}
