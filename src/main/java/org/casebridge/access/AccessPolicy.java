package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    private final CurrentCaller currentCaller;
    private final Grants grants;
    private final Refusals refusals;
    private final Duration referralRouteAfterEnd;
    private final Clock clock;

    public AccessPolicy(CurrentCaller currentCaller, Grants grants, Refusals refusals, Clock clock,
                        @ConfigProperty(name = "casebridge.access.referral-route-after-end", defaultValue = "P30D")
                        Duration referralRouteAfterEnd) {
        this.currentCaller = currentCaller;
        this.grants = grants;
        this.refusals = refusals;
        this.referralRouteAfterEnd = referralRouteAfterEnd;
        this.clock = clock;
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

    /**
     * Only an agency's own administrators change its profile and service directory. A refusal is audited like any
     * refused mutation.
     */
    public Caller mayManageDirectoryOf(String action, UUID serviceId, String agencyCode) {
        Caller caller = caller();
        AuditLog.Entry entry = AuditLog.Entry.of(action, "Service", serviceId, null);
        if (!caller.has(Role.AGENCY_ADMIN)) {
            throw refuse(caller, entry, Refusals.forbidden("Only agency administrators manage the service directory"));
        }
        if (!caller.belongsTo(agencyCode)) {
            throw refuse(caller, entry, Refusals.forbidden("Agency administrators manage only their own agency's services"));
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
                    Refusals.forbidden("Only caseworkers and supervisors manage cases"));
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
            throw refuse(caller, AuditLog.Entry.of(action, "Case", caseId, caseId), Refusals.hidden("Case"));
        }
        return caller;
    }

    /** Lists of work on cases (overdue follow-ups): a supervisor oversees the agency's cases, a caseworker their own. */
    public boolean overseesAgencyCases(Caller caller) {
        return caller.has(Role.SUPERVISOR);
    }

    /** Only a supervisor may decide to share without consent (mandatory report or override). */
    public void mayShareWithoutConsent(Caller caller, String action, UUID caseId) {
        if (!sharesWithoutConsent(caller)) {
            throw refuse(caller, AuditLog.Entry.of(action, "Case", caseId, caseId),
                    Refusals.forbidden("Only a supervisor may record a mandatory report or an override"));
        }
    }

    /** Whether the caller may record a sharing decision ({@link #mayShareWithoutConsent}'s rule). */
    public boolean sharesWithoutConsent(Caller caller) {
        return caller.has(Role.SUPERVISOR);
    }

    /** A sharing decision is withdrawn by a supervisor of the case's lead agency; to anyone else it does not exist. */
    public Caller mayWithdrawSharingDecision(UUID decisionId, UUID caseId, String leadAgencyCode) {
        Caller caller = caller();
        AuditLog.Entry entry = AuditLog.Entry.of("sharing.withdraw", "SharingDecision", decisionId, caseId);
        if (leadAgencyCode == null || !isLeadStaff(caller, leadAgencyCode)) {
            throw refuse(caller, entry, Refusals.hidden("Sharing decision"));
        }
        if (!caller.has(Role.SUPERVISOR)) {
            throw refuse(caller, entry, Refusals.forbidden("Only a supervisor withdraws a sharing decision"));
        }
        return caller;
    }

    /**
     * What the caller sees of each case reached directly (keyed by case id, valued by lead agency code): the lead
     * agency's staff see it in full; anyone else reaches a case only through a route ({@link #discloseRoutes}), so
     * here they see nothing of it.
     */
    public Map<UUID, Disclosure> disclose(Caller caller, Map<UUID, String> leadAgencyByCase) {
        Map<UUID, Disclosure> result = new HashMap<>();
        leadAgencyByCase.forEach((caseId, lead) ->
                result.put(caseId, isLeadStaff(caller, lead) ? Disclosure.lead(caseId) : Disclosure.none(caseId)));
        return result;
    }

    /**
     * What the caller sees of a case through each route (keyed by the route's object id), DESIGN rules 2 and 2a. The
     * lead agency's staff see the case in full. The staff of the agency the route is addressed to see what the current
     * consents for the route's purpose grant to their agency, plus what the sharing decision recorded for that very
     * object grants while it is in force; nobody else sees anything. A referral stops being a route when it is
     * rejected, cancelled or expired, and {@code casebridge.access.referral-route-after-end} after it is completed or
     * failed; an invitation once neither a consent for conferences nor its decision holds, or its conference was cancelled.
     * One query for all routes.
     */
    public Map<UUID, Disclosure> discloseRoutes(Caller caller, Collection<Route> routes) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UUID, Disclosure> result = new HashMap<>();
        List<Route> addressed = new ArrayList<>();
        for (Route route : routes) {
            if (isLeadStaff(caller, route.leadAgencyCode())) {
                result.put(route.objectId(), Disclosure.lead(route.caseId()));
            } else if (caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR) && caller.belongsTo(route.agencyCode())) {
                addressed.add(route);
            } else {
                result.put(route.objectId(), Disclosure.none(route.caseId()));
            }
        }
        if (addressed.isEmpty()) {
            return result;
        }
        Grants.Held held = grants.heldBy(caller.agencyCode(), addressed.stream().map(Route::caseId).collect(Collectors.toSet()),
                addressed.stream().map(Route::decisionId).filter(Objects::nonNull).collect(Collectors.toSet()), now);
        for (Route route : addressed) {
            result.put(route.objectId(), throughRoute(route, held, now));
        }
        return result;
    }

    /** What the agency a route is addressed to sees through it, by what holds for that agency (rules 2 and 2a). */
    private Disclosure throughRoute(Route route, Grants.Held held, OffsetDateTime now) {
        Set<InformationCategory> consented = held.consented(route.caseId(), route.kind().consentPurposes());
        Set<InformationCategory> decided = held.decided(route.decisionId(), route.objectId(), route.kind().purpose());
        boolean open = switch (route.kind()) {
            case REFERRAL -> switch (route.ending()) {
                case NONE -> true;
                case ABANDONED -> false;
                case CONCLUDED -> route.endedAt() != null && now.isBefore(route.endedAt().plus(referralRouteAfterEnd));
            };
            case INVITATION -> route.ending() != Route.Ending.ABANDONED && (!consented.isEmpty() || !decided.isEmpty());
        };
        Set<InformationCategory> granted = EnumSet.noneOf(InformationCategory.class);
        if (open) {
            granted.addAll(consented);
            granted.addAll(decided);
        }
        return new Disclosure(route.caseId(), false, open, granted);
    }

    /**
     * The routes that are open right now for the agency each is addressed to, as that agency's staff would find them
     * ({@link #discloseRoutes}): one grants query for all the agencies, however many routes and agencies there are.
     */
    public Set<UUID> openRoutes(Collection<Route> routes) {
        List<Route> addressed = routes.stream().filter(r -> r.agencyCode() != null).toList();
        if (addressed.isEmpty()) {
            return Set.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Grants.Held> held = grants.heldBy(addressed.stream().map(Route::agencyCode).collect(Collectors.toSet()),
                addressed.stream().map(Route::caseId).collect(Collectors.toSet()),
                addressed.stream().map(Route::decisionId).filter(Objects::nonNull).collect(Collectors.toSet()), now);
        return addressed.stream().filter(r -> throughRoute(r, held.get(r.agencyCode()), now).routeOpen())
                .map(Route::objectId).collect(Collectors.toSet());
    }

    /**
     * Every resolver returning survivor information asks here. Outside the grant the field is refused with
     * {@code CONSENT_REQUIRED}; reads of identity, incident, health and safety plan are audited.
     */
    public void reveal(Disclosure disclosure, InformationCategory category) {
        Caller caller = caller();
        if (!disclosure.allows(category)) {
            ReadAudit.current().refused(caller, disclosure.caseId(), category);
            throw new ApiException(ErrorCode.CONSENT_REQUIRED, disclosure.routeOpen() || disclosure.leadAgency()
                    ? "The survivor has not consented to share " + category + " with your agency for this purpose"
                    : "Your agency's access to this case through this route has ended");
        }
        ReadAudit.current().read(caller, disclosure.caseId(), category);
    }

    /** The details an agency needs to take part (a conference's date, time and place) only while its route is open. */
    public void revealWhileRouteOpen(Disclosure disclosure, String what) {
        if (!disclosure.routeOpen()) {
            throw new ApiException(ErrorCode.CONSENT_REQUIRED, "The basis for sharing " + what + " with your agency has lapsed");
        }
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
            throw refuse(caller, AuditLog.Entry.of(action, "Referral", referralId, caseId), Refusals.hidden("Referral"));
        }
        return side;
    }

    /** Only the receiving agency answers and reports on a referral; only the referring agency cancels it. */
    public void mayMoveReferral(ReferralSide side, ReferralSide mover, UUID referralId, UUID caseId, String from, String to) {
        if (mover != side) {
            throw refuse(caller(), AuditLog.Entry.of("referral.transition", "Referral", referralId, caseId).withDetail(from + "->" + to),
                    Refusals.forbidden(mover == ReferralSide.RECEIVER
                            ? "Only the receiving agency moves a referral to " + to
                            : "Only the referring agency cancels a referral"));
        }
    }

    /** Listing the referrals one's agency sent is for its case management staff, who made them. */
    public Caller mayListReferralsSent() {
        Caller caller = caller();
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
        Caller caller = caller();
        if (!caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR) || caller.agencyCode() == null) {
            throw Refusals.forbidden("Only agency staff who work on referrals list them");
        }
        return caller;
    }

    /**
     * Sharing a case with another agency (a referral, a conference invitation) needs a current consent to that
     * agency for the route's purpose, unless a supervisor records a new sharing decision for that object (checked by
     * the caller with {@link #mayShareWithoutConsent}). Decisions recorded for other objects never count.
     */
    public void requireCoveringConsent(Caller caller, String action, UUID caseId, String recipientAgencyCode, Route.Kind route) {
        if (!coveringConsents(caseId, Set.of(recipientAgencyCode), route).get(recipientAgencyCode).covered()) {
            throw refuse(caller, AuditLog.Entry.of(action, "Case", caseId, caseId).withDetail("to " + recipientAgencyCode),
                    new ApiException(ErrorCode.CONSENT_REQUIRED, "No current consent covers sharing this case with "
                            + recipientAgencyCode + "; record the survivor's consent or a supervisor's decision"));
        }
    }

    /** The current consents that let a case be shared with one agency through a route, and what they share. */
    public record Covering(Set<UUID> consentIds, Set<InformationCategory> categories) {
        /** Whether sharing needs no sharing decision: {@link #requireCoveringConsent} lets it through. */
        public boolean covered() {
            return !categories.isEmpty();
        }
    }

    /**
     * For each agency, what covers sharing the case with it through a new route of this kind now: the rule of
     * {@link #requireCoveringConsent}, for any number of agencies in one query.
     */
    public Map<String, Covering> coveringConsents(UUID caseId, Set<String> recipientAgencyCodes, Route.Kind route) {
        Map<String, Covering> covering = new HashMap<>();
        grants.heldBy(recipientAgencyCodes, Set.of(caseId), Set.of(), OffsetDateTime.now(clock)).forEach((code, held) ->
                covering.put(code, new Covering(held.consentsFor(caseId, route.consentPurposes()), held.consented(caseId, route.consentPurposes()))));
        return covering;
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
            throw refuse(caller, entry, Refusals.hidden("Closure"));
        }
        if (!caller.has(Role.SUPERVISOR)) {
            throw refuse(caller, entry, Refusals.forbidden("Only a supervisor approves or rejects a closure"));
        }
        if (caller.subject().equals(requestedBySubject)) {
            throw refuse(caller, entry, Refusals.forbidden("A closure is decided by a supervisor other than the one who requested it"));
        }
        return caller;
    }

    // --- conferences --------------------------------------------------------------------------------------

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
        throw refuse(caller, AuditLog.Entry.of(action, "Conference", conferenceId, caseId), Refusals.hidden("Conference"));
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
            throw refuse(caller(), AuditLog.Entry.of(action, "Conference", conferenceId, caseId),
                    Refusals.forbidden("Only the lead agency's caseworkers and supervisors run the conference"));
        }
    }

    /** Who follows a conference right now: its lead agency, and each invited agency whose invitation is an open route. */
    public record ConferenceFollowers(String leadAgencyCode, Set<String> invitedWithOpenRoute) {
    }

    /** The followers of a conference from its invitations: one grants query for all the invited agencies. */
    public ConferenceFollowers conferenceFollowers(String leadAgencyCode, Collection<Route> invitations) {
        Set<UUID> open = openRoutes(invitations);
        return new ConferenceFollowers(leadAgencyCode, invitations.stream().filter(r -> open.contains(r.objectId()))
                .map(Route::agencyCode).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    }

    /**
     * Whether a caller follows a conference (its events, DESIGN rule 5): the lead agency's staff always, an invited
     * agency's staff while its invitation's basis holds.
     */
    public boolean follows(Caller caller, ConferenceFollowers followers) {
        return isLeadStaff(caller, followers.leadAgencyCode())
                || caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR) && followers.invitedWithOpenRoute().contains(caller.agencyCode());
    }

    /** An action item is updated by the agency it is assigned to, and by nobody else. */
    public void mayUpdateActionItem(UUID itemId, UUID caseId, String assignedAgencyCode) {
        Caller caller = caller();
        if (!updatesActionItem(caller, assignedAgencyCode)) {
            throw refuse(caller, AuditLog.Entry.of("actionitem.update", "ActionItem", itemId, caseId),
                    Refusals.forbidden("Only the agency an action item is assigned to updates it"));
        }
    }

    /** Whether the caller updates an action item assigned to this agency ({@link #mayUpdateActionItem}'s rule). */
    public boolean updatesActionItem(Caller caller, String assignedAgencyCode) {
        return caller.belongsTo(assignedAgencyCode);
    }

    /** Staff who take part in referrals and conferences follow their events and list their invitations. */
    public Caller mayFollowCaseWork() {
        return mayListReferrals();
    }

    ApiException refuse(Caller caller, AuditLog.Entry entry, ApiException refusal) {
        return refusals.refuse(caller, entry, refusal);
    }

    // --- needs assessment (focus groups) -----------------------------------------------------------------

    /** Discussion guides and focus groups are the facilitators' work. */
    public Caller mayFacilitate(String action) {
        Caller caller = caller();
        if (!caller.has(Role.FACILITATOR)) {
            throw refuse(caller, AuditLog.Entry.of(action, "FocusGroupSession", null, null),
                    Refusals.forbidden("Only facilitators run focus groups"));
        }
        return caller;
    }

    /**
     * Planning a session: a facilitator whose token carries an agency, because the note-taker they name is matched
     * within that agency ({@link #partInSession}).
     */
    public Caller mayPlanSession() {
        Caller caller = mayFacilitate("session.plan");
        if (caller.agencyCode() == null) {
            throw refuse(caller, AuditLog.Entry.of("session.plan", "FocusGroupSession", null, null),
                    Refusals.forbidden("A session is planned by a facilitator of an agency; your token carries none"));
        }
        return caller;
    }

    /**
     * The controlled theme list of the needs assessment is extended by the admins of lead agencies, whose facilitators
     * run the focus groups (README "Decisions"): a facilitator picks from it, so no one-off theme can single a session
     * out, and a partner agency's admin cannot add a key to every state's tables.
     */
    public Caller mayExtendThemeList(boolean callersAgencyLeadsCases) {
        Caller caller = caller();
        if (!caller.has(Role.AGENCY_ADMIN) || caller.agencyCode() == null || !callersAgencyLeadsCases) {
            throw refuse(caller, AuditLog.Entry.of("theme.add", "NeedTheme", null, null),
                    Refusals.forbidden("The admins of lead agencies extend the theme list"));
        }
        return caller;
    }

    /** The part a caller has in a focus-group session. */
    public enum SessionPart { FACILITATOR, NOTE_TAKER, NONE }

    /**
     * The facilitator is the subject who planned the session. The note-taker is named by username; they are the
     * facilitator of the session's agency whose token first carries that username ({@link #matchPerson}), and from
     * then on that subject only.
     */
    public SessionPart partInSession(Caller caller, String facilitatorSubject, String agencyCode, String noteTakerSubject,
                                     String noteTakerUsername) {
        if (!caller.has(Role.FACILITATOR) || facilitatorSubject == null) {
            return SessionPart.NONE;
        }
        if (facilitatorSubject.equals(caller.subject())) {
            return SessionPart.FACILITATOR;
        }
        return matchPerson(caller, Role.FACILITATOR, agencyCode, noteTakerSubject, noteTakerUsername) == PersonMatch.NONE
                ? SessionPart.NONE : SessionPart.NOTE_TAKER;
    }

    /** A session, with its notes and sign-in sheet, is seen by its facilitator and note-taker; by nobody else. */
    public SessionPart mayWorkOnSession(String action, UUID sessionId, String facilitatorSubject, String agencyCode,
                                        String noteTakerSubject, String noteTakerUsername) {
        Caller caller = caller();
        SessionPart part = partInSession(caller, facilitatorSubject, agencyCode, noteTakerSubject, noteTakerUsername);
        if (part == SessionPart.NONE) {
            throw refuse(caller, AuditLog.Entry.of(action, "FocusGroupSession", sessionId, null), Refusals.hidden("Session"));
        }
        return part;
    }

    // --- people named on records -------------------------------------------------------------------------

    /** How a caller is the person a record names. */
    public enum PersonMatch {
        /** Somebody else. */
        NONE,
        /** The record holds the caller's subject. */
        SUBJECT,
        /** The record holds only the username someone typed, and the caller's token fits it: the service binds the subject now. */
        FIRST_USE
    }

    /**
     * A person is their token's subject, never the username it carries: usernames are given again when an account
     * is closed, and a name typed in advance proves nothing. A record that knows someone only by a username (the
     * caseworker a supervisor registered, the note-taker a facilitator named) is matched once by a token carrying
     * that username, the record's role and the record's agency — and the service then stores that subject, so that
     * from then on only it matches. Role and agency are required in both cases.
     */
    static PersonMatch matchPerson(Caller caller, Role role, String agencyCode, String boundSubject, String username) {
        if (!caller.has(role) || agencyCode == null || !caller.belongsTo(agencyCode)) {
            return PersonMatch.NONE;
        }
        if (boundSubject != null) {
            return boundSubject.equals(caller.subject()) ? PersonMatch.SUBJECT : PersonMatch.NONE;
        }
        return username != null && username.equals(caller.username()) ? PersonMatch.FIRST_USE : PersonMatch.NONE;
    }

    /**
     * Two first uses of one name at once: the first binding wins, and whoever the record is now bound to is the
     * person; anyone else is answered as if the record did not exist.
     */
    public void requireBoundTo(String action, String targetType, UUID targetId, String boundSubject, String hiddenAs) {
        Caller caller = caller();
        if (!caller.subject().equals(boundSubject)) {
            throw refuse(caller, AuditLog.Entry.of(action, targetType, targetId, null), Refusals.hidden(hiddenAs));
        }
    }

    /** Work in the name of one's agency needs that agency to be registered in Casebridge. */
    public <T> T registeredAgency(Caller caller, String action, String targetType, Optional<T> agency) {
        return agency.orElseThrow(() -> refuse(caller, AuditLog.Entry.of(action, targetType, null, null),
                Refusals.forbidden("Your agency is not registered in Casebridge")));
    }

    // --- events ------------------------------------------------------------------------------------------

    /** A subscriber hears of a change only when it concerns their own agency (the agencies a referral connects, a conference's). */
    public boolean hears(Caller subscriber, Collection<String> concernedAgencies) {
        return subscriber.agencyCode() != null && concernedAgencies.contains(subscriber.agencyCode());
    }

    // --- aggregates --------------------------------------------------------------------------------------

    /** State leads read disclosure-controlled aggregates of their own state, and nothing record-level. */
    public Caller mayReadAggregatesOf(String state) {
        Caller caller = caller();
        if (!caller.has(Role.STATE_LEAD)) {
            throw Refusals.forbidden("Aggregates are for state leads");
        }
        if (caller.state() == null || !caller.state().equals(state)) {
            throw Refusals.forbidden("State leads read the figures of their own state only");
        }
        return caller;
    }

    /** Feedback results are read by the agency's supervisors, as aggregates only. */
    public Caller mayReadFeedbackResults() {
        Caller caller = caller();
        if (!caller.has(Role.SUPERVISOR) || caller.agencyCode() == null) {
            throw Refusals.forbidden("Feedback results are for the agency's supervisors");
        }
        return caller;
    }

    // --- the audit log -----------------------------------------------------------------------------------

    public Caller mayReadAuditLog() {
        Caller caller = caller();
        if (!caller.has(Role.AUDITOR)) {
            throw Refusals.forbidden("Only auditors read the audit log");
        }
        return caller;
    }
}
