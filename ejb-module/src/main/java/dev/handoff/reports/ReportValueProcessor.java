package dev.handoff.reports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Takes each row's group and measure. A row without them fails with {@link UnusableRowException}, which the
 * step skips up to its skip limit.
 */
@Named
@Dependent
public class ReportValueProcessor implements ItemProcessor {

    @Inject
    @BatchProperty
    String groupBy;

    @Inject
    @BatchProperty
    String measure;

    /** For tests only: the number of a row to fail on, as a crash while reading it would. */
    @Inject
    @BatchProperty
    String failAtRow;

    @Override
    public Object processItem(Object item) throws UnusableRowException {
        ReportRow row = (ReportRow) item;
        if (failAtRow != null && !failAtRow.isEmpty() && row.number() == Long.parseLong(failAtRow)) {
            throw new IllegalStateException("failing on purpose at row " + row.number() + " (job parameter "
                    + ReportJob.FAIL_AT_ROW + ")");
        }
        return ReportValue.of(row, groupBy, measure);
    }
}
