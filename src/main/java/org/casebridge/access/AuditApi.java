package org.casebridge.access;

import io.quarkus.panache.common.Parameters;
import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.PageRequest;
import org.casebridge.graphql.TotalCount;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@GraphQLApi
public class AuditApi {

    @Type("AuditEntry")
    @Description("Who did or saw what, when, in which role and agency, touching which categories; allowed or denied.")
    public record AuditEntryNode(@NonNull OffsetDateTime at, @NonNull String actorName, String actorAgency, String actorRole,
                                 @NonNull String action, String targetType, @Id String targetId, @Id String caseId,
                                 @NonNull List<@NonNull InformationCategory> categories, boolean allowed, String detail) {
        static AuditEntryNode of(AuditEntry e) {
            return new AuditEntryNode(e.at, e.actorName == null ? e.actorSubject : e.actorName, e.actorAgency, e.actorRole,
                    e.action, e.targetType, e.targetId == null || e.targetType == null ? null : GlobalId.encode(e.targetType, e.targetId),
                    e.caseId == null ? null : GlobalId.encode("Case", e.caseId),
                    e.categories == null ? List.of() : e.categories.stream().sorted().toList(), e.allowed, e.detail);
        }
    }

    public static class AuditEntryConnection extends Connection<AuditEntryNode, AuditEntryConnection.AuditEntryEdge> {
        public record AuditEntryEdge(@NonNull String cursor, @NonNull AuditEntryNode node) implements Edge<AuditEntryNode> {
        }

        AuditEntryConnection(PageRequest page, List<AuditEntry> rows, long total) {
            super(page, rows, e -> e.id.toString(), AuditEntryNode::of, AuditEntryEdge::new, total);
        }
    }

    @Input("AuditLogFilter")
    public record AuditLogFilter(@Id String caseId, String actorAgency, String action, Boolean allowed,
                                 OffsetDateTime since, OffsetDateTime until) {
    }

    private final AccessPolicy access;

    public AuditApi(AccessPolicy access) {
        this.access = access;
    }

    @Query
    @Description("The access audit log, newest first (auditors only).")
    public AuditEntryConnection auditLog(AuditLogFilter filter, Integer first, String after) {
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
        return page(String.join(" and ", where), params, PageRequest.of(first, after));
    }

    @Query
    @Description("Who saw or changed this survivor's information, when, and which categories (the case's lead agency).")
    public AuditEntryConnection accessHistory(@Id @NonNull String caseId, Integer first, String after) {
        UUID id = GlobalId.decode(caseId, "Case", "caseId");
        String lead = (String) AuditEntry.getEntityManager().createNativeQuery(
                        "select a.code from survivor_case c join agency a on a.id = c.lead_agency_id where c.id = ?1")
                .setParameter(1, id).getResultStream().findFirst().orElse(null);
        access.mayWorkOnCase("case.access-history", id, lead);
        return page("caseId = :caseId", Parameters.with("caseId", id), PageRequest.of(first, after));
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
