package org.casebridge.casefile;

import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.support.CaseWork;
import org.casebridge.support.Cases;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a case stands among the six steps: derived from its records, and the lead agency lists its cases by step. */
@QuarkusTest
class CaseStepTest {

    static String step(String caseId) {
        return ok(Tokens.of("cw.amani"), "query($id: ID!) { case(id: $id) { currentStep } }", Map.of("id", caseId))
                .getString("data.case.currentStep");
    }

    static List<String> atStep(String user, String step) {
        return ok(Tokens.of(user), "query($s: CaseStep!) { cases(filter: {step: $s}, first: 100) { edges { node { id } } } }",
                Map.of("s", step)).getList("data.cases.edges.node.id");
    }

    @Test
    void aCaseMovesThroughTheStepsByWhatIsRecordedAndIsListedAtItsStep() {
        Map<String, Object> bare = new HashMap<>(Map.of("identity", Map.of("fullName", "Steps " + UUID.randomUUID()),
                "intakeNotice", Cases.intakeNotice()));
        String caseId = ok(Tokens.of("cw.amani"), "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id } } }",
                Map.of("i", bare)).getString("data.openCase.case.id");
        assertEquals("INTRODUCTION_AND_ENGAGEMENT", step(caseId));

        int version = ok(Tokens.of("cw.amani"), "query($id: ID!) { case(id: $id) { version } }", Map.of("id", caseId)).getInt("data.case.version");
        ok(Tokens.of("cw.amani"), "mutation($i: UpdateCaseInput!) { updateCase(input: $i) { case { id } } }",
                Map.of("i", Map.of("id", caseId, "version", version, "needs", List.of("HEALTH"), "riskLevel", "MEDIUM")));
        assertEquals("ASSESSMENT", step(caseId));

        CaseWork.addGoal("cw.amani", caseId, "AMANI");
        assertEquals("ACTION_PLANNING", step(caseId));

        ok(Tokens.of("cw.amani"), CaseActivityTest.RECORD, Map.of("i", CaseActivityTest.input(caseId, "EMOTIONAL_SUPPORT", true,
                OffsetDateTime.now())));
        assertEquals("IMPLEMENTATION", step(caseId));
        assertTrue(atStep("cw.amani", "IMPLEMENTATION").contains(caseId));
        assertTrue(atStep("sup.amani", "IMPLEMENTATION").contains(caseId));
        assertFalse(atStep("cw.amani", "ASSESSMENT").contains(caseId));

        String followUp = ok(Tokens.of("cw.amani"), "mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { followUp { id } } }",
                Map.of("i", Map.of("caseId", caseId, "schedule", Map.of("at", OffsetDateTime.now().plusSeconds(1).toString(), "mode", "PHONE"))))
                .getString("data.scheduleFollowUp.followUp.id");
        ok(Tokens.of("cw.amani"), "mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { followUp { status } } }",
                Map.of("i", CaseWork.withContact(Map.of("id", followUp, "version", 0, "contactMade", true, "at", OffsetDateTime.now().toString()))));
        assertEquals("FOLLOW_UP", step(caseId));

        ok(Tokens.of("cw.amani"), CaseWork.REQUEST, Map.of("i", CaseWork.closureInput(caseId, "SURVIVOR_REQUEST",
                List.of(Map.of("goalId", ok(Tokens.of("cw.amani"), "query($id: ID!) { case(id: $id) { actionPlan { goals { id } } } }",
                        Map.of("id", caseId)).getString("data.case.actionPlan.goals[0].id"), "status", "IN_PROGRESS")))));
        assertEquals("CLOSURE", step(caseId));
        assertTrue(atStep("sup.amani", "CLOSURE").contains(caseId));
        assertFalse(atStep("cw.kindred", "CLOSURE").contains(caseId), "another agency's staff never list it");
        error(call(Tokens.of("pr.stluke"), "{ cases(filter: {step: CLOSURE}) { totalCount } }"), "FORBIDDEN");
    }

    static List<String> steps() {
        return ok(Tokens.of("cw.amani"), "{ __type(name: \"CaseStep\") { enumValues { name } } }", Map.of()).getList("data.__type.enumValues.name");
    }

    @Test
    void theDemoHasACaseAtEveryStep() {
        for (String step : steps()) {
            List<String> demo = java.util.stream.Stream.of("sup.amani", "sup.kindred").flatMap(user -> atStep(user, step).stream())
                    .filter(id -> Cases.uuid(id).toString().startsWith("c0000000-")).toList();
            assertFalse(demo.isEmpty(), "no demo case at " + step);
        }
    }

    /**
     * The GraphiQL walk, kept: one case from intake to an approved closure through the API, doing at each step what
     * module 14 asks, and standing at each of the schema's steps in turn.
     */
    @Test
    void oneCaseWalksTheSixStepsFromIntakeToClosure() {
        List<String> seen = new java.util.ArrayList<>();
        String cw = Tokens.of("cw.amani");
        String caseId = ok(cw, "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id currentStep intakeNotice { mandatoryReportingExplained } } } }",
                Map.of("i", Map.of("identity", Map.of("fullName", "Walk " + UUID.randomUUID()), "intakeNotice", Cases.intakeNotice())))
                .getString("data.openCase.case.id");
        seen.add(step(caseId));

        int version = ok(cw, "query($id: ID!) { case(id: $id) { version } }", Map.of("id", caseId)).getInt("data.case.version");
        ok(cw, "mutation($i: UpdateCaseInput!) { updateCase(input: $i) { case { id } } }",
                Map.of("i", Map.of("id", caseId, "version", version, "needs", List.of("HEALTH"), "riskLevel", "HIGH")));
        seen.add(step(caseId));

        String goal = CaseWork.addGoal("cw.amani", caseId, "STLUKE");
        seen.add(step(caseId));

        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "HEALTH"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        Map<String, Object> accompaniment = CaseActivityTest.input(caseId, "ACCOMPANIMENT", true, OffsetDateTime.now());
        accompaniment.remove("outcome");
        accompaniment.put("referralId", referral);
        accompaniment.put("goalId", goal);
        String activity = ok(cw, CaseActivityTest.RECORD, Map.of("i", accompaniment)).getString("data.recordCaseActivity.activity.id");
        ok(cw, MandatoryReportTest.RECORD, Map.of("i", MandatoryReportTest.input(caseId)));
        seen.add(step(caseId));

        String followUp = ok(cw, "mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { followUp { id } } }",
                Map.of("i", Map.of("caseId", caseId, "schedule", Map.of("at", OffsetDateTime.now().plusSeconds(1).toString(), "mode", "HOME_VISIT"))))
                .getString("data.scheduleFollowUp.followUp.id");
        ok(cw, "mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { followUp { status } } }",
                Map.of("i", CaseWork.withContact(Map.of("id", followUp, "version", 0, "contactMade", true, "at", OffsetDateTime.now().toString(),
                        "referralOutcomeEntries", List.of(Map.of("referralId", referral, "outcome", "WAITING", "note", "Appointment on Friday"))))));
        seen.add(step(caseId));

        ok(cw, CaseActivityTest.OUTCOME, Map.of("i", Map.of("id", activity, "version", 0, "outcome", "Seen on Friday; treatment started")));
        for (String status : List.of("ACCEPTED", "IN_PROGRESS")) {
            ok(Tokens.of("pr.stluke"), Cases.CHANGE_STATUS, Map.of("i", Map.of("id", referral, "status", status,
                    "version", Cases.version(cw, referral))));
        }
        ok(Tokens.of("pr.stluke"), Cases.CHANGE_STATUS, Map.of("i", Map.of("id", referral, "status", "COMPLETED",
                "version", Cases.version(cw, referral), "outcome", Map.of("serviceProvided", true, "note", "Treatment completed"))));
        String closure = ok(cw, CaseWork.REQUEST, Map.of("i", CaseWork.closureInput(caseId, "NEEDS_MET",
                List.of(Map.of("goalId", goal, "status", "ACHIEVED"))))).getString("data.requestCaseClosure.closure.id");
        seen.add(step(caseId));
        assertEquals("CLOSED", ok(Tokens.of("sup.amani"), CaseWork.APPROVE, Map.of("i", Map.of("id", closure, "comment", "File complete")))
                .getString("data.approveCaseClosure.closure.case.status"));
        assertEquals("CLOSURE", step(caseId));
        assertEquals(java.util.Arrays.stream(CaseStep.Step.values()).map(Enum::name).toList(), seen, "the case stood at each of the six steps, in order");
        assertEquals(new java.util.TreeSet<>(steps()), new java.util.TreeSet<>(seen), "and those are the schema's steps");
    }
}
