package dev.handoff.reports;

import dev.handoff.datasets.DatasetInfo;
import dev.handoff.datasets.DatasetRowReader;
import dev.handoff.datasets.DatasetStore;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * Reads the dataset's rows, from a local copy of its content. The checkpoint is the number of rows read.
 */
@Named
@Dependent
public class ReportRowReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String jobId;

    @Inject
    @BatchProperty
    String dataset;

    @Inject
    @BatchProperty
    String datasetVersion;

    @Inject
    DatasetStore datasets;

    @Inject
    ReportValues values;

    private Path copy;
    private DatasetRowReader rows;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        copy = Files.createTempFile("handoff-report-", ".rows");
        DatasetInfo content = datasets.copyContent(dataset, copy)
                .orElseThrow(() -> new DatasetMissingException(dataset));
        if (!content.updatedAt().toString().equals(datasetVersion)) {
            throw new DatasetChangedException(dataset);
        }
        rows = content.format().openRows(Files.newInputStream(copy));
        rows.skipTo(resumeAfter((Long) checkpoint));
    }

    @Override
    public Object readItem() throws Exception {
        Map<String, String> fields = rows.next();
        return fields == null ? null : new ReportRow(rows.rowsRead(), fields);
    }

    @Override
    public Serializable checkpointInfo() {
        return rows.rowsRead();
    }

    @Override
    public void close() throws Exception {
        if (rows != null) {
            rows.close();
        }
        if (copy != null) {
            Files.deleteIfExists(copy);
        }
    }

    /** The number of the last row done with: none on a fresh start, which clears what an earlier run left. */
    private long resumeAfter(Long checkpoint) throws SQLException {
        if (checkpoint == null) {
            values.deleteAll(jobId);
            return 0;
        }
        // JBeret moves the checkpoint past a skipped row before the chunk holding it commits; if that chunk then
        // fails, the checkpoint is ahead of the values stored. Going back to the last row stored loses nothing,
        // and the rows read again replace their stored values.
        return Math.min(checkpoint, values.soFar(jobId).lastRowNumber());
    }
}
