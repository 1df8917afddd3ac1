package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@ExtendWith(ArquillianExtension.class)
class RefusedInputIT {

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON|{\"type\": |not valid JSON",
        "unknown job type|{\"type\": \"no-such-type\"}|Unknown job type 'no-such-type'",
        "report without dataset|{\"type\": \"report\", \"payload\": {\"groupBy\": \"origin\"}}|dataset",
        "report on a missing dataset|"
                + "{\"type\": \"report\", \"payload\": {\"dataset\": \"never-uploaded\", \"groupBy\": \"origin\","
                + " \"measure\": \"delay\", \"threshold\": 15}}|never-uploaded",
        "priority out of range|{\"type\": \"noop\", \"priority\": 12}|\"priority\" must be from 0 to 9",
        "text after the JSON|{\"type\": \"noop\"} and more|not valid JSON",
        "a name twice|{\"type\": \"noop\", \"type\": \"report\"}|appears twice",
    })
    void aRefusedSubmissionIsAProblemAndStoresNothing(String name, String json, String detail) {
        long before = Api.jobCount();

        HttpResponse<String> response = Api.post("/api/jobs", json);

        assertProblem(response, 400, detail);
        assertThat(Api.jobCount()).isEqualTo(before);
    }

    @Test
    void aSubmissionOverTheSizeLimitIsRefused() {
        long before = Api.jobCount();
        String json = "{\"type\": \"noop\", \"payload\": {\"blob\": \"" + "x".repeat(300_000) + "\"}}";

        HttpResponse<String> response = Api.post("/api/jobs", json);

        assertProblem(response, 400, "larger than");
        assertThat(Api.jobCount()).isEqualTo(before);
    }

    @Test
    void aDatasetOverTheListenersDefaultLimitIsStillAnsweredWithAProblem() {
        String csv = "origin,delay\n" + "SFO,1\n".repeat(2_000_000);

        HttpResponse<String> response = Api.put("/api/datasets/eleven-megabytes", "text/csv", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void deeplyNestedJsonIsRefusedAsInvalid() {
        String json = "{\"type\": \"noop\", \"payload\": {\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}}";

        assertProblem(Api.post("/api/jobs", json), 400, "not valid JSON");
    }

    /** A webhook delivery or a notification batch is made by Handoff only; submitted by hand it is refused. */
    @Test
    void jobsOfHandoffsOwnTypesCannotBeSubmitted() {
        long before = Api.jobCount();

        assertProblem(Api.post("/api/jobs", "{\"type\": \"webhook\", \"payload\": {\"delivery\": \"msg_1\"}}"),
                400, "made by Handoff itself");
        assertProblem(Api.post("/api/jobs", "{\"type\": \"notification-batch\", \"payload\": {\"batchId\": \"b\"}}"),
                400, "made by Handoff itself");
        assertThat(Api.jobCount()).isEqualTo(before);
    }

    @Test
    void anUnknownJobIsNotFound() {
        assertProblem(Api.get("/api/jobs/no-such-job"), 404, "no-such-job");
        assertProblem(Api.get("/api/jobs/no-such-job/result"), 404, "no-such-job");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a name with a slash|bad!name|application/json|[{\"a\": 1}]",
        "a name too long|" + "n123456789n123456789n123456789n123456789n123456789n123456789n123456789n123456789"
                + "n123456789n123456789n|application/json|[{\"a\": 1}]",
        "malformed JSON|flights-bad|application/json|[{\"a\": 1",
        "JSON that is not an array|flights-bad|application/json|{\"a\": 1}",
        "nested values|flights-bad|application/json|[{\"a\": {\"b\": 1}}]",
        "an unsupported media type|flights-bad|application/xml|<rows/>",
    })
    void aRefusedDatasetIsAProblem(String name, String dataset, String contentType, String body) {
        HttpResponse<String> response = Api.put("/api/datasets/" + dataset, contentType, body);

        assertThat(response.statusCode()).as(response.body()).isIn(400, 404, 415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = Api.json(response);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).contains(detail);
    }
}
