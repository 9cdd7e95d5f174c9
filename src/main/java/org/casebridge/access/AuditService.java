package org.casebridge.access;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.casebridge.access.AuditApi.AuditEntryConnection;
import org.casebridge.access.AuditApi.AuditLogFilter;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.PageRequest;
import org.casebridge.graphql.TotalCount;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading the audit log: the whole log for auditors, a case's access history for its lead agency. */
@ApplicationScoped
public class AuditService {

    private final AccessPolicy access;
    private final CasePolicy casePolicy;
    private final EntityManager em;

    public AuditService(AccessPolicy access, CasePolicy casePolicy, EntityManager em) {
        this.access = access;
        this.casePolicy = casePolicy;
        this.em = em;
    }

    public AuditEntryConnection auditLog(AuditLogFilter filter, PageRequest page) {
        access.mayReadAuditLog();
        List<String> where = new ArrayList<>(List.of("true"));
        Parameters params = new Parameters();
        if (filter != null && filter.caseId() != null) {
            where.add("caseId = :caseId");
            params.and("caseId", GlobalId.decode(filter.caseId(), "Case", "filter.caseId"));
        }
        if (filter != null && filter.actorAgency() != null) {
            where.add("actorAgency = :agency");
            params.and("agency", filter.actorAgency());
        }
        if (filter != null && filter.action() != null) {
            where.add("action = :action");
            params.and("action", filter.action());
        }
        if (filter != null && filter.allowed() != null) {
            where.add("allowed = :allowed");
            params.and("allowed", filter.allowed());
        }
        if (filter != null && filter.since() != null) {
            where.add("at >= :since");
            params.and("since", filter.since());
        }
        if (filter != null && filter.until() != null) {
            where.add("at < :until");
            params.and("until", filter.until());
        }
        return page(String.join(" and ", where), params, page);
    }

    public AuditEntryConnection accessHistory(UUID caseId, PageRequest page) {
        String lead = em.createQuery("select c.leadAgency.code from CaseFile c where c.id = ?1", String.class)
                .setParameter(1, caseId).getResultStream().findFirst().orElse(null);
        casePolicy.mayWorkOnCase("case.access-history", caseId, lead);
        return page("caseId = :caseId", Parameters.with("caseId", caseId), page);
    }

    private AuditEntryConnection page(String condition, Parameters params, PageRequest page) {
        long total = TotalCount.of("from AuditEntry where " + condition, params);
        Long after = page.afterNumber();
        if (after != null) {
            params.and("afterId", after);
            condition += " and id < :afterId";
        }
        List<AuditEntry> rows = AuditEntry.<AuditEntry>find(condition + " order by id desc" + page.limit(), params).list();
        return new AuditEntryConnection(page, rows, total);
    }
}
