package dev.handoff.reports;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sample flights, and the statistics a report by origin of delay should find, worked out here in plain
 * Java, apart from the code under test.
 */
final class Flights {

    static final Path SAMPLE = Path.of("..", "samples", "flights-20k.json");
    static final int ROWS = 20_000;

    private Flights() {
    }

    /** The expected report line of each origin: origin,count,mean,min,max,p95,over. */
    static Map<String, String> expectedLinesByOrigin(int threshold) throws IOException {
        Map<String, String> lines = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> origin : delaysByOrigin().entrySet()) {
            lines.put(origin.getKey(), origin.getKey() + "," + statistics(origin.getValue(), threshold));
        }
        return lines;
    }

    private static String statistics(List<Integer> delays, int threshold) {
        List<Integer> sorted = new ArrayList<>(delays);
        sorted.sort(null);
        int n = sorted.size();
        long sum = 0;
        long over = 0;
        for (int delay : sorted) {
            sum += delay;
            over += delay > threshold ? 1 : 0;
        }
        int p95Rank = new BigDecimal("0.95").multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING)
                .intValueExact();
        return n + "," + BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP) + ","
                + sorted.get(0) + "," + sorted.get(n - 1) + "," + sorted.get(p95Rank - 1) + ","
                + BigDecimal.valueOf(over).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP);
    }

    private static Map<String, List<Integer>> delaysByOrigin() throws IOException {
        Map<String, List<Integer>> delays = new TreeMap<>();
        try (Reader file = Files.newBufferedReader(SAMPLE, StandardCharsets.UTF_8);
                JsonReader json = Json.createReader(file)) {
            for (JsonValue flight : json.readArray()) {
                JsonObject row = flight.asJsonObject();
                delays.computeIfAbsent(row.getString("origin"), origin -> new ArrayList<>())
                        .add(row.getInt("delay"));
            }
        }
        return delays;
    }
}
