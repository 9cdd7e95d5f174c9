package org.casebridge.access;

import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

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

        public AuditEntryConnection(PageRequest page, List<AuditEntry> rows, long total) {
            super(page, rows, e -> e.id.toString(), AuditEntryNode::of, AuditEntryEdge::new, total);
        }
    }

    @Input("AuditLogFilter")
    public record AuditLogFilter(@Id String caseId, String actorAgency, String action, Boolean allowed,
                                 OffsetDateTime since, OffsetDateTime until) {
    }

    private final AuditService audits;

    public AuditApi(AuditService audits) {
        this.audits = audits;
    }

    @Query
    @Description("The access audit log, newest first (auditors only).")
    public AuditEntryConnection auditLog(AuditLogFilter filter, Integer first, String after) {
        return audits.auditLog(filter, PageRequest.of(first, after));
    }

    @Query
    @Description("Who saw or changed this survivor's information, when, and which categories (the case's lead agency).")
    public AuditEntryConnection accessHistory(@Id @NonNull String caseId, Integer first, String after) {
        return audits.accessHistory(GlobalId.decode(caseId, "Case", "caseId"), PageRequest.of(first, after));
    }
}
