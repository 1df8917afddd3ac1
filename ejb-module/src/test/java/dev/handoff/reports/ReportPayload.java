package dev.handoff.reports;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Builds report payloads for tests. */
final class ReportPayload {

    private final JsonObjectBuilder json = Json.createObjectBuilder();

    private ReportPayload() {
    }

    static ReportPayload aReportOf(String dataset) {
        ReportPayload payload = new ReportPayload();
        payload.json.add("dataset", dataset);
        return payload;
    }

    ReportPayload groupedBy(String field) {
        json.add("groupBy", field);
        return this;
    }

    ReportPayload measuring(String field) {
        json.add("measure", field);
        return this;
    }

    ReportPayload countingAbove(long threshold) {
        json.add("threshold", threshold);
        return this;
    }

    ReportPayload skippingAtMost(int rows) {
        json.add("skipLimit", rows);
        return this;
    }

    ReportPayload inChunksOf(int rows) {
        json.add("itemCount", rows);
        return this;
    }

    JsonObject build() {
        return json.build();
    }
}
