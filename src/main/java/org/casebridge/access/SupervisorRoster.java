package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/**
 * The supervisors Casebridge knows for each agency. Keycloak holds who is a supervisor; Casebridge learns it from the
 * verified tokens of those who act in it: every audited action of a supervisor (a decision, a read of her file) puts
 * them on their agency's roster, in the same transaction. A mandatory report names the supervisor consulted from it.
 */
@ApplicationScoped
public class SupervisorRoster {

    private final EntityManager em;

    public SupervisorRoster(EntityManager em) {
        this.em = em;
    }

    /** Puts an acting supervisor on their agency's roster (once, and again only when their username changed). */
    void seen(Caller caller) {
        if (!caller.has(Role.SUPERVISOR) || caller.agencyCode() == null) {
            return;
        }
        em.createNativeQuery("""
                        insert into agency_supervisor (agency_code, subject, username) select ?1, ?2, ?3
                        where not exists (select 1 from agency_supervisor where agency_code = ?1 and subject = ?2 and username = ?3)
                        on conflict (agency_code, subject) do update set username = excluded.username, last_seen_at = now()""")
                .setParameter(1, caller.agencyCode()).setParameter(2, caller.subject()).setParameter(3, caller.username())
                .executeUpdate();
    }

    /** The subject of the supervisor of the caller's agency with this username (any case), if Casebridge knows one. */
    public Optional<String> supervisorOfOwnAgency(Caller caller, String username) {
        @SuppressWarnings("unchecked")
        List<String> subjects = em.createNativeQuery("""
                        select subject from agency_supervisor where agency_code = ?1 and lower(username) = lower(?2)
                        order by last_seen_at desc limit 1""")
                .setParameter(1, caller.agencyCode()).setParameter(2, username).getResultList();
        return subjects.stream().findFirst();
    }
}
