package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The supervisors Casebridge knows for each agency. Keycloak holds who is a supervisor; Casebridge learns it from the
 * verified tokens of those who act in it: every audited action (a decision, a read of her file, a refusal) tells the
 * roster, in the same transaction, whether that person is a supervisor of their agency now. Someone seen without the
 * role (or with another agency's) has lost it; someone not seen as supervisor within {@code seen-within} no longer counts.
 * A mandatory report names the supervisor consulted from it.
 */
@ApplicationScoped
public class SupervisorRoster {

    /** How stale {@code last_seen_at} may get before a supervisor's next action refreshes it (fewer writes of one row). */
    private static final Duration REFRESH = Duration.ofHours(1);

    private final EntityManager em;
    private final Clock clock;
    private final Duration seenWithin;

    public SupervisorRoster(EntityManager em, Clock clock,
                            @ConfigProperty(name = "casebridge.supervisor-roster.seen-within", defaultValue = "P90D") Duration seenWithin) {
        this.em = em;
        this.clock = clock;
        this.seenWithin = seenWithin;
    }

    /** Records what the caller's token says now: supervisor of their agency, or not (any more) of any other. */
    void seen(Caller caller) {
        boolean supervisor = caller.has(Role.SUPERVISOR) && caller.agencyCode() != null;
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        update agency_supervisor set role_lost_at = ?3
                        where subject = ?1 and role_lost_at is null and agency_code is distinct from ?2""")
                .setParameter(1, caller.subject()).setParameter(2, supervisor ? caller.agencyCode() : null).setParameter(3, now)
                .executeUpdate();
        if (!supervisor) {
            return;
        }
        em.createNativeQuery("""
                        insert into agency_supervisor (agency_code, subject, username, first_seen_at, last_seen_at) select ?1, ?2, ?3, ?4, ?4
                        where not exists (select 1 from agency_supervisor where agency_code = ?1 and subject = ?2 and username = ?3
                                          and role_lost_at is null and last_seen_at > ?5)
                        on conflict (agency_code, subject) do update set username = excluded.username, last_seen_at = excluded.last_seen_at,
                            role_lost_at = null""")
                .setParameter(1, caller.agencyCode()).setParameter(2, caller.subject()).setParameter(3, caller.username())
                .setParameter(4, now).setParameter(5, now.minus(REFRESH))
                .executeUpdate();
    }

    /**
     * The subject of the supervisor of the caller's agency with this username (any case), if Casebridge knows one who
     * holds the role now: last seen with it within {@code seen-within} and not seen without it since.
     */
    public Optional<String> supervisorOfOwnAgency(Caller caller, String username) {
        @SuppressWarnings("unchecked")
        List<String> subjects = em.createNativeQuery("""
                        select subject from agency_supervisor where agency_code = ?1 and lower(username) = lower(?2)
                            and role_lost_at is null and last_seen_at >= ?3
                        order by last_seen_at desc limit 1""")
                .setParameter(1, caller.agencyCode()).setParameter(2, username)
                .setParameter(3, OffsetDateTime.now(clock).minus(seenWithin)).getResultList();
        return subjects.stream().findFirst();
    }
}
