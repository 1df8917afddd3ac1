package dev.handoff.datasets;

/** The datasets' settings, read from system properties, with their defaults beside them. */
public final class DatasetsConfig {

    /** The largest dataset body accepted, in bytes. */
    public static final String MAX_BYTES = "handoff.datasets.max-bytes";
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private DatasetsConfig() {
    }

    public static long maxBytes() {
        return Long.getLong(MAX_BYTES, DEFAULT_MAX_BYTES);
    }
}
