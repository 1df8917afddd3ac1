package dev.handoff.reports;

/** The names the batch job {@code META-INF/batch-jobs/report.xml} and the Java code share. */
final class ReportJob {

    static final String NAME = "report";

    static final String VALUES_STEP = "values";

    static final String JOB_ID = "jobId";
    static final String DATASET = "dataset";
    /** The dataset's {@code updatedAt}: a restart must read the same content as the run it continues. */
    static final String DATASET_VERSION = "datasetVersion";
    static final String DATASET_ROWS = "datasetRows";
    static final String GROUP_BY = "groupBy";
    static final String MEASURE = "measure";
    static final String THRESHOLD = "threshold";
    static final String ITEM_COUNT = "itemCount";
    /** The payload's skip limit, which the failure message quotes. */
    static final String SKIP_LIMIT = "skipLimit";
    /** What is left of the skip limit for this execution: a restart's share excludes rows skipped before. */
    static final String SKIP_ALLOWANCE = "skipAllowance";
    /** For tests only: the number of a row to fail on, as a crash there would. */
    static final String FAIL_AT_ROW = "failAtRow";

    private ReportJob() {
    }
}
