package dev.handoff.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * Reads a dataset's rows one at a time, without holding the dataset in memory.
 *
 * <p>A row maps each field name to its value as text, the way it was written: a JSON number keeps its
 * digits ({@code 1.50} stays {@code "1.50"}), {@code true} and {@code false} become those words, a JSON
 * {@code null} maps to {@code null}. A CSV row has every column of the header; an empty field is
 * {@code ""}.
 */
public interface DatasetRowReader extends Closeable {

    /**
     * The next row, or {@code null} after the last one.
     *
     * @throws MalformedDatasetException saying where the content stops being valid
     */
    Map<String, String> next() throws IOException, MalformedDatasetException;

    /** How many rows {@link #next} has returned: the 1-based number of the last row read. */
    long rowsRead();

    /** Reads past rows until {@code rowsRead} rows have been read in all, or the rows run out. */
    default void skipTo(long rowsRead) throws IOException, MalformedDatasetException {
        while (rowsRead() < rowsRead && next() != null) {
            continue;
        }
    }
}
