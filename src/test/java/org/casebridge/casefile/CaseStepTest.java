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
}
