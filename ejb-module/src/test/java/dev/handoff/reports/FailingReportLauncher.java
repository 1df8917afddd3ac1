package dev.handoff.reports;

import dev.handoff.datasets.DatasetInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Properties;

/** The launcher, able to make the next execution it starts fail at a row, as a crash there would. */
@Alternative
@Priority(1)
@ApplicationScoped
public class FailingReportLauncher extends ReportLauncher {

    private volatile Long failAtRow;

    void failNextStartAtRow(long rowNumber) {
        failAtRow = rowNumber;
    }

    @Override
    Properties startParameters(String jobId, ReportRequest request, DatasetInfo dataset) {
        Properties parameters = super.startParameters(jobId, request, dataset);
        Long row = failAtRow;
        failAtRow = null;
        if (row != null) {
            parameters.setProperty(ReportJob.FAIL_AT_ROW, row.toString());
        }
        return parameters;
    }

    /** JBeret keeps the parameters of the first execution under a restart's: the failure is taken back. */
    @Override
    Properties restartParameters(String jobId, ReportRequest request, DatasetInfo dataset, int skipAllowance) {
        Properties parameters = super.restartParameters(jobId, request, dataset, skipAllowance);
        parameters.setProperty(ReportJob.FAIL_AT_ROW, "");
        return parameters;
    }
}
