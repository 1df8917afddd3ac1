package dev.handoff.admin;

import dev.handoff.InvalidRequestException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** The audit of replays, purges and retention runs: written with what it records, read newest first. */
@Stateless
public class Audit {

    @PersistenceContext(unitName = "handoff")
    EntityManager em;

    /** One page of entries, newest first, and the cursor of the next ({@code null} at the end). */
    public record Page(List<AuditEntry> items, String nextCursor) {
    }

    /** Records an entry in the caller's transaction: it exists if and only if what it records happened. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEntry entry) {
        em.persist(entry);
    }

    /** Records an entry on its own, for a refusal whose transaction rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAlone(AuditEntry entry) {
        em.persist(entry);
    }

    /** Which entries a listing shows: each field given narrows it. */
    public record Query(String jobId, String operationId, AuditAction action) {
    }

    /**
     * A page of entries, newest first.
     *
     * @param cursor the {@code nextCursor} of the previous page, or {@code null} for the first
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page page(Query query, String cursor, int limit) {
        List<AuditEntry> found = select(query, before(cursor)).setMaxResults(limit + 1).getResultList();
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<AuditEntry> items = List.copyOf(found.subList(0, limit));
        return new Page(items, String.valueOf(items.get(limit - 1).getId()));
    }

    private TypedQuery<AuditEntry> select(Query query, long before) {
        TypedQuery<AuditEntry> select = em.createQuery("select a from AuditEntry a where a.id < :before"
                + (query.jobId() == null ? "" : " and a.jobId = :jobId")
                + (query.operationId() == null ? "" : " and a.operationId = :operationId")
                + (query.action() == null ? "" : " and a.action = :action")
                + " order by a.id desc", AuditEntry.class)
                .setParameter("before", before);
        if (query.jobId() != null) {
            select.setParameter("jobId", query.jobId());
        }
        if (query.operationId() != null) {
            select.setParameter("operationId", query.operationId());
        }
        if (query.action() != null) {
            select.setParameter("action", query.action().wireName());
        }
        return select;
    }

    private static long before(String cursor) {
        if (cursor == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("\"cursor\" is not one this API gave; use a page's nextCursor.");
        }
    }
}
