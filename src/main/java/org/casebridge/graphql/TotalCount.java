package org.casebridge.graphql;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.TypedQuery;

/**
 * A connection's {@code totalCount}, as a count query of its own. Panache's {@code count(query, params)} derives the
 * count from the query's tree on every call, and Hibernate caches no translation for a derived query: it translated
 * the list's count anew for every page read (issue 8). A count written as HQL is translated once.
 */
public final class TotalCount {

    private TotalCount() {
    }

    /** {@code fromWhere}: the HQL after {@code select count(*)}, e.g. {@code from Referral r where r.status = :status}. */
    public static long of(String fromWhere, Parameters params) {
        TypedQuery<Long> count = Panache.getEntityManager().createQuery("select count(*) " + fromWhere, Long.class);
        params.map().forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** As {@link #of(String, Parameters)}, with positional parameters ?1, ?2, … */
    public static long of(String fromWhere, Object... params) {
        TypedQuery<Long> count = Panache.getEntityManager().createQuery("select count(*) " + fromWhere, Long.class);
        for (int i = 0; i < params.length; i++) {
            count.setParameter(i + 1, params[i]);
        }
        return count.getSingleResult();
    }
}
