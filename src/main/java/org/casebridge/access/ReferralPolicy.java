package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Referrals: the side a caller is on, who sees a referral, who moves it, who lists referrals, and who reads the notes in
 * its history. What an agency sees of the case through a referral is the core's ({@link AccessPolicy#discloseRoutes}).
 */
@ApplicationScoped
public class ReferralPolicy {

    private final CurrentCaller currentCaller;
    private final Refusals refusals;

    public ReferralPolicy(CurrentCaller currentCaller, Refusals refusals) {
        this.currentCaller = currentCaller;
        this.refusals = refusals;
    }

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
        Caller caller = currentCaller.get();
        ReferralSide side = sideOf(caller, fromAgencyCode, toAgencyCode);
        if (side == ReferralSide.NONE) {
            throw refusals.refuse(caller, AuditLog.Entry.of(action, "Referral", referralId, caseId), Refusals.hidden("Referral"));
        }
        return side;
    }

    /** Only the receiving agency answers and reports on a referral; only the referring agency cancels it. */
    public void mayMoveReferral(ReferralSide side, ReferralSide mover, UUID referralId, UUID caseId, String from, String to) {
        if (mover != side) {
            throw refusals.refuse(currentCaller.get(),
                    AuditLog.Entry.of("referral.transition", "Referral", referralId, caseId).withDetail(from + "->" + to),
                    Refusals.forbidden(mover == ReferralSide.RECEIVER
                            ? "Only the receiving agency moves a referral to " + to
                            : "Only the referring agency cancels a referral"));
        }
    }

    /** Listing the referrals one's agency sent is for its case management staff, who made them. */
    public Caller mayListReferralsSent() {
        Caller caller = currentCaller.get();
        if (!caller.hasAny(Role.CASEWORKER, Role.SUPERVISOR) || caller.agencyCode() == null) {
            throw Refusals.forbidden("Only caseworkers and supervisors list the referrals their agency sent");
        }
        return caller;
    }

    /**
     * A referral's history: its statuses, times and actors are the referral's own. A note is what someone wrote about
     * the survivor's referral: the lead agency and the note's own agency read it; another agency reads it as the
     * referral's CASE_SUMMARY, so not once its route has closed.
     */
    public boolean mayReadHistoryNote(Caller caller, Disclosure disclosure, String writtenByAgency) {
        return disclosure.leadAgency() || caller.belongsTo(writtenByAgency) || disclosure.allows(InformationCategory.CASE_SUMMARY);
    }

    /** Listing referrals sent or received is for staff who act on referrals. */
    public Caller mayListReferrals() {
        Caller caller = currentCaller.get();
        if (!caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR) || caller.agencyCode() == null) {
            throw Refusals.forbidden("Only agency staff who work on referrals list them");
        }
        return caller;
    }
}
