package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The effective-grant computation: which categories of which cases one agency may see right now, from the
 * consents that are current (not revoked, not expired, already valid) for a purpose, plus supervisors'
 * sharing decisions. Read fresh on every request, so a revocation takes effect on the next one.
 * Batched: one query for any number of cases.
 */
@ApplicationScoped
public class Grants {

    private final EntityManager em;

    public Grants(EntityManager em) {
        this.em = em;
    }

    public Map<UUID, Set<InformationCategory>> forAgencyCode(String agencyCode, Collection<UUID> caseIds, Set<ConsentPurpose> purposes) {
        Map<UUID, Set<InformationCategory>> grants = new HashMap<>();
        if (caseIds.isEmpty()) {
            return grants;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with recipient as (select id from agency where code = ?1)
                        select case_id, unnest(categories) from consent
                        where recipient_agency_id = (select id from recipient) and case_id = any(?2) and purpose = any(?3)
                          and revoked_at is null and valid_from <= ?4 and (valid_until is null or valid_until > ?4)
                        union
                        select case_id, unnest(categories) from sharing_decision
                        where recipient_agency_id = (select id from recipient) and case_id = any(?2)""")
                .setParameter(1, agencyCode)
                .setParameter(2, caseIds.toArray(UUID[]::new))
                .setParameter(3, purposes.stream().map(Enum::name).toArray(String[]::new))
                .setParameter(4, OffsetDateTime.now())
                .getResultList();
        for (Object[] row : rows) {
            grants.computeIfAbsent((UUID) row[0], id -> EnumSet.noneOf(InformationCategory.class))
                    .add(InformationCategory.valueOf((String) row[1]));
        }
        return grants;
    }
}
