package dev.handoff.bench;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@code GET /api/stats} says: how many jobs stand in each status. */
record JobCounts(Map<String, Long> byStatus) {

    static JobCounts parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject jobs = reader.readObject().getJsonObject("jobs");
            return new JobCounts(jobs.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, entry -> ((JsonNumber) entry.getValue()).longValue())));
        }
    }

    long of(String status) {
        return byStatus.getOrDefault(status, 0L);
    }

    long succeeded() {
        return of("succeeded");
    }

    long failed() {
        return of("failed") + of("cancelled");
    }

    /** Jobs that will not run again. */
    long ended() {
        return succeeded() + failed();
    }
}
