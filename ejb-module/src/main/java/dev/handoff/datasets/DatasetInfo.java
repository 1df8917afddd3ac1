package dev.handoff.datasets;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;

/** What Handoff knows about a stored dataset, short of its content. */
public record DatasetInfo(String name, DatasetFormat format, long rows, long sizeBytes, Instant updatedAt) {

    /** The dataset as the API shows it. */
    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("format", format.wireName())
                .add("rows", rows)
                .add("sizeBytes", sizeBytes)
                .add("updatedAt", updatedAt.toString())
                .build();
    }
}
