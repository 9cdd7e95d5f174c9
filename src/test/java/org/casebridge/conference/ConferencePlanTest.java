package org.casebridge.conference;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.CaseWork;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Conferences adjust the plan (module 14): why one was called, its ongoing issues, goal revisions naming it. */
@QuarkusTest
class ConferencePlanTest {

    static final String REVISE = """
            mutation($i: ReviseActionPlanGoalInput!) { reviseActionPlanGoal(input: $i) { goal { id version } } }""";

    static String heldConference(String caseId) {
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "CONFERENCE"), "CASE_CONFERENCE");
        Map<String, Object> input = new HashMap<>(ConferenceTest.callInput(caseId, List.of(Map.of("agencyCode", "STLUKE"))));
        input.put("calledBecause", "NEEDS_NOT_MET");
        input.put("calledBecauseNote", "She missed two clinic visits");
        JsonPath called = ok(Tokens.of("cw.amani"), ConferenceTest.CALL, Map.of("i", input));
        String id = called.getString("data.callConference.conference.id");
        ok(Tokens.of("cw.amani"), "mutation($i: RecordConferenceInput!) { recordConference(input: $i) { conference { status } } }",
                Map.of("i", Map.of("id", id, "version", called.getInt("data.callConference.conference.version"),
                        "decisions", "Clinic visits on Tuesdays", "ongoingIssues", "Transport to the clinic")));
        return id;
    }

    @Test
    void aConferencesDecisionRevisesAGoalAndTheRevisionNamesIt() {
        String caseId = Cases.open("cw.amani", "Conference plan " + UUID.randomUUID());
        String goal = CaseWork.addGoal("cw.amani", caseId, "STLUKE");
        String conference = heldConference(caseId);
        JsonPath read = ok(Tokens.of("cw.amani"), "query($id: ID!) { conference(id: $id) { calledBecause calledBecauseNote minutes { ongoingIssues } } }",
                Map.of("id", conference));
        assertEquals("NEEDS_NOT_MET", read.getString("data.conference.calledBecause"));
        assertEquals("Transport to the clinic", read.getString("data.conference.minutes.ongoingIssues"));

        ok(Tokens.of("cw.amani"), REVISE, Map.of("i", Map.of("id", goal, "version", 0, "actions", "Clinic visits on Tuesdays with her sister",
                "note", "Decided at the conference", "conferenceId", conference)));
        List<String> named = ok(Tokens.of("cw.amani"), "query($id: ID!) { case(id: $id) { actionPlan { goals { revisions { conferenceId } } } } }",
                Map.of("id", caseId)).getList("data.case.actionPlan.goals[0].revisions.conferenceId");
        assertNull(named.get(0));
        assertEquals(conference, named.get(1));
    }

    @Test
    void aRevisionCannotNameAnotherCasesConferenceAndNothingIsStored() {
        String caseId = Cases.open("cw.amani", "Conference plan refused " + UUID.randomUUID());
        String goal = CaseWork.addGoal("cw.amani", caseId, "STLUKE");
        String other = Cases.open("cw.amani", "Other conference " + UUID.randomUUID());
        String othersConference = heldConference(other);
        var refused = error(call(Tokens.of("cw.amani"), REVISE, Map.of("i", Map.of("id", goal, "version", 0, "actions", "x",
                "conferenceId", othersConference))), "VALIDATION_FAILED");
        assertEquals("input.conferenceId", field(refused));
        assertEquals(1, Db.count("select count(*) from action_plan_revision r join action_plan_goal g on g.id = r.goal_id where g.case_id = ?",
                Cases.uuid(caseId)));
        assertEquals(0, ((Number) Db.row("select version from action_plan_goal where case_id = ?", Cases.uuid(caseId)).get("version")).intValue());
    }
}
