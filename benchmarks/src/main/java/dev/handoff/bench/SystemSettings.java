package dev.handoff.bench;

import java.nio.file.Path;

/** Reads the benchmark's settings from system properties ({@code -Dbench.…} on the mvn command line). */
final class SystemSettings {

    private SystemSettings() {
    }

    static int count(String name, int defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed = Integer.parseInt(value.trim().replace("_", ""));
        if (parsed < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return parsed;
    }

    static int positive(String name, int defaultValue) {
        int value = count(name, defaultValue);
        if (value == 0) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }

    static String text(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the benchmark with "
                    + "mvn -Pbenchmark (see benchmarks/README.md)");
        }
        return value.trim();
    }

    static Path path(String name) {
        return Path.of(required(name)).toAbsolutePath().normalize();
    }
}
