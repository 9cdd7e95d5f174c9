package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Conferences: the side a caller is on, who sees a conference and how much of its invitations, who runs it, who
 * follows it, who updates an action item, and who lists invitations and assigned items. What an invited agency sees
 * of the case is the core's ({@link AccessPolicy#discloseRoutes}).
 */
@ApplicationScoped
public class ConferencePolicy {

    private final CurrentCaller currentCaller;
    private final AccessPolicy access;
    private final ReferralPolicy referrals;
    private final Refusals refusals;

    public ConferencePolicy(CurrentCaller currentCaller, AccessPolicy access, ReferralPolicy referrals, Refusals refusals) {
        this.currentCaller = currentCaller;
        this.access = access;
        this.referrals = referrals;
        this.refusals = refusals;
    }

    /** The side a caller is on for one conference: the lead agency's staff, an invited agency's staff, or neither. */
    public enum ConferenceSide { LEAD, INVITED, NONE }

    /** A conference is visible to the lead agency and the agencies invited; to anyone else it does not exist. */
    public ConferenceSide mayViewConference(String action, UUID conferenceId, UUID caseId, String leadAgencyCode,
                                            Collection<String> invitedAgencyCodes) {
        Caller caller = currentCaller.get();
        if (leadAgencyCode != null && access.isLeadStaff(caller, leadAgencyCode)) {
            return ConferenceSide.LEAD;
        }
        if (leadAgencyCode != null && caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR)
                && invitedAgencyCodes.stream().anyMatch(caller::belongsTo)) {
            return ConferenceSide.INVITED;
        }
        throw refusals.refuse(caller, AuditLog.Entry.of(action, "Conference", conferenceId, caseId), Refusals.hidden("Conference"));
    }

    /** How much of one invitation a caller sees in a conference's list of invitations. */
    public enum InvitationVisibility { HIDDEN, WITHOUT_BASIS, WITH_BASIS }

    /**
     * The lead agency sees every invitation with its sharing basis; an invited agency sees its own with its basis, and
     * other agencies' invitations only as CONFERENCE information, never with their basis.
     */
    public InvitationVisibility invitationVisibility(Caller caller, Disclosure disclosure, String invitedAgencyCode) {
        if (disclosure.leadAgency() || caller.belongsTo(invitedAgencyCode) && disclosure.routeOpen()) {
            return InvitationVisibility.WITH_BASIS;
        }
        if (caller.belongsTo(invitedAgencyCode)) {
            return InvitationVisibility.WITHOUT_BASIS;
        }
        return disclosure.allows(InformationCategory.CONFERENCE) ? InvitationVisibility.WITHOUT_BASIS : InvitationVisibility.HIDDEN;
    }

    /** Calling a conference and keeping its minutes and action items is the lead agency's work. */
    public void mayRunConference(String action, ConferenceSide side, UUID conferenceId, UUID caseId) {
        if (side != ConferenceSide.LEAD) {
            throw refusals.refuse(currentCaller.get(), AuditLog.Entry.of(action, "Conference", conferenceId, caseId),
                    Refusals.forbidden("Only the lead agency's caseworkers and supervisors run the conference"));
        }
    }

    /** Who follows a conference right now: its lead agency, and each invited agency whose invitation is an open route. */
    public record ConferenceFollowers(String leadAgencyCode, Set<String> invitedWithOpenRoute) {
    }

    /** The followers of a conference from its invitations: one grants query for all the invited agencies. */
    public ConferenceFollowers conferenceFollowers(String leadAgencyCode, Collection<Route> invitations) {
        Set<UUID> open = access.openRoutes(invitations);
        return new ConferenceFollowers(leadAgencyCode, invitations.stream().filter(r -> open.contains(r.objectId()))
                .map(Route::agencyCode).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    }

    /**
     * Whether a caller follows a conference (its events, DESIGN rule 5): the lead agency's staff always, an invited
     * agency's staff while its invitation's basis holds.
     */
    public boolean follows(Caller caller, ConferenceFollowers followers) {
        return access.isLeadStaff(caller, followers.leadAgencyCode())
                || caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR) && followers.invitedWithOpenRoute().stream().anyMatch(caller::belongsTo);
    }

    /** An action item is updated by the agency it is assigned to, and by nobody else. */
    public void mayUpdateActionItem(UUID itemId, UUID caseId, String assignedAgencyCode) {
        Caller caller = currentCaller.get();
        if (!caller.belongsTo(assignedAgencyCode)) {
            throw refusals.refuse(caller, AuditLog.Entry.of("actionitem.update", "ActionItem", itemId, caseId),
                    Refusals.forbidden("Only the agency an action item is assigned to updates it"));
        }
    }

    /**
     * Whether the caller may update an action item of a conference led by {@code leadAgencyCode} and assigned to
     * {@code assignedAgencyCode} (the lead agency or an invited one): {@link #mayViewConference} for that agency's staff,
     * then {@link #mayUpdateActionItem}, decided without refusing, for a UI to offer the move.
     */
    public boolean updatesActionItem(Caller caller, String leadAgencyCode, String assignedAgencyCode) {
        if (!caller.belongsTo(assignedAgencyCode)) {
            return false;
        }
        return caller.belongsTo(leadAgencyCode) ? access.isLeadStaff(caller, leadAgencyCode)
                : caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR);
    }

    /** Staff who take part in referrals and conferences follow their events and list their invitations. */
    public Caller mayFollowCaseWork() {
        return referrals.mayListReferrals();
    }
}
