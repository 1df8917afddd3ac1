package dev.handoff.reports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** Stores a chunk's values in {@code handoff_report_value}, in the chunk's transaction. */
@Named
@Dependent
public class ReportValueWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String jobId;

    @Inject
    ReportValues values;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        List<ReportValue> chunk = new ArrayList<>(items.size());
        for (Object item : items) {
            chunk.add((ReportValue) item);
        }
        values.store(jobId, chunk);
    }
}
