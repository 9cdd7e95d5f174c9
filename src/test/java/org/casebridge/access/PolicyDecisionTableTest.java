package org.casebridge.access;

import org.casebridge.access.AccessPolicy.PersonMatch;
import org.casebridge.access.ConferencePolicy.ConferenceFollowers;
import org.casebridge.access.ConferencePolicy.ConferenceSide;
import org.casebridge.access.ConferencePolicy.InvitationVisibility;
import org.casebridge.access.ReferralPolicy.ReferralSide;
import org.casebridge.access.SessionPolicy.SessionPart;
import org.casebridge.access.SupervisionPolicy.ObservationScope;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision tables of the policies (the core {@link AccessPolicy} and each capability's policy), without Quarkus:
 * every caller (each role alone, caseworker and supervisor together, none; of the record's agency, another, none)
 * against every relation to the record, checked against the rule written out once more here. A refusal carries the
 * expected code and leaves exactly one denied audit entry (none for the lists and aggregates, whose refusals were never
 * audited); an allowed decision leaves none.
 */
class PolicyDecisionTableTest {

    static final String OWN = "OWN";
    static final String ME = "me";
    static final String MY_NAME = "me-user";
    static final UUID ID = UUID.randomUUID();

    final List<AuditLog.Entry> denied = new ArrayList<>();
    Caller current;

    final AuditLog audit = new AuditLog(null, null) {
        @Override
        public void denied(Caller caller, Entry entry) {
            denied.add(entry);
        }
    };
    final CurrentCaller currentCaller = new CurrentCaller(null) {
        @Override
        public Caller get() {
            return current;
        }
    };
    final Refusals refusals = new Refusals(audit);
    final SupervisionPolicy supervision = new SupervisionPolicy(currentCaller, refusals);
    final FeedbackPolicy feedback = new FeedbackPolicy(currentCaller, refusals);
    final AccessPolicy access = new AccessPolicy(currentCaller, null, refusals, Clock.systemUTC(), Duration.ofDays(30));
    final CasePolicy cases = new CasePolicy(currentCaller, access, refusals);
    final ReferralPolicy referrals = new ReferralPolicy(currentCaller, refusals);
    final ConferencePolicy conferences = new ConferencePolicy(currentCaller, access, referrals, refusals);
    final SessionPolicy sessions = new SessionPolicy(currentCaller, refusals);
    final DirectoryPolicy directory = new DirectoryPolicy(currentCaller, refusals);
    final InsightPolicy insight = new InsightPolicy(currentCaller);

    static final List<String> AGENCIES = Arrays.asList(OWN, "OTHER", null);

    static List<Caller> callers() {
        List<Set<Role>> roleSets = new ArrayList<>();
        roleSets.add(Set.of());
        Arrays.stream(Role.values()).forEach(r -> roleSets.add(Set.of(r)));
        roleSets.add(EnumSet.of(Role.CASEWORKER, Role.SUPERVISOR));
        List<Caller> callers = new ArrayList<>();
        for (Set<Role> roles : roleSets) {
            for (String agency : Arrays.asList(OWN, "OTHER", null)) {
                callers.add(new Caller(ME, MY_NAME, agency, "Lagos", roles));
            }
        }
        return callers;
    }

    /** The person a record names: bound to a subject (mine, someone's) or only by a username (mine, another's). */
    record Named(String subject, String username) {
    }

    static final List<Named> NAMED = List.of(new Named(ME, MY_NAME), new Named(ME, "other-user"), new Named("someone", MY_NAME),
            new Named(null, MY_NAME), new Named(null, "other-user"), new Named(null, null));

    /** The rule of naming: same role and agency, and the bound subject, or (unbound) the username. */
    static boolean isNamed(Caller caller, Role role, String agency, Named named) {
        return caller.roles().contains(role) && agency != null && agency.equals(caller.agencyCode())
                && (named.subject() != null ? named.subject().equals(ME) : MY_NAME.equals(named.username()));
    }

    /** Runs a decision as {@code caller}: null when allowed, else the refusal's code; checks the audit trail either way. */
    ErrorCode decide(Caller caller, boolean audited, Supplier<?> decision) {
        current = caller;
        denied.clear();
        try {
            decision.get();
            assertEquals(List.of(), denied, "an allowed decision writes no denied entry");
            return null;
        } catch (ApiException refusal) {
            assertEquals(audited ? 1 : 0, denied.size(), "denied entries of " + refusal.getMessage());
            return refusal.code();
        }
    }

    @Test
    void supervisorsManageOnlyTheirOwnAgency() {
        for (Caller caller : callers()) {
            for (String agency : Arrays.asList(OWN, "OTHER", null)) {
                boolean allowed = caller.roles().contains(Role.SUPERVISOR) && agency != null && agency.equals(caller.agencyCode());
                assertEquals(allowed ? null : ErrorCode.NOT_FOUND,
                        decide(caller, true, () -> supervision.mayManageSupervision("caseworker.list", agency, null)), caller + " " + agency);
            }
        }
    }

    @Test
    void anObservationIsSeenByItsCaseworkerAndTheAgencysSupervisorsEditedOnlyBySupervisorsAcknowledgedOnlyByTheCaseworker() {
        for (Caller caller : callers()) {
            for (String agency : Arrays.asList(OWN, "OTHER", null)) {
                for (Named named : NAMED) {
                    boolean supervisor = caller.roles().contains(Role.SUPERVISOR) && agency != null && agency.equals(caller.agencyCode());
                    boolean observed = isNamed(caller, Role.CASEWORKER, agency, named);
                    boolean sees = supervisor || observed;
                    String why = caller + " " + agency + " " + named;
                    assertEquals(sees ? null : ErrorCode.NOT_FOUND, decide(caller, true,
                            () -> supervision.mayViewObservation("observation.read", ID, agency, named.subject(), named.username())), why);
                    assertEquals(!sees ? ErrorCode.NOT_FOUND : caller.roles().contains(Role.SUPERVISOR) ? null : ErrorCode.FORBIDDEN,
                            decide(caller, true, () -> supervision.mayEditObservation("observation.update", ID, agency, named.subject(),
                                    named.username())), why);
                    assertEquals(!sees ? ErrorCode.NOT_FOUND : observed ? null : ErrorCode.FORBIDDEN, decide(caller, true,
                            () -> supervision.mayAcknowledgeObservation(ID, agency, named.subject(), named.username())), why);
                    PersonMatch match = supervision.matchCaseworker(caller, agency, named.subject(), named.username());
                    assertEquals(!observed ? PersonMatch.NONE : named.subject() == null ? PersonMatch.FIRST_USE : PersonMatch.SUBJECT, match, why);
                }
            }
        }
    }

    @Test
    void observationsAreListedBySupervisorsForTheAgencyAndByCaseworkersForThemselves() {
        for (Caller caller : callers()) {
            ObservationScope expected = caller.agencyCode() == null ? null
                    : caller.roles().contains(Role.SUPERVISOR) ? ObservationScope.AGENCY
                    : caller.roles().contains(Role.CASEWORKER) ? ObservationScope.OWN : null;
            ObservationScope[] scope = new ObservationScope[1];
            ErrorCode code = decide(caller, true, () -> scope[0] = supervision.observationScope("observation.list"));
            assertEquals(expected == null ? ErrorCode.FORBIDDEN : null, code, caller.toString());
            assertEquals(expected, scope[0], caller.toString());
        }
    }

    @Test
    void theCasesOwnCaseworkerNeverAdministersHerFeedbackAndOnlyTheInterviewerEntersTheAnswers() {
        for (Caller caller : callers()) {
            for (String subject : Arrays.asList(ME, "someone", null)) {
                assertEquals(ME.equals(subject) ? ErrorCode.FORBIDDEN : null,
                        decide(caller, true, () -> feedback.mayAdministerFeedback(ID, subject)), caller + " " + subject);
                assertEquals(ME.equals(subject) ? null : ErrorCode.NOT_FOUND,
                        decide(caller, true, () -> feedback.mayEnterInterview("FeedbackSurveyAdministration", ID, subject)), caller + " " + subject);
            }
        }
    }

    @Test
    void onlyTheSideAStatusBelongsToMovesAReferral() {
        for (ReferralSide side : ReferralSide.values()) {
            for (ReferralSide mover : ReferralSide.values()) {
                assertEquals(side == mover ? null : ErrorCode.FORBIDDEN, decide(callers().get(0), true, () -> {
                    referrals.mayMoveReferral(side, mover, ID, ID, "REQUESTED", "ACCEPTED");
                    return null;
                }), side + " moved by " + mover);
            }
        }
    }

    @Test
    void aRecordBoundToSomeoneElseIsNotThere() {
        for (String bound : Arrays.asList(ME, "someone", null)) {
            assertEquals(ME.equals(bound) ? null : ErrorCode.NOT_FOUND, decide(callers().get(0), true, () -> {
                access.requireBoundTo("caseworker.bind", "Caseworker", ID, bound, "Observation");
                return null;
            }), String.valueOf(bound));
        }
    }

    @Test
    void workForAnUnregisteredAgencyIsRefused() {
        for (Optional<String> agency : List.of(Optional.of("agency"), Optional.<String>empty())) {
            assertEquals(agency.isPresent() ? null : ErrorCode.FORBIDDEN,
                    decide(callers().get(0), true, () -> access.registeredAgency(callers().get(0), "case.open", "Case", agency)));
        }
    }

    @Test
    void aSubscriberHearsOnlyOfEventsConcerningTheirAgency() {
        for (Caller caller : callers()) {
            for (List<String> agencies : List.of(List.of(OWN, "OTHER"), List.of("OTHER"), List.<String>of())) {
                assertEquals(caller.agencyCode() != null && agencies.contains(caller.agencyCode()), access.hears(caller, agencies),
                        caller + " " + agencies);
            }
        }
    }

    static boolean staff(Caller caller) {
        return caller.roles().contains(Role.CASEWORKER) || caller.roles().contains(Role.SUPERVISOR);
    }

    static boolean referralStaff(Caller caller) {
        return staff(caller) || caller.roles().contains(Role.PROVIDER);
    }

    static boolean of(Caller caller, String agency) {
        return agency != null && agency.equals(caller.agencyCode());
    }

    // --- the core (AccessPolicy) -------------------------------------------------------------------------

    @Test
    void onlyASupervisorSharesWithoutConsentOrWithdrawsTheLeadAgencysDecision() {
        for (Caller caller : callers()) {
            boolean supervisor = caller.roles().contains(Role.SUPERVISOR);
            assertEquals(supervisor ? null : ErrorCode.FORBIDDEN, decide(caller, true, () -> {
                access.mayShareWithoutConsent(caller, "referral.create", ID);
                return null;
            }), caller.toString());
            for (String lead : AGENCIES) {
                assertEquals(!(staff(caller) && of(caller, lead)) ? ErrorCode.NOT_FOUND : supervisor ? null : ErrorCode.FORBIDDEN,
                        decide(caller, true, () -> access.mayWithdrawSharingDecision(ID, ID, lead)), caller + " " + lead);
                assertEquals(staff(caller) && of(caller, lead), access.isLeadStaff(caller, lead), caller + " " + lead);
            }
        }
    }

    @Test
    void onlyAuditorsReadTheAuditLog() {
        for (Caller caller : callers()) {
            assertEquals(caller.roles().contains(Role.AUDITOR) ? null : ErrorCode.FORBIDDEN,
                    decide(caller, false, access::mayReadAuditLog), caller.toString());
        }
    }

    // --- CasePolicy ----------------------------------------------------------------------------------------

    @Test
    void caseManagementStaffManageCasesAndOnlyTheLeadAgencysStaffWorkOnOne() {
        for (Caller caller : callers()) {
            assertEquals(staff(caller) && caller.agencyCode() != null ? null : ErrorCode.FORBIDDEN,
                    decide(caller, true, () -> cases.mayManageCases("case.list")), caller.toString());
            assertEquals(caller.roles().contains(Role.SUPERVISOR), cases.overseesAgencyCases(caller), caller.toString());
            for (String lead : AGENCIES) {
                assertEquals(staff(caller) && of(caller, lead) ? null : ErrorCode.NOT_FOUND,
                        decide(caller, true, () -> cases.mayWorkOnCase("case.read", ID, lead)), caller + " " + lead);
            }
        }
    }

    @Test
    void aClosureIsDecidedByAnotherSupervisorOfTheLeadAgency() {
        for (Caller caller : callers()) {
            for (String lead : AGENCIES) {
                for (String requestedBy : Arrays.asList(ME, "someone", null)) {
                    ErrorCode expected = !(staff(caller) && of(caller, lead)) ? ErrorCode.NOT_FOUND
                            : !caller.roles().contains(Role.SUPERVISOR) || ME.equals(requestedBy) ? ErrorCode.FORBIDDEN : null;
                    assertEquals(expected, decide(caller, true, () -> cases.mayDecideClosure("closure.approve", ID, ID, lead, requestedBy)),
                            caller + " " + lead + " " + requestedBy);
                }
            }
        }
    }

    // --- ReferralPolicy ------------------------------------------------------------------------------------

    @Test
    void aReferralIsSeenByTheTwoAgenciesItConnectsAndListedByTheirStaff() {
        for (Caller caller : callers()) {
            for (String from : AGENCIES) {
                for (String to : AGENCIES) {
                    ReferralSide expected = staff(caller) && of(caller, from) ? ReferralSide.REFERRER
                            : referralStaff(caller) && of(caller, to) ? ReferralSide.RECEIVER : ReferralSide.NONE;
                    assertEquals(expected, referrals.sideOf(caller, from, to), caller + " " + from + "->" + to);
                    ReferralSide[] side = new ReferralSide[1];
                    assertEquals(expected == ReferralSide.NONE ? ErrorCode.NOT_FOUND : null, decide(caller, true,
                            () -> side[0] = referrals.mayViewReferral("referral.read", ID, ID, from, to)), caller + " " + from + "->" + to);
                    assertEquals(expected == ReferralSide.NONE ? null : expected, side[0]);
                }
            }
            assertEquals(staff(caller) && caller.agencyCode() != null ? null : ErrorCode.FORBIDDEN,
                    decide(caller, false, referrals::mayListReferralsSent), caller.toString());
            assertEquals(referralStaff(caller) && caller.agencyCode() != null ? null : ErrorCode.FORBIDDEN,
                    decide(caller, false, referrals::mayListReferrals), caller.toString());
        }
    }

    /** Every kind of disclosure: the lead agency's, and through a route open or closed, with each grant. */
    static List<Disclosure> disclosures() {
        List<Disclosure> all = new ArrayList<>();
        for (boolean open : List.of(true, false)) {
            for (Set<InformationCategory> granted : List.of(EnumSet.noneOf(InformationCategory.class),
                    EnumSet.of(InformationCategory.CASE_SUMMARY), EnumSet.of(InformationCategory.CONFERENCE))) {
                all.add(new Disclosure(ID, false, open, granted));
            }
        }
        all.add(new Disclosure(ID, true, true, EnumSet.allOf(InformationCategory.class)));
        return all;
    }

    @Test
    void aHistoryNoteIsReadByTheLeadAgencyItsOwnAgencyAndAsTheCaseSummary() {
        for (Caller caller : callers()) {
            for (Disclosure disclosure : disclosures()) {
                for (String writtenBy : AGENCIES) {
                    assertEquals(disclosure.leadAgency() || of(caller, writtenBy) || disclosure.granted().contains(InformationCategory.CASE_SUMMARY),
                            referrals.mayReadHistoryNote(caller, disclosure, writtenBy), caller + " " + disclosure + " " + writtenBy);
                }
            }
        }
    }

    // --- ConferencePolicy ----------------------------------------------------------------------------------

    @Test
    void aConferenceIsSeenByTheLeadAgencyAndTheInvitedAndRunByTheLeadAgency() {
        for (Caller caller : callers()) {
            for (String lead : AGENCIES) {
                // immutable lists, as the services pass them: their contains(null) throws
                for (List<String> invited : List.of(List.<String>of(), List.of(OWN), List.of("OTHER"))) {
                    ConferenceSide expected = lead != null && staff(caller) && of(caller, lead) ? ConferenceSide.LEAD
                            : lead != null && referralStaff(caller) && caller.agencyCode() != null && invited.contains(caller.agencyCode()) ? ConferenceSide.INVITED : null;
                    ConferenceSide[] side = new ConferenceSide[1];
                    assertEquals(expected == null ? ErrorCode.NOT_FOUND : null, decide(caller, true,
                            () -> side[0] = conferences.mayViewConference("conference.read", ID, ID, lead, invited)), caller + " " + lead + " " + invited);
                    assertEquals(expected, side[0]);
                    Set<String> openRoute = Set.copyOf(invited);
                    assertEquals(staff(caller) && of(caller, lead) || referralStaff(caller) && caller.agencyCode() != null && openRoute.contains(caller.agencyCode()),
                            conferences.follows(caller, new ConferenceFollowers(lead, openRoute)), caller + " " + lead + " " + invited);
                }
            }
            for (ConferenceSide side : ConferenceSide.values()) {
                assertEquals(side == ConferenceSide.LEAD ? null : ErrorCode.FORBIDDEN, decide(caller, true, () -> {
                    conferences.mayRunConference("conference.update", side, ID, ID);
                    return null;
                }), caller + " " + side);
            }
            assertEquals(referralStaff(caller) && caller.agencyCode() != null ? null : ErrorCode.FORBIDDEN,
                    decide(caller, false, conferences::mayFollowCaseWork), caller.toString());
        }
    }

    @Test
    void anInvitationsBasisIsShownToTheLeadAgencyAndToItsOwnAgencyWhileItsRouteIsOpen() {
        for (Caller caller : callers()) {
            for (Disclosure disclosure : disclosures()) {
                for (String invited : AGENCIES) {
                    InvitationVisibility expected = disclosure.leadAgency() || of(caller, invited) && disclosure.routeOpen()
                            ? InvitationVisibility.WITH_BASIS
                            : of(caller, invited) || disclosure.granted().contains(InformationCategory.CONFERENCE)
                            ? InvitationVisibility.WITHOUT_BASIS : InvitationVisibility.HIDDEN;
                    assertEquals(expected, conferences.invitationVisibility(caller, disclosure, invited), caller + " " + disclosure + " " + invited);
                }
            }
        }
    }

    @Test
    void anActionItemIsUpdatedByTheAgencyItIsAssignedTo() {
        for (Caller caller : callers()) {
            for (String assigned : AGENCIES) {
                assertEquals(of(caller, assigned) ? null : ErrorCode.FORBIDDEN, decide(caller, true, () -> {
                    conferences.mayUpdateActionItem(ID, ID, assigned);
                    return null;
                }), caller + " " + assigned);
            }
        }
    }

    /**
     * A move is offered ({@code updatesActionItem}) exactly when updateActionItem's decisions let it through: the
     * conference seen by the caller ({@code mayViewConference}, the assigned agency invited unless it leads) and the
     * item assigned to the caller's agency ({@code mayUpdateActionItem}).
     */
    @Test
    void anActionItemsMoveIsOfferedExactlyWhenUpdateActionItemsDecisionsAllowIt() {
        for (Caller caller : callers()) {
            for (String lead : List.of(OWN, "OTHER")) {
                for (String assigned : List.of(OWN, "OTHER", "THIRD")) {
                    List<String> invited = assigned.equals(lead) ? List.of() : List.of(assigned);
                    boolean allowed = decide(caller, true, () -> conferences.mayViewConference("actionitem.update", ID, ID, lead, invited)) == null
                            && decide(caller, true, () -> {
                                conferences.mayUpdateActionItem(ID, ID, assigned);
                                return null;
                            }) == null;
                    assertEquals(allowed, conferences.updatesActionItem(caller, lead, assigned), caller + " lead " + lead + " assigned " + assigned);
                }
            }
        }
    }

    // --- SessionPolicy -------------------------------------------------------------------------------------

    @Test
    void facilitatorsOfAnAgencyPlanSessionsAndTheAdminsOfLeadAgenciesExtendTheThemes() {
        for (Caller caller : callers()) {
            boolean facilitator = caller.roles().contains(Role.FACILITATOR);
            assertEquals(facilitator ? null : ErrorCode.FORBIDDEN, decide(caller, true, () -> sessions.mayFacilitate("guide.list")), caller.toString());
            assertEquals(facilitator && caller.agencyCode() != null ? null : ErrorCode.FORBIDDEN,
                    decide(caller, true, sessions::mayPlanSession), caller.toString());
            for (boolean leadsCases : List.of(true, false)) {
                assertEquals(caller.roles().contains(Role.AGENCY_ADMIN) && caller.agencyCode() != null && leadsCases ? null : ErrorCode.FORBIDDEN,
                        decide(caller, true, () -> sessions.mayExtendThemeList(leadsCases)), caller + " " + leadsCases);
            }
        }
    }

    @Test
    void aSessionIsWorkedOnByItsFacilitatorAndItsNoteTakerOnly() {
        for (Caller caller : callers()) {
            for (String facilitator : Arrays.asList(ME, "someone", null)) {
                for (String agency : AGENCIES) {
                    for (Named noteTaker : NAMED) {
                        SessionPart expected = !caller.roles().contains(Role.FACILITATOR) || facilitator == null ? SessionPart.NONE
                                : facilitator.equals(ME) ? SessionPart.FACILITATOR
                                : isNamed(caller, Role.FACILITATOR, agency, noteTaker) ? SessionPart.NOTE_TAKER : SessionPart.NONE;
                        String why = caller + " " + facilitator + " " + agency + " " + noteTaker;
                        assertEquals(expected, sessions.partInSession(caller, facilitator, agency, noteTaker.subject(), noteTaker.username()), why);
                        assertEquals(expected == SessionPart.NONE ? ErrorCode.NOT_FOUND : null, decide(caller, true,
                                () -> sessions.mayWorkOnSession("session.read", ID, facilitator, agency, noteTaker.subject(), noteTaker.username())), why);
                    }
                }
            }
        }
    }

    // --- DirectoryPolicy and InsightPolicy -----------------------------------------------------------------

    @Test
    void everyoneReadsTheDirectoryAndAnAgencysAdminsManageItsPart() {
        for (Caller caller : callers()) {
            assertEquals(null, decide(caller, true, directory::mayReadDirectory), caller.toString());
            for (String agency : AGENCIES) {
                assertEquals(caller.roles().contains(Role.AGENCY_ADMIN) && of(caller, agency) ? null : ErrorCode.FORBIDDEN,
                        decide(caller, true, () -> directory.mayManageDirectoryOf("service.update", ID, agency)), caller + " " + agency);
            }
        }
    }

    @Test
    void stateLeadsReadTheirStatesAggregatesAndSupervisorsTheirAgencysFeedbackResults() {
        for (Caller base : callers()) {
            for (String callersState : Arrays.asList("Lagos", null)) {
                Caller caller = new Caller(base.subject(), base.username(), base.agencyCode(), callersState, base.roles());
                for (String state : Arrays.asList("Lagos", "Borno", null)) {
                    assertEquals(caller.roles().contains(Role.STATE_LEAD) && callersState != null && callersState.equals(state) ? null : ErrorCode.FORBIDDEN,
                            decide(caller, false, () -> insight.mayReadAggregatesOf(state)), caller + " " + state);
                }
                assertEquals(caller.roles().contains(Role.SUPERVISOR) && caller.agencyCode() != null ? null : ErrorCode.FORBIDDEN,
                        decide(caller, false, insight::mayReadFeedbackResults), caller.toString());
            }
        }
    }

    @Test
    void everyRoleIsInTheTable() {
        assertTrue(Stream.of(Role.values()).allMatch(r -> callers().stream().anyMatch(c -> c.roles().equals(Set.of(r)))));
    }
}
