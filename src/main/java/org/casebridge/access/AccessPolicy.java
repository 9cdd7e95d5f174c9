package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where Casebridge decides who may do what and see which survivor information. Services ask
 * it; GraphQL classes never decide. Refusals of work are written to the audit log here, in a transaction of
 * their own, so that a refused mutation leaves a denied entry and nothing else.
 */
@ApplicationScoped
public class AccessPolicy {

    /** The purposes under which an agency addressed by a referral may see consented information. */
    public static final Set<ConsentPurpose> REFERRAL_PURPOSES = EnumSet.of(ConsentPurpose.REFERRAL, ConsentPurpose.COORDINATION);

    private final CurrentCaller currentCaller;
    private final Grants grants;
    private final AuditLog audit;

    public AccessPolicy(CurrentCaller currentCaller, Grants grants, AuditLog audit) {
        this.currentCaller = currentCaller;
        this.grants = grants;
        this.audit = audit;
    }

    /** The authenticated caller of this request; {@code UNAUTHENTICATED} without a valid token. */
    public Caller caller() {
        return currentCaller.get();
    }

    // --- the service directory -------------------------------------------------------------------------

    /** Every authenticated role may read the agency and service directory (the referral pathway). */
    public Caller mayReadDirectory() {
        return caller();
    }

    /** Only an agency's own administrators change its profile and service directory. */
    public Caller mayManageDirectoryOf(String agencyCode) {
        Caller caller = caller();
        if (!caller.has(Role.AGENCY_ADMIN)) {
            throw ApiException.forbidden("Only agency administrators manage the service directory");
        }
        if (!caller.belongsTo(agencyCode)) {
            throw ApiException.forbidden("Agency administrators manage only their own agency's services");
        }
        return caller;
    }

    // --- survivor cases ----------------------------------------------------------------------------------

    /** Case management staff (caseworkers and supervisors) of the lead agency own its cases in full (rule 1). */
    public boolean isLeadStaff(Caller caller, String leadAgencyCode) {
        return caller.hasAny(Role.CASEWORKER, Role.SUPERVISOR) && caller.belongsTo(leadAgencyCode);
    }

    /** Opening cases and listing one's agency's cases is for case management staff. */
    public Caller mayManageCases(String action) {
        Caller caller = caller();
        if (!caller.hasAny(Role.CASEWORKER, Role.SUPERVISOR) || caller.agencyCode() == null) {
            throw refuse(caller, AuditLog.Entry.of(action, "Case", null, null),
                    ApiException.forbidden("Only caseworkers and supervisors manage cases"));
        }
        return caller;
    }

    /**
     * Work on one case (read it whole, change it, record consent, refer): lead-agency staff only. Anyone else
     * is answered as if the case did not exist (rule 3), and the attempt is audited.
     */
    public Caller mayWorkOnCase(String action, UUID caseId, String leadAgencyCode) {
        Caller caller = caller();
        if (leadAgencyCode == null || !isLeadStaff(caller, leadAgencyCode)) {
            throw refuse(caller, AuditLog.Entry.of(action, "Case", caseId, caseId), ApiException.notFound("Case"));
        }
        return caller;
    }

    /** Lists of work on cases (overdue follow-ups): a supervisor oversees the agency's cases, a caseworker their own. */
    public boolean overseesAgencyCases(Caller caller) {
        return caller.has(Role.SUPERVISOR);
    }

    /** Only a supervisor may decide to share without consent (mandatory report or override). */
    public void mayShareWithoutConsent(Caller caller, String action, UUID caseId) {
        if (!caller.has(Role.SUPERVISOR)) {
            throw refuse(caller, AuditLog.Entry.of(action, "Case", caseId, caseId),
                    ApiException.forbidden("Only a supervisor may record a mandatory report or an override"));
        }
    }

    /**
     * The effective grant of the caller on each case (keyed by case id, valued by lead agency code). Other
     * agencies get only what a current consent or a sharing decision grants them, and only staff roles get
     * anything at all. One query whatever the number of cases.
     */
    public Map<UUID, Disclosure> disclose(Caller caller, Map<UUID, String> leadAgencyByCase, Set<ConsentPurpose> purposes) {
        Map<UUID, Disclosure> result = new HashMap<>();
        Set<UUID> others = leadAgencyByCase.entrySet().stream()
                .filter(e -> !isLeadStaff(caller, e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Map<UUID, Set<InformationCategory>> granted = others.isEmpty()
                || !caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR)
                ? Map.of() : grants.forAgencyCode(caller.agencyCode(), others, purposes);
        leadAgencyByCase.forEach((caseId, lead) -> result.put(caseId, others.contains(caseId)
                ? new Disclosure(caseId, false, granted.getOrDefault(caseId, EnumSet.noneOf(InformationCategory.class)))
                : new Disclosure(caseId, true, EnumSet.allOf(InformationCategory.class))));
        return result;
    }

    /**
     * Every resolver returning survivor information asks here. Outside the grant the field is refused with
     * {@code CONSENT_REQUIRED}; reads of identity, incident, health and safety plan are audited.
     */
    public void reveal(Disclosure disclosure, InformationCategory category) {
        Caller caller = caller();
        if (!disclosure.allows(category)) {
            ReadAudit.current().refused(caller, disclosure.caseId(), category);
            throw new ApiException(ErrorCode.CONSENT_REQUIRED,
                    "The survivor has not consented to share " + category + " with your agency");
        }
        ReadAudit.current().read(caller, disclosure.caseId(), category);
    }

    // --- referrals ---------------------------------------------------------------------------------------

    /** The side a caller is on for one referral: the referring agency, the receiving agency, or neither. */
    public enum ReferralSide { REFERRER, RECEIVER, NONE }

    public ReferralSide sideOf(Caller caller, String fromAgencyCode, String toAgencyCode) {
        if (caller.hasAny(Role.CASEWORKER, Role.SUPERVISOR) && caller.belongsTo(fromAgencyCode)) {
            return ReferralSide.REFERRER;
        }
        if (caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR) && caller.belongsTo(toAgencyCode)) {
            return ReferralSide.RECEIVER;
        }
        return ReferralSide.NONE;
    }

    /** A referral is visible only to the two agencies it connects; to anyone else it does not exist. */
    public ReferralSide mayViewReferral(String action, UUID referralId, UUID caseId, String fromAgencyCode, String toAgencyCode) {
        Caller caller = caller();
        ReferralSide side = sideOf(caller, fromAgencyCode, toAgencyCode);
        if (side == ReferralSide.NONE) {
            throw refuse(caller, AuditLog.Entry.of(action, "Referral", referralId, caseId), ApiException.notFound("Referral"));
        }
        return side;
    }

    /** Listing referrals sent or received is for staff who act on referrals. */
    public Caller mayListReferrals() {
        Caller caller = caller();
        if (!caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR) || caller.agencyCode() == null) {
            throw ApiException.forbidden("Only agency staff who work on referrals list them");
        }
        return caller;
    }

    /**
     * Sharing a case with another agency (a referral, a conference invitation) needs a current consent to that
     * agency for one of {@code purposes}, unless a supervisor records a sharing decision (checked by the caller
     * with {@link #mayShareWithoutConsent}).
     */
    public void requireCoveringConsent(Caller caller, String action, UUID caseId, String recipientAgencyCode,
                                       Set<ConsentPurpose> purposes) {
        if (grants.forAgencyCode(recipientAgencyCode, Set.of(caseId), purposes).isEmpty()) {
            throw refuse(caller, AuditLog.Entry.of(action, "Case", caseId, caseId).withDetail("to " + recipientAgencyCode),
                    new ApiException(ErrorCode.CONSENT_REQUIRED, "No current consent covers sharing this case with "
                            + recipientAgencyCode + "; record the survivor's consent or a supervisor's decision"));
        }
    }

    // --- closure -----------------------------------------------------------------------------------------

    /**
     * A closure is approved or rejected by a supervisor of the lead agency who did not request it (the case is
     * reviewed with a supervisor: module 14, step 6). Other agencies do not see the closure at all.
     */
    public Caller mayDecideClosure(String action, UUID closureId, UUID caseId, String leadAgencyCode, String requestedBySubject) {
        Caller caller = caller();
        AuditLog.Entry entry = AuditLog.Entry.of(action, "CaseClosure", closureId, caseId);
        if (leadAgencyCode == null || !isLeadStaff(caller, leadAgencyCode)) {
            throw refuse(caller, entry, ApiException.notFound("Closure"));
        }
        if (!caller.has(Role.SUPERVISOR)) {
            throw refuse(caller, entry, ApiException.forbidden("Only a supervisor approves or rejects a closure"));
        }
        if (caller.subject().equals(requestedBySubject)) {
            throw refuse(caller, entry, ApiException.forbidden("A closure is decided by a supervisor other than the one who requested it"));
        }
        return caller;
    }

    // --- client feedback survey -------------------------------------------------------------------------

    /** A survey is administered by a supervisor or another caseworker of the agency, never the case's own caseworker. */
    public void mayAdministerFeedback(Caller caller, UUID caseId, String caseworkerSubject) {
        if (caller.subject().equals(caseworkerSubject)) {
            throw refuse(caller, AuditLog.Entry.of("feedback.start", "Case", caseId, caseId),
                    ApiException.forbidden("The survivor's own caseworker does not administer her feedback survey; ask a "
                            + "supervisor or another caseworker"));
        }
    }

    /** Feedback results are read by the agency's supervisors, as aggregates only. */
    public Caller mayReadFeedbackResults() {
        Caller caller = caller();
        if (!caller.has(Role.SUPERVISOR) || caller.agencyCode() == null) {
            throw ApiException.forbidden("Feedback results are for the agency's supervisors");
        }
        return caller;
    }

    // --- conferences --------------------------------------------------------------------------------------

    /** The purposes under which an agency invited to a conference may see consented information. */
    public static final Set<ConsentPurpose> CONFERENCE_PURPOSES = EnumSet.of(ConsentPurpose.CASE_CONFERENCE, ConsentPurpose.COORDINATION);

    /** The side a caller is on for one conference: the lead agency's staff, an invited agency's staff, or neither. */
    public enum ConferenceSide { LEAD, INVITED, NONE }

    /** A conference is visible to the lead agency and the agencies invited; to anyone else it does not exist. */
    public ConferenceSide mayViewConference(String action, UUID conferenceId, UUID caseId, String leadAgencyCode,
                                            Collection<String> invitedAgencyCodes) {
        Caller caller = caller();
        if (leadAgencyCode != null && isLeadStaff(caller, leadAgencyCode)) {
            return ConferenceSide.LEAD;
        }
        if (leadAgencyCode != null && caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR)
                && invitedAgencyCodes.contains(caller.agencyCode())) {
            return ConferenceSide.INVITED;
        }
        throw refuse(caller, AuditLog.Entry.of(action, "Conference", conferenceId, caseId), ApiException.notFound("Conference"));
    }

    /** Calling a conference and keeping its minutes and action items is the lead agency's work. */
    public void mayRunConference(String action, ConferenceSide side, UUID conferenceId, UUID caseId) {
        if (side != ConferenceSide.LEAD) {
            throw refuse(caller(), AuditLog.Entry.of(action, "Conference", conferenceId, caseId),
                    ApiException.forbidden("Only the lead agency's caseworkers and supervisors run the conference"));
        }
    }

    /** An action item is updated by the agency it is assigned to, and by nobody else. */
    public void mayUpdateActionItem(UUID itemId, UUID caseId, String assignedAgencyCode) {
        Caller caller = caller();
        if (!caller.belongsTo(assignedAgencyCode)) {
            throw refuse(caller, AuditLog.Entry.of("actionitem.update", "ActionItem", itemId, caseId),
                    ApiException.forbidden("Only the agency an action item is assigned to updates it"));
        }
    }

    /** Staff who take part in referrals and conferences follow their events and list their invitations. */
    public Caller mayFollowCaseWork() {
        return mayListReferrals();
    }

    /** A refusal of work: audited in its own transaction, then thrown by the caller of this method. */
    public ApiException refuse(Caller caller, AuditLog.Entry entry, ApiException refusal) {
        audit.denied(caller, entry.withDetail(entry.detail() == null ? refusal.code().name() : refusal.code() + " " + entry.detail()));
        return refusal;
    }

    // --- supervision -------------------------------------------------------------------------------------

    /** Supervisors observe and manage the caseworkers of their own agency; to anyone else those do not exist. */
    public Caller mayManageSupervision(String action, String agencyCode, UUID targetId) {
        Caller caller = caller();
        if (!caller.has(Role.SUPERVISOR) || agencyCode == null || !caller.belongsTo(agencyCode)) {
            throw refuse(caller, AuditLog.Entry.of(action, "Observation", targetId, null), ApiException.notFound("Caseworker or observation"));
        }
        return caller;
    }

    /** An observation is seen by the observed caseworker and by the supervisors of the agency; by nobody else. */
    public Caller mayViewObservation(String action, UUID observationId, String agencyCode, String caseworkerUsername) {
        Caller caller = caller();
        boolean supervisor = caller.has(Role.SUPERVISOR) && caller.belongsTo(agencyCode);
        boolean observed = caller.has(Role.CASEWORKER) && caller.belongsTo(agencyCode) && caller.username().equals(caseworkerUsername);
        if (agencyCode == null || !(supervisor || observed)) {
            throw refuse(caller, AuditLog.Entry.of(action, "Observation", observationId, null), ApiException.notFound("Observation"));
        }
        return caller;
    }

    /** Only the observed caseworker acknowledges the feedback on their own observation. */
    public Caller mayAcknowledgeObservation(UUID observationId, String agencyCode, String caseworkerUsername) {
        Caller caller = mayViewObservation("observation.acknowledge", observationId, agencyCode, caseworkerUsername);
        if (!caller.username().equals(caseworkerUsername)) {
            throw refuse(caller, AuditLog.Entry.of("observation.acknowledge", "Observation", observationId, null),
                    ApiException.forbidden("Only the observed caseworker acknowledges the feedback"));
        }
        return caller;
    }

    // --- needs assessment (focus groups) -----------------------------------------------------------------

    /** Discussion guides and focus groups are the facilitators' work. */
    public Caller mayFacilitate(String action) {
        Caller caller = caller();
        if (!caller.has(Role.FACILITATOR)) {
            throw refuse(caller, AuditLog.Entry.of(action, "FocusGroupSession", null, null),
                    ApiException.forbidden("Only facilitators run focus groups"));
        }
        return caller;
    }

    /**
     * The controlled theme list of the needs assessment is extended by agency admins (README "Decisions"): a
     * facilitator picks from it, so no one-off theme can single a session out.
     */
    public Caller mayExtendThemeList() {
        Caller caller = caller();
        if (!caller.has(Role.AGENCY_ADMIN) || caller.agencyCode() == null) {
            throw refuse(caller, AuditLog.Entry.of("theme.add", "NeedTheme", null, null),
                    ApiException.forbidden("Agency admins extend the theme list"));
        }
        return caller;
    }

    /** A session, with its notes and sign-in sheet, is seen by its facilitator and note-taker; by nobody else. */
    public Caller mayWorkOnSession(String action, UUID sessionId, String facilitatorUsername, String noteTakerUsername) {
        Caller caller = caller();
        boolean runsIt = caller.has(Role.FACILITATOR)
                && (caller.username().equals(facilitatorUsername) || caller.username().equals(noteTakerUsername));
        if (facilitatorUsername == null || !runsIt) {
            throw refuse(caller, AuditLog.Entry.of(action, "FocusGroupSession", sessionId, null), ApiException.notFound("Session"));
        }
        return caller;
    }

    // --- aggregates --------------------------------------------------------------------------------------

    /** State leads read disclosure-controlled aggregates of their own state, and nothing record-level. */
    public Caller mayReadAggregatesOf(String state) {
        Caller caller = caller();
        if (!caller.has(Role.STATE_LEAD)) {
            throw ApiException.forbidden("Aggregates are for state leads");
        }
        if (caller.state() == null || !caller.state().equals(state)) {
            throw ApiException.forbidden("State leads read the figures of their own state only");
        }
        return caller;
    }

    // --- the audit log -----------------------------------------------------------------------------------

    public Caller mayReadAuditLog() {
        Caller caller = caller();
        if (!caller.has(Role.AUDITOR)) {
            throw ApiException.forbidden("Only auditors read the audit log");
        }
        return caller;
    }
}
