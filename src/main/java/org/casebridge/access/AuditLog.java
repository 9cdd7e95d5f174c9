package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes the audit log. Allowed work is recorded in the transaction of the work itself, so an entry exists
 * exactly when the work was stored. A refusal is recorded in a transaction of its own, because the refused
 * work rolls back.
 */
@ApplicationScoped
public class AuditLog {

    /** What was done to what; the categories are those of survivor information touched. */
    public record Entry(String action, String targetType, UUID targetId, UUID caseId,
                        Set<InformationCategory> categories, String detail) {

        public static Entry of(String action, String targetType, UUID targetId, UUID caseId) {
            return new Entry(action, targetType, targetId, caseId, Set.of(), null);
        }

        public Entry withCategories(Set<InformationCategory> categories) {
            return new Entry(action, targetType, targetId, caseId, categories, detail);
        }

        public Entry withDetail(String detail) {
            return new Entry(action, targetType, targetId, caseId, categories, detail);
        }
    }

    private final EntityManager em;
    private final SupervisorRoster supervisors;

    public AuditLog(EntityManager em, SupervisorRoster supervisors) {
        this.em = em;
        this.supervisors = supervisors;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void allowed(Caller caller, Entry entry) {
        insert(caller, List.of(entry), true);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void denied(Caller caller, Entry entry) {
        insert(caller, List.of(entry), false);
    }

    /** The reads of one request, as one statement whatever their number. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reads(Caller caller, List<Entry> allowed, List<Entry> denied) {
        insertReads(caller, allowed, denied);
    }

    /** The reads of a mutation's answer, in the mutation's transaction ({@link ReadAudit}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void readsWithin(Caller caller, List<Entry> allowed, List<Entry> denied) {
        insertReads(caller, allowed, denied);
    }

    private void insertReads(Caller caller, List<Entry> allowed, List<Entry> denied) {
        if (!allowed.isEmpty()) {
            insert(caller, allowed, true);
        }
        if (!denied.isEmpty()) {
            insert(caller, denied, false);
        }
    }

    private void insert(Caller caller, List<Entry> entries, boolean allowed) {
        supervisors.seen(caller);
        List<String> actions = new ArrayList<>();
        List<String> targetTypes = new ArrayList<>();
        List<UUID> targetIds = new ArrayList<>();
        List<UUID> caseIds = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (Entry e : entries) {
            actions.add(e.action());
            targetTypes.add(e.targetType());
            targetIds.add(e.targetId());
            caseIds.add(e.caseId());
            categories.add(e.categories().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
            details.add(e.detail());
        }
        em.createNativeQuery("""
                        insert into audit_entry (actor_subject, actor_name, actor_agency, actor_role, action, target_type,
                                                 target_id, case_id, categories, allowed, detail)
                        select ?1, ?2, ?3, ?4, t.action, t.target_type, t.target_id, t.case_id,
                               coalesce(string_to_array(nullif(t.categories, ''), ','), '{}')::varchar(20)[], ?5, t.detail
                        from unnest(?6, ?7, ?8, ?9, ?10, ?11) as t(action, target_type, target_id, case_id, categories, detail)""")
                .setParameter(1, caller.subject())
                .setParameter(2, caller.username())
                .setParameter(3, caller.agencyCode())
                .setParameter(4, caller.primaryRole())
                .setParameter(5, allowed)
                .setParameter(6, actions.toArray(String[]::new))
                .setParameter(7, targetTypes.toArray(String[]::new))
                .setParameter(8, targetIds.toArray(UUID[]::new))
                .setParameter(9, caseIds.toArray(UUID[]::new))
                .setParameter(10, categories.toArray(String[]::new))
                .setParameter(11, details.toArray(String[]::new))
                .executeUpdate();
    }

    /** Used by {@link ReadAudit}: one entry per case, listing the categories read (or refused) in a request. */
    static List<Entry> perCase(String action, Map<UUID, Set<InformationCategory>> byCase) {
        return byCase.entrySet().stream()
                .map(e -> new Entry(action, "Case", e.getKey(), e.getKey(), e.getValue(), null))
                .toList();
    }
}
