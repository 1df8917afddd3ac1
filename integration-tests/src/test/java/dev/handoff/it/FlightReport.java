package dev.handoff.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The delay report over the sample flights, computed here without any of Handoff's code, to check
 * what Handoff produces.
 */
final class FlightReport {

    static final Path FLIGHTS = Path.of("..", "samples", "flights-20k.json").toAbsolutePath().normalize();

    record Group(long count, double mean, double min, double max, double p95, double over) {
    }

    private FlightReport() {
    }

    /** Per origin airport: the delays' count, mean, min, max, nearest-rank p95 and share above the threshold. */
    static Map<String, Group> delaysByOrigin(double threshold) throws IOException {
        Map<String, List<Double>> delays = new TreeMap<>();
        try (Reader file = Files.newBufferedReader(FLIGHTS); JsonReader json = Json.createReader(file)) {
            for (JsonValue value : json.readArray()) {
                JsonObject flight = value.asJsonObject();
                delays.computeIfAbsent(flight.getString("origin"), k -> new ArrayList<>())
                        .add(flight.getJsonNumber("delay").doubleValue());
            }
        }
        Map<String, Group> groups = new TreeMap<>();
        delays.forEach((origin, values) -> groups.put(origin, group(values, threshold)));
        return groups;
    }

    private static Group group(List<Double> values, double threshold) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double sum = sorted.stream().mapToDouble(Double::doubleValue).sum();
        long over = sorted.stream().filter(v -> v > threshold).count();
        int rank = (int) Math.ceil(0.95 * n);
        return new Group(n, sum / n, sorted.get(0), sorted.get(n - 1), sorted.get(rank - 1), (double) over / n);
    }
}
