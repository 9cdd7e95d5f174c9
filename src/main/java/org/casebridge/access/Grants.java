package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What holds right now for one recipient agency: the categories of its current consents (not revoked, not expired,
 * already valid) per case and purpose, and which consents they are, and the categories of the sharing decisions in force (not withdrawn, not
 * ended) by decision id. Read fresh on every request, so a revocation or a withdrawal takes effect on the next one;
 * one query for any number of cases, decisions and recipient agencies. Which of these a route may use is
 * {@link AccessPolicy}'s rule.
 */
@ApplicationScoped
public class Grants {

    /** A decision in force: the object and purpose it was made for, and what it shares. */
    public record Decided(UUID objectId, ConsentPurpose purpose, Set<InformationCategory> categories) {
    }

    /** Current consents by case and purpose (their categories, and the consents themselves), and decisions in force by id. */
    public record Held(Map<UUID, Map<ConsentPurpose, Set<InformationCategory>>> consents, Map<UUID, Decided> decisions,
                       Map<UUID, Map<ConsentPurpose, Set<UUID>>> consentIds) {

        public Held(Map<UUID, Map<ConsentPurpose, Set<InformationCategory>>> consents, Map<UUID, Decided> decisions) {
            this(consents, decisions, Map.of());
        }

        public Set<InformationCategory> consented(UUID caseId, Set<ConsentPurpose> purposes) {
            Set<InformationCategory> granted = EnumSet.noneOf(InformationCategory.class);
            consents.getOrDefault(caseId, Map.of()).forEach((purpose, categories) -> {
                if (purposes.contains(purpose)) {
                    granted.addAll(categories);
                }
            });
            return granted;
        }

        /** The current consents of the case for these purposes: what {@link #consented} adds up. */
        public Set<UUID> consentsFor(UUID caseId, Set<ConsentPurpose> purposes) {
            Set<UUID> ids = new java.util.TreeSet<>();
            consentIds.getOrDefault(caseId, Map.of()).forEach((purpose, consentIds) -> {
                if (purposes.contains(purpose)) {
                    ids.addAll(consentIds);
                }
            });
            return ids;
        }

        /** What the decision shares through the route, only if it was made for that very object and purpose. */
        public Set<InformationCategory> decided(UUID decisionId, UUID objectId, ConsentPurpose purpose) {
            Decided decided = decisionId == null ? null : decisions.get(decisionId);
            return decided != null && decided.objectId().equals(objectId) && decided.purpose() == purpose ? decided.categories() : Set.of();
        }
    }

    private final EntityManager em;

    public Grants(EntityManager em) {
        this.em = em;
    }

    public Held heldBy(String agencyCode, Collection<UUID> caseIds, Collection<UUID> decisionIds, OffsetDateTime now) {
        return agencyCode == null ? new Held(Map.of(), Map.of())
                : heldBy(Set.of(agencyCode), caseIds, decisionIds, now).get(agencyCode);
    }

    /** What holds for each of these recipient agencies (one entry each, empty where nothing does): one query for all. */
    public Map<String, Held> heldBy(Set<String> agencyCodes, Collection<UUID> caseIds, Collection<UUID> decisionIds, OffsetDateTime now) {
        Map<String, Held> byAgency = new HashMap<>();
        agencyCodes.forEach(code -> byAgency.put(code, new Held(new HashMap<>(), new HashMap<>(), new HashMap<>())));
        if (agencyCodes.isEmpty() || caseIds.isEmpty() && decisionIds.isEmpty()) {
            return byAgency;
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        with recipient as (select id, code from agency where code = any(:agencies))
                        select 'CONSENT' as source, r.code as agency, c.case_id as key, c.purpose as purpose, category,
                               c.id as object_id
                        from consent c join recipient r on r.id = c.recipient_agency_id cross join unnest(c.categories) as category
                        where c.case_id = any(:cases)
                          and c.revoked_at is null and c.valid_from <= :now and (c.valid_until is null or c.valid_until > :now)
                        union all
                        select 'DECISION', r.code, d.id, d.purpose, category, d.object_id
                        from sharing_decision d join recipient r on r.id = d.recipient_agency_id cross join unnest(d.categories) as category
                        where d.id = any(:decisions)
                          and d.withdrawn_at is null and d.decided_at <= :now and d.valid_until > :now""", Tuple.class)
                .setParameter("agencies", agencyCodes.toArray(String[]::new))
                .setParameter("cases", caseIds.toArray(UUID[]::new))
                .setParameter("decisions", decisionIds.toArray(UUID[]::new))
                .setParameter("now", now)
                .getResultList();
        for (Tuple row : rows) {
            Held held = byAgency.get(row.get("agency", String.class));
            UUID key = row.get("key", UUID.class);
            InformationCategory category = InformationCategory.valueOf(row.get("category", String.class));
            if ("CONSENT".equals(row.get("source", String.class))) {
                ConsentPurpose purpose = ConsentPurpose.valueOf(row.get("purpose", String.class));
                held.consents().computeIfAbsent(key, k -> new HashMap<>())
                        .computeIfAbsent(purpose, p -> EnumSet.noneOf(InformationCategory.class)).add(category);
                held.consentIds().computeIfAbsent(key, k -> new HashMap<>())
                        .computeIfAbsent(purpose, p -> new HashSet<>()).add(row.get("object_id", UUID.class));
            } else {
                held.decisions().computeIfAbsent(key, k -> new Decided(row.get("object_id", UUID.class),
                        ConsentPurpose.valueOf(row.get("purpose", String.class)), EnumSet.noneOf(InformationCategory.class)))
                        .categories().add(category);
            }
        }
        return byAgency;
    }
}
