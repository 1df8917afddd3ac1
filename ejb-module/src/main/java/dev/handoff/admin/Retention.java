package dev.handoff.admin;

import dev.handoff.jobs.JobStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Purges finished jobs past their age under a {@link RetentionPolicy}, in batches of
 * {@link AdminConfig#RETENTION_BATCH_SIZE}, each in a transaction of its own, oldest first.
 */
@Stateless
public class Retention {

    /** The statuses retention purges: the final ones. */
    static final List<JobStatus> PURGED = List.of(JobStatus.SUCCEEDED, JobStatus.CANCELLED, JobStatus.FAILED);

    @EJB
    JobPurger purger;

    @EJB
    Audit audit;

    /** Runs retention now, and audits it as the actor's. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RetentionReport run(RetentionPolicy policy, Actor actor) {
        Instant now = Instant.now();
        Map<JobStatus, Long> purged = new EnumMap<>(JobStatus.class);
        Map<JobStatus, Instant> cutoffs = new EnumMap<>(JobStatus.class);
        for (JobStatus status : PURGED) {
            policy.cutoff(status, now).ifPresent(cutoff -> {
                cutoffs.put(status, cutoff);
                purged.put(status, purgeEndedBefore(status, cutoff));
            });
        }
        RetentionReport report = new RetentionReport(now, purged, cutoffs);

        audit.recordAlone(AuditEntry.of(actor, AuditAction.RETENTION, AuditOutcome.SUCCEEDED, now)
                .filter(report.toJson().getJsonObject("endedBefore"))
                .detail(report.toJson().getJsonObject("purged").toString()));
        AdminLogger.LOG.retentionPurged(actor, report.purged(JobStatus.SUCCEEDED), report.purged(JobStatus.CANCELLED),
                report.purged(JobStatus.FAILED));
        return report;
    }

    private long purgeEndedBefore(JobStatus status, Instant cutoff) {
        int batchSize = AdminConfig.retentionBatchSize();
        long total = 0;
        List<String> batch;
        do {
            batch = purger.deleteEndedBefore(status, cutoff, batchSize);
            total += batch.size();
            if (!batch.isEmpty()) {
                AdminLogger.LOG.debugf("Retention purged %d %s jobs: %s", batch.size(), status.wireName(), batch);
            }
        } while (batch.size() == batchSize);
        return total;
    }
}
