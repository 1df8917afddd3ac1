package dev.handoff.admin;

import dev.handoff.jobs.JobStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Deletes finished jobs with everything kept about them: attempts, output file, a report's working rows, and,
 * for a failed job, its message in the dead letters.
 */
@Stateless
public class JobPurger {

    /**
     * Tables outside the job engine's entities that keep rows per job, by column {@code job_id}. A feature that
     * keeps rows per job adds its table here, so purged jobs leave nothing behind.
     */
    static final List<String> JOB_TABLES = List.of("handoff_report_value", "handoff_report_run", "handoff_job_event");

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    @EJB
    DeadLetterQueue deadLetterQueue;

    /**
     * Deletes those of the jobs whose status is still one of the given ones, in the caller's transaction. A job
     * that changed meanwhile, such as a dead letter being replayed, is left alone with all it has. The jobs are
     * locked before they are deleted, so that of two transactions deleting the same job only the first counts it:
     * the second waits, then finds it gone.
     *
     * @return the ids of the jobs deleted
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<String> delete(Collection<String> ids, Set<JobStatus> statuses) {
        List<String> purged = new ArrayList<>(em.createNativeQuery(
                        "SELECT id FROM handoff_job WHERE id IN (:ids) AND status IN (:statuses) FOR UPDATE")
                .setParameter("ids", ids)
                .setParameter("statuses", statuses.stream().map(JobStatus::name).toList())
                .getResultList());
        if (!purged.isEmpty()) {
            em.createQuery("delete from Job j where j.id in :ids").setParameter("ids", purged).executeUpdate();
            deleteKept(purged);
        }
        return purged;
    }

    /**
     * Deletes, in a transaction of its own, up to {@code limit} jobs of the status that ended before the cutoff,
     * oldest first.
     *
     * @return the ids of the jobs deleted; fewer than the limit once none is left
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> deleteEndedBefore(JobStatus status, Instant cutoff, int limit) {
        List<String> ids = em.createQuery("select j.id from Job j where j.status = :status"
                        + " and j.finishedAt < :cutoff order by j.finishedAt", String.class)
                .setParameter("status", status)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return ids;
        }
        List<String> purged = delete(ids, Set.of(status));
        if (status == JobStatus.FAILED) {
            deadLetterQueue.remove(purged, cutoff);
        }
        return purged;
    }

    private void deleteKept(List<String> ids) {
        em.createQuery("delete from JobAttempt a where a.jobId in :ids").setParameter("ids", ids).executeUpdate();
        em.createQuery("delete from JobOutput o where o.jobId in :ids").setParameter("ids", ids).executeUpdate();
        for (String table : JOB_TABLES) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE job_id IN (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
    }
}
