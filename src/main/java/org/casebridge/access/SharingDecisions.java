package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.casebridge.agency.Agency;
import org.casebridge.events.Events;
import org.casebridge.events.Notice;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.InputValidation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records a supervisor's decision to share a case with an agency without the survivor's consent, for one referral or
 * one conference invitation, and withdraws it. Only a supervisor may; a mandatory report must say what is shared,
 * with which authority, that the survivor was told beforehand and what happens next (training module 14, step 4).
 * A decision covers only the object it is recorded with, for its purpose, until it ends or is withdrawn.
 */
@ApplicationScoped
public class SharingDecisions {

    static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);
    static final Duration LONGEST_VALIDITY = Duration.ofDays(366);

    private final AccessPolicy access;
    private final AuditLog audit;
    private final InputValidation validation;
    private final Clock clock;
    private final Events events;

    public SharingDecisions(AccessPolicy access, AuditLog audit, InputValidation validation, Clock clock, Events events) {
        this.clock = clock;
        this.events = events;
        this.access = access;
        this.audit = audit;
        this.validation = validation;
    }

    /**
     * Shares the case with {@code recipient} through the route {@code objectId} of {@code kind}: on a current consent
     * for the route's purpose when no decision is given, or on the new decision given.
     *
     * @return the recorded decision's id, or null when a consent covers it
     */
    public UUID shareBasis(Caller caller, String action, UUID caseId, Agency recipient, SharingDecisionInput decision,
                           Route.Kind kind, UUID objectId, String field) {
        if (decision == null) {
            access.requireCoveringConsent(caller, action, caseId, recipient.code, kind);
            return null;
        }
        access.mayShareWithoutConsent(caller, action, caseId);
        return record(caller, caseId, recipient, decision, kind, objectId, field);
    }

    private UUID record(Caller caller, UUID caseId, Agency recipient, SharingDecisionInput input, Route.Kind kind,
                        UUID objectId, String field) {
        if (input.kind() == SharingDecision.Kind.MANDATORY_REPORT) {
            requireText(input.authority(), field + ".authority", "Name the authority the report goes to");
            requireText(input.informationShared(), field + ".informationShared", "Record what information is shared");
            requireText(input.nextStepsExplained(), field + ".nextStepsExplained", "Record what the survivor was told will happen next");
            if (!Boolean.TRUE.equals(input.survivorInformedBeforehand())) {
                throw ApiException.invalid(field + ".survivorInformedBeforehand",
                        "The survivor must be told of the obligation to report before reporting");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime validUntil = input.validUntil() == null ? now.plus(DEFAULT_VALIDITY) : input.validUntil();
        if (!validUntil.isAfter(now) || validUntil.isAfter(now.plus(LONGEST_VALIDITY))) {
            throw ApiException.invalid(field + ".validUntil", "A sharing decision ends after now and within a year");
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
        decision.decidedAt = now;
        decision.purpose = kind.purpose();
        decision.madeFor = kind.objectType();
        decision.objectId = objectId;
        decision.validUntil = validUntil;
        decision.persist();
        audit.allowed(caller, AuditLog.Entry.of("sharing." + input.kind().name().toLowerCase(), "SharingDecision", decision.id, caseId)
                .withCategories(decision.categories).withDetail("to " + recipient.code + " for " + kind.objectType() + " " + objectId));
        return decision.id;
    }

    /** A supervisor of the lead agency withdraws a decision: from the next request on, it grants nothing. */
    @Transactional
    public SharingDecisionView withdraw(WithdrawSharingDecisionInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.id(), SharingDecisionView.TYPE, "input.id");
        SharingDecision decision = SharingDecision.findById(id);
        Agency lead = decision == null ? null
                : Agency.<Agency>find("select c.leadAgency from CaseFile c where c.id = ?1", decision.caseId).firstResult();
        Caller caller = access.mayWithdrawSharingDecision(id, decision == null ? null : decision.caseId, lead == null ? null : lead.code);
        if (decision.withdrawnAt != null) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The sharing decision was already withdrawn");
        }
        decision.withdrawnAt = OffsetDateTime.now(clock);
        decision.withdrawnBySubject = caller.subject();
        decision.withdrawnByName = caller.username();
        decision.withdrawalReason = input.reason();
        audit.allowed(caller, AuditLog.Entry.of("sharing.withdraw", "SharingDecision", id, decision.caseId)
                .withCategories(decision.categories));
        SharingDecision.getEntityManager().flush();
        events.publish(new Notice(Notice.Kind.SHARING_DECISION, id, "WITHDRAWN", List.of(lead.code), decision.withdrawnAt));
        return SharingDecisionView.of(decision, access.disclose(caller, Map.of(decision.caseId, lead.code)).get(decision.caseId));
    }

    /**
     * What a decision records as shared is her information of the decision's categories: read as each of them (the reads
     * of IDENTITY, INCIDENT, HEALTH and SAFETY_PLAN audited), like the case's own fields of those categories.
     */
    public String informationShared(SharingDecisionView view) {
        for (InformationCategory category : view.decision().categories) {
            access.reveal(view.disclosure(), category);
        }
        return view.decision().informationShared;
    }

    private static void requireText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, message);
        }
    }
}
