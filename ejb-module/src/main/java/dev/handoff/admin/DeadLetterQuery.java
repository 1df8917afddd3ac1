package dev.handoff.admin;

import dev.handoff.jobs.JobStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JPQL that finds the dead letters a filter names: failed jobs, newest failure first. */
final class DeadLetterQuery {

    /** The escape character of LIKE patterns; not a backslash, which SQL dialects read differently. */
    static final char ESCAPE = '!';

    private static final String SUMMARY = "select new " + DeadLetterSummary.class.getName()
            + "(j.id, j.type, j.attempts, j.maxAttempts, j.error, j.createdAt, j.finishedAt) from Job j where ";
    private static final String ORDER = " order by j.finishedAt desc, j.id desc";

    private final StringBuilder where = new StringBuilder("j.status = :failed");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private DeadLetterQuery(DeadLetterFilter filter) {
        parameters.put("failed", JobStatus.FAILED);
        if (filter.type() != null) {
            and("j.type = :type", "type", filter.type());
        }
        if (filter.errorClass() != null) {
            and("j.error like :errorClass escape '" + ESCAPE + "'", "errorClass", escape(filter.errorClass()) + "%");
        }
        if (filter.error() != null) {
            and("lower(j.error) like :error escape '" + ESCAPE + "'", "error",
                    "%" + escape(filter.error().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.olderThan() != null) {
            and("j.finishedAt < :olderThan", "olderThan", filter.olderThan());
        }
        if (filter.newerThan() != null) {
            and("j.finishedAt >= :newerThan", "newerThan", filter.newerThan());
        }
    }

    static DeadLetterQuery of(DeadLetterFilter filter) {
        return new DeadLetterQuery(filter);
    }

    /** Narrows the query to the jobs after the cursor, in the listing's order. */
    DeadLetterQuery after(DeadLetterCursor cursor) {
        if (cursor != null) {
            where.append(" and (j.finishedAt < :cursorAt or (j.finishedAt = :cursorAt and j.id < :cursorId))");
            parameters.put("cursorAt", cursor.failedAt());
            parameters.put("cursorId", cursor.id());
        }
        return this;
    }

    String summaries() {
        return SUMMARY + where + ORDER;
    }

    String count() {
        return "select count(j) from Job j where " + where;
    }

    <T> TypedQuery<T> create(EntityManager em, String jpql, Class<T> resultType) {
        TypedQuery<T> query = em.createQuery(jpql, resultType);
        parameters.forEach(query::setParameter);
        return query;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private void and(String condition, String name, Object value) {
        where.append(" and ").append(condition);
        parameters.put(name, value);
    }
}
