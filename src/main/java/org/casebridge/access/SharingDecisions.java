package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.agency.Agency;
import org.casebridge.graphql.ApiException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;

/**
 * Records a supervisor's decision to share a case with an agency without the survivor's consent (a referral or a
 * conference invitation). Only a supervisor may; a mandatory report must say what is shared, with which authority,
 * that the survivor was told beforehand and what happens next (training module 14, step 4).
 */
@ApplicationScoped
public class SharingDecisions {

    private final AccessPolicy access;
    private final AuditLog audit;

    public SharingDecisions(AccessPolicy access, AuditLog audit) {
        this.access = access;
        this.audit = audit;
    }

    /**
     * Shares the case with {@code recipient} on the survivor's consent for one of {@code purposes}, or on the decision
     * given: @return the recorded decision's id, or null when a consent covers it.
     */
    public UUID shareBasis(Caller caller, String action, UUID caseId, Agency recipient, SharingDecisionInput decision,
                           java.util.Set<ConsentPurpose> purposes, String field) {
        if (decision == null) {
            access.requireCoveringConsent(caller, action, caseId, recipient.code, purposes);
            return null;
        }
        access.mayShareWithoutConsent(caller, action, caseId);
        return record(caller, caseId, recipient, decision, field);
    }

    private UUID record(Caller caller, UUID caseId, Agency recipient, SharingDecisionInput input, String field) {
        if (input.kind() == SharingDecision.Kind.MANDATORY_REPORT) {
            requireText(input.authority(), field + ".authority", "Name the authority the report goes to");
            requireText(input.informationShared(), field + ".informationShared", "Record what information is shared");
            requireText(input.nextStepsExplained(), field + ".nextStepsExplained", "Record what the survivor was told will happen next");
            if (!Boolean.TRUE.equals(input.survivorInformedBeforehand())) {
                throw ApiException.invalid(field + ".survivorInformedBeforehand",
                        "The survivor must be told of the obligation to report before reporting");
            }
        }
        SharingDecision decision = new SharingDecision();
        decision.id = UUID.randomUUID();
        decision.caseId = caseId;
        decision.recipientAgencyId = recipient.id;
        decision.kind = input.kind();
        decision.categories = EnumSet.copyOf(input.categories());
        decision.reason = input.reason();
        decision.authority = input.authority();
        decision.informationShared = input.informationShared();
        decision.survivorInformedBeforehand = input.survivorInformedBeforehand();
        decision.nextStepsExplained = input.nextStepsExplained();
        decision.supervisorSubject = caller.subject();
        decision.supervisorName = caller.username();
        decision.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        decision.persist();
        audit.allowed(caller, AuditLog.Entry.of("sharing." + input.kind().name().toLowerCase(), "SharingDecision", decision.id, caseId)
                .withCategories(decision.categories).withDetail("to " + recipient.code));
        return decision.id;
    }

    private static void requireText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, message);
        }
    }
}
