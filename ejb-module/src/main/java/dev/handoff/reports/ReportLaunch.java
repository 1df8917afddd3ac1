package dev.handoff.reports;

/**
 * The batch execution an attempt follows, with what it needs to report progress: the rows read before it
 * started and the rows in the dataset.
 */
record ReportLaunch(long executionId, long rowsDone, long datasetRows) {

    /** Progress stays below 100 until the report is written. */
    static final int MAX_PERCENT_WHILE_RUNNING = 99;

    int percentDone(long rowsReadByExecution) {
        if (datasetRows == 0) {
            return MAX_PERCENT_WHILE_RUNNING;
        }
        long percent = (rowsDone + rowsReadByExecution) * 100 / datasetRows;
        return (int) Math.min(MAX_PERCENT_WHILE_RUNNING, percent);
    }
}
