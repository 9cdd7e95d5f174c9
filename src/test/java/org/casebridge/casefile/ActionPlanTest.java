package org.casebridge.casefile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.CaseWork;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The action plan: goals per need area, every revision kept, shared only as CASE_PLAN. */
@QuarkusTest
class ActionPlanTest {

    static final String REVISE = """
            mutation($i: ReviseActionPlanGoalInput!) { reviseActionPlanGoal(input: $i) { goal { id status version } } }""";

    @Test
    void everyRevisionIsKeptAndAStaleVersionIsRefused() {
        String caseId = Cases.open("cw.amani", "Plan " + UUID.randomUUID());
        String goal = CaseWork.addGoal("cw.amani", caseId, "STLUKE");
        ok(Tokens.of("cw.amani"), REVISE, Map.of("i", Map.of("id", goal, "version", 0, "status", "IN_PROGRESS", "note", "First visit done")));
        ok(Tokens.of("sup.amani"), REVISE, Map.of("i", Map.of("id", goal, "version", 1, "responsibleAgencyCode", "LAWCENTRE",
                "actions", "Legal advice first", "note", "Her priority changed")));
        error(call(Tokens.of("cw.amani"), REVISE, Map.of("i", Map.of("id", goal, "version", 1, "status", "ACHIEVED"))), "CONFLICT");
        error(call(Tokens.of("cw.kindred"), REVISE, Map.of("i", Map.of("id", goal, "version", 2, "status", "ACHIEVED"))), "NOT_FOUND");
        error(call(Tokens.of("cw.amani"), REVISE, Map.of("i", Map.of("id", goal, "version", 2, "responsibleAgencyCode", "NOPE"))),
                "VALIDATION_FAILED");

        JsonPath plan = ok(Tokens.of("cw.amani"), """
                query($c: ID!) { case(id: $c) { actionPlan { goals { status responsibleAgency { code }
                  revisions { revision status responsibleAgencyCode actions note revisedByName } } } } }""", Map.of("c", caseId));
        assertEquals("IN_PROGRESS", plan.getString("data.case.actionPlan.goals[0].status"));
        assertEquals("LAWCENTRE", plan.getString("data.case.actionPlan.goals[0].responsibleAgency.code"));
        assertEquals(List.of(1, 2, 3), plan.getList("data.case.actionPlan.goals[0].revisions.revision"));
        assertEquals(List.of("NOT_STARTED", "IN_PROGRESS", "IN_PROGRESS"), plan.getList("data.case.actionPlan.goals[0].revisions.status"));
        assertEquals(List.of("STLUKE", "STLUKE", "LAWCENTRE"), plan.getList("data.case.actionPlan.goals[0].revisions.responsibleAgencyCode"));
        assertEquals(List.of("cw.amani", "cw.amani", "sup.amani"), plan.getList("data.case.actionPlan.goals[0].revisions.revisedByName"));
        assertEquals(3, Db.count("select count(*) from action_plan_revision where goal_id = ?", Cases.uuid(goal)));
    }

    @Test
    void anotherAgencySeesThePlanOnlyWithACasePlanConsent() {
        String caseId = Cases.open("cw.amani", "Shared plan " + UUID.randomUUID());
        CaseWork.addGoal("cw.amani", caseId, "STLUKE");
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "CASE_PLAN"), "REFERRAL");
        Cases.consent("cw.amani", caseId, "LAWCENTRE", List.of("CASE_SUMMARY"), "REFERRAL");
        String clinic = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        String legal = Cases.refer("cw.amani", caseId, Cases.LEGAL_AID);
        String query = "query($r: ID!) { referral(id: $r) { case { actionPlan { goals { goal } } } } }";

        assertEquals(List.of("Recover physical health"), ok(Tokens.of("pr.stluke"), query, Map.of("r", clinic))
                .getList("data.referral.case.actionPlan.goals.goal"));
        JsonPath refused = call(Tokens.of("pr.lawcentre"), query, Map.of("r", legal));
        assertNull(refused.get("data.referral.case.actionPlan"));
        assertEquals("CONSENT_REQUIRED", refused.getString("errors[0].extensions.code"));
        assertEquals(List.of("referral", "case", "actionPlan"), refused.getList("errors[0].path"));
        error(call(Tokens.of("pr.stluke"), """
                mutation($i: AddActionPlanGoalInput!) { addActionPlanGoal(input: $i) { goal { id } } }""",
                Map.of("i", Map.of("caseId", caseId, "needArea", "HEALTH", "goal", "g", "actions", "a", "responsibleAgencyCode", "STLUKE"))),
                "NOT_FOUND");
        assertEquals(1, Db.count("select count(*) from action_plan_goal where case_id = ?", Cases.uuid(caseId)));
    }
}
