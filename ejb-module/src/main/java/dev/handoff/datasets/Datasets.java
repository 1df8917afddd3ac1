package dev.handoff.datasets;

import dev.handoff.InvalidRequestException;
import dev.handoff.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Uploading datasets and reading what is known of them: the feature behind {@code /api/datasets}.
 *
 * <p>An upload is checked in full before anything is stored: a body that is not a dataset of its
 * format leaves the stored one, if any, as it was.
 */
@ApplicationScoped
public class Datasets {

    /** A dataset stored by {@link #put}, and whether its name was new. */
    public record Saved(DatasetInfo dataset, boolean created) {
    }

    @Inject
    DatasetStore store;

    /**
     * Stores the dataset in a request body, replacing one of the same name.
     *
     * @param contentType the request's {@code Content-Type}: JSON or CSV, in UTF-8
     * @throws InvalidRequestException when the name, the content type or the body is not acceptable
     */
    public Saved put(String name, String contentType, InputStream body) throws IOException {
        if (!DatasetName.isValid(name)) {
            throw new InvalidRequestException(DatasetName.problem(name));
        }
        DatasetFormat format = DatasetFormat.ofContentType(contentType);
        Path content = Files.createTempFile("handoff-dataset-", ".upload");
        try {
            long size = copyBounded(body, content, DatasetsConfig.maxBytes());
            DatasetInfo dataset = new DatasetInfo(name, format, countRows(format, content), size,
                    DatasetStore.now());
            boolean created = store.save(dataset, content);
            DatasetsLogger.LOG.datasetStored(name, format.wireName(), dataset.rows(), size,
                    created ? "new" : "replacing the previous one");
            return new Saved(dataset, created);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing dataset '" + name + "' failed", e);
        } finally {
            Files.deleteIfExists(content);
        }
    }

    /**
     * What is known of a dataset.
     *
     * @throws NotFoundException when there is no dataset of that name
     */
    public DatasetInfo get(String name) {
        try {
            if (DatasetName.isValid(name)) {
                return store.find(name).orElseThrow(() -> notFound(name));
            }
            throw notFound(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading dataset '" + name + "' failed", e);
        }
    }

    private static long copyBounded(InputStream body, Path target, long maxBytes) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new InvalidRequestException("The dataset is larger than the limit of " + maxBytes
                            + " bytes.");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new InvalidRequestException("The body is empty: send the dataset as a JSON array of flat "
                    + "objects or as CSV with a header row.");
        }
        return total;
    }

    private static long countRows(DatasetFormat format, Path content) throws IOException {
        try (DatasetRowReader rows = format.openRows(Files.newInputStream(content))) {
            while (rows.next() != null) {
                continue;
            }
            return rows.rowsRead();
        } catch (MalformedDatasetException e) {
            throw new InvalidRequestException("The body is not a valid " + format.wireName().toUpperCase()
                    + " dataset, nothing was stored: " + e.getMessage());
        }
    }

    private static NotFoundException notFound(String name) {
        String shown = name.length() <= 100 ? name : name.substring(0, 100) + "...";
        return new NotFoundException("There is no dataset named '" + shown + "'.");
    }
}
