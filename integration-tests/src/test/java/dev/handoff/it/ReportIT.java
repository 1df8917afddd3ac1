package dev.handoff.it;

import static dev.handoff.it.Api.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class ReportIT {

    static final double THRESHOLD = 15;
    static final String REPORT = "{\"type\": \"report\", \"payload\": {\"dataset\": \"flights\","
            + " \"groupBy\": \"origin\", \"measure\": \"delay\", \"threshold\": 15}}";

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @BeforeAll
    static void uploadFlights() {
        HttpResponse<String> response = Api.put("/api/datasets/flights", "application/json", FlightReport.FLIGHTS);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        assertThat(Api.json(response).getInt("rows")).isEqualTo(20_000);
    }

    @Test
    void aReportSubmittedOverHttpMatchesTheFlightsComputedIndependently() throws Exception {
        String id = Api.submit(REPORT);

        JsonObject job = awaitEnd(id, Duration.ofSeconds(120));

        assertThat(job.getString("status")).as(job.toString()).isEqualTo("succeeded");
        assertReportMatchesFlights(id, job);
    }

    @Test
    void aReportSubmittedOverJmsMatchesTheFlightsComputedIndependently() throws Exception {
        String id = "jms-report-" + System.nanoTime();
        Broker.sendJob(REPORT, id);

        JsonObject job = Api.awaitEnd(awaitStored(id), Duration.ofSeconds(120));

        assertThat(job.getString("status")).as(job.toString()).isEqualTo("succeeded");
        assertReportMatchesFlights(id, job);
    }

    @Test
    void aReportWithMoreUnusableRowsThanItsSkipLimitFailsSayingSo() {
        String csv = "origin,delay\nSFO,10\nSFO,late\nLAX,\nLAX,5\nJFK,n/a\n";
        assertThat(Api.put("/api/datasets/three-bad-rows", "text/csv", csv).statusCode()).isIn(200, 201);

        String id = Api.submit("{\"type\": \"report\", \"payload\": {\"dataset\": \"three-bad-rows\","
                + " \"groupBy\": \"origin\", \"measure\": \"delay\", \"threshold\": 1, \"skipLimit\": 2}}");
        JsonObject job = awaitEnd(id, Duration.ofSeconds(60));

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("error")).containsIgnoringCase("skip");
    }

    @Test
    void unusableRowsWithinTheSkipLimitAreCountedAndLeftOut() {
        String csv = "origin,delay\nSFO,10\nSFO,late\nLAX,\nLAX,5\nSFO,20\n";
        assertThat(Api.put("/api/datasets/two-bad-rows", "text/csv", csv).statusCode()).isIn(200, 201);

        String id = Api.submit("{\"type\": \"report\", \"payload\": {\"dataset\": \"two-bad-rows\","
                + " \"groupBy\": \"origin\", \"measure\": \"delay\", \"threshold\": 12}}");
        JsonObject job = awaitEnd(id, Duration.ofSeconds(60));

        assertThat(job.getString("status")).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.getJsonObject("result").getInt("rows")).isEqualTo(5);
        assertThat(job.getJsonObject("result").getInt("skipped")).isEqualTo(2);
        assertThat(job.getJsonObject("result").getInt("groups")).isEqualTo(2);
        List<String> lines = Api.get("/api/jobs/" + id + "/result").body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("LAX,1,5");
        assertThat(lines.get(2)).startsWith("SFO,2,15");
    }

    @Test
    void aRunningReportAskedToCancelStopsAtItsNextCheckpointAndEndsCancelled() {
        String id = Api.submit("{\"type\": \"report\", \"payload\": {\"dataset\": \"flights\","
                + " \"groupBy\": \"origin\", \"measure\": \"delay\", \"threshold\": 15, \"itemCount\": 1}}");
        for (int i = 0; i < 300 && Api.job(id).getInt("progress") == 0; i++) {
            Api.pause(Duration.ofMillis(50));
        }

        assertThat(Api.delete("/api/jobs/" + id).statusCode()).isEqualTo(202);

        JsonObject job = awaitEnd(id, Duration.ofSeconds(60));
        assertThat(job.getString("status")).isEqualTo("cancelled");
        assertThat(job.getInt("progress")).isLessThan(100);
    }

    private static String awaitStored(String id) {
        for (int i = 0; i < 300 && Api.get("/api/jobs/" + id).statusCode() == 404; i++) {
            Api.pause(Duration.ofMillis(100));
        }
        return id;
    }

    private static void assertReportMatchesFlights(String id, JsonObject job) throws Exception {
        Map<String, FlightReport.Group> expected = FlightReport.delaysByOrigin(THRESHOLD);
        JsonObject result = job.getJsonObject("result");
        assertThat(result.getInt("rows")).isEqualTo(20_000);
        assertThat(result.getInt("skipped")).isZero();
        assertThat(result.getInt("groups")).isEqualTo(expected.size());
        assertThat(job.getInt("progress")).isEqualTo(100);

        HttpResponse<String> csv = Api.get("/api/jobs/" + id + "/result");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("origin,count,mean,min,max,p95,over");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList())
                .containsExactlyElementsOf(expected.keySet());
        for (String line : lines.subList(1, lines.size())) {
            assertRow(line, expected.get(line.split(",")[0]));
        }
    }

    private static void assertRow(String line, FlightReport.Group expected) {
        double[] n = Arrays.stream(line.split(",")).skip(1).mapToDouble(Double::parseDouble).toArray();
        assertThat((long) n[0]).as(line).isEqualTo(expected.count());
        assertThat(n[1]).as(line).isCloseTo(expected.mean(), within(0.005));
        assertThat(n[2]).as(line).isEqualTo(expected.min());
        assertThat(n[3]).as(line).isEqualTo(expected.max());
        assertThat(n[4]).as(line).isEqualTo(expected.p95());
        assertThat(n[5]).as(line).isCloseTo(expected.over(), within(0.00005));
    }
}
