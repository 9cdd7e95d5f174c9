package org.casebridge.access;

import org.casebridge.access.AccessPolicy.PersonMatch;
import org.casebridge.access.ReferralPolicy.ReferralSide;
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
 * The decision tables of the supervision, feedback and shared policies, without Quarkus: every caller (each role alone,
 * caseworker and supervisor together, none; of the record's agency, another, none) against every relation to the
 * record, checked against the rule written out once more here. A refusal carries the expected code and leaves exactly
 * one denied audit entry; an allowed decision leaves none.
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
    final ReferralPolicy referrals = new ReferralPolicy(currentCaller, refusals);

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

    @Test
    void everyRoleIsInTheTable() {
        assertTrue(Stream.of(Role.values()).allMatch(r -> callers().stream().anyMatch(c -> c.roles().equals(Set.of(r)))));
    }
}
