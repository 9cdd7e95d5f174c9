package org.casebridge.closure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.CaseWork;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.casebridge.support.CaseWork.caseStatus;
import static org.casebridge.support.CaseWork.requestClosure;
import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closure checklist depends on the reason (module 14, step 6): an item that could not be done records why, never a
 * false "true"; the closing conversation is recorded where she is present. Reasons and items come from the live schema.
 */
@QuarkusTest
class ClosureChecklistTest {

    static final String REQUEST = """
            mutation($i: RequestCaseClosureInput!) { requestCaseClosure(input: $i) { closure { id status
              safetyPlanReviewed actionPlanReviewed survivorToldSheCanReturn fileReviewedAndComplete
              checklist { item done notDoneBecause } closingConversation { contactAt mode futureAspirations } } } }""";

    /** Written from the module's intent, not read from the server: what must be done before closure, per reason. */
    static final Map<String, Set<String>> MUST_BE_DONE = Map.of(
            "NEEDS_MET", Set.of("SAFETY_PLAN_REVIEWED", "ACTION_PLAN_REVIEWED", "SURVIVOR_TOLD_SHE_CAN_RETURN", "FILE_REVIEWED_AND_COMPLETE"),
            "SURVIVOR_REQUEST", Set.of("SURVIVOR_TOLD_SHE_CAN_RETURN", "FILE_REVIEWED_AND_COMPLETE"),
            "RELOCATED", Set.of("FILE_REVIEWED_AND_COMPLETE"),
            "UNREACHABLE", Set.of("FILE_REVIEWED_AND_COMPLETE"));
    /** Where she is present the closing conversation is required; an unreachable survivor cannot have had one. */
    static final Map<String, String> CONVERSATION = Map.of("NEEDS_MET", "REQUIRED", "SURVIVOR_REQUEST", "REQUIRED",
            "RELOCATED", "OPTIONAL", "UNREACHABLE", "NOT_POSSIBLE");
    static final Map<String, String> INPUT_FIELD = Map.of("SAFETY_PLAN_REVIEWED", "safetyPlanReviewed",
            "ACTION_PLAN_REVIEWED", "actionPlanReviewed", "SURVIVOR_TOLD_SHE_CAN_RETURN", "survivorToldSheCanReturn",
            "FILE_REVIEWED_AND_COMPLETE", "fileReviewedAndComplete");

    static List<String> enumValues(String type) {
        return ok(Tokens.of("cw.amani"), "query($t: String!) { __type(name: $t) { enumValues { name } } }", Map.of("t", type))
                .getList("data.__type.enumValues.name");
    }

    static String caseFor(String reason) {
        String caseId = Cases.open("cw.amani", "Closure " + reason + " " + UUID.randomUUID());
        if (reason.equals("UNREACHABLE")) {
            Db.execute("update survivor_case set opened_at = now() - interval '60 days', "
                    + "last_contact_at = now() - interval '31 days' where id = ?", Cases.uuid(caseId));
        }
        return caseId;
    }

    static Map<String, Object> conversation() {
        return Map.of("contactAt", OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), "mode", "IN_PERSON",
                "progressAndChangesReviewed", "Back at work; sleeps well again", "futureAspirations", "Wants to open a shop");
    }

    static Map<String, Object> input(String caseId, String reason, Map<String, Boolean> done, List<Map<String, Object>> notDone) {
        Map<String, Object> checklist = new HashMap<>(done);
        checklist.put("notDone", notDone);
        Map<String, Object> input = new HashMap<>(Map.of("caseId", caseId, "reason", reason, "checklist", checklist, "goalReviews", List.of()));
        if (!CONVERSATION.get(reason).equals("NOT_POSSIBLE")) {
            input.put("closingConversation", conversation());
        }
        return input;
    }

    static Map<String, Boolean> allDone() {
        Map<String, Boolean> done = new LinkedHashMap<>();
        INPUT_FIELD.values().forEach(f -> done.put(f, true));
        return done;
    }

    static long closures(String caseId) {
        return Db.count("select count(*) from case_closure where case_id = ?", Cases.uuid(caseId));
    }

    @Test
    void eachItemNotDoneIsRecordedWithWhyWhereTheReasonAllowsItAndRefusedWhereItMustBeDone() {
        List<String> reasons = enumValues("ClosureReason");
        List<String> items = enumValues("ClosureChecklistItem");
        assertEquals(MUST_BE_DONE.keySet(), Set.copyOf(reasons), "every reason of the schema has its expectation");
        assertEquals(INPUT_FIELD.keySet(), Set.copyOf(items), "every item of the schema has its expectation");
        for (String reason : reasons) {
            for (String item : items) {
                String caseId = caseFor(reason);
                Map<String, Boolean> done = allDone();
                done.put(INPUT_FIELD.get(item), false);
                String why = "Not done: " + item + " (" + reason + ")";
                JsonPath answer = call(Tokens.of("cw.amani"), REQUEST, Map.of("i", input(caseId, reason, done,
                        List.of(Map.of("item", item, "because", why)))));
                if (MUST_BE_DONE.get(reason).contains(item)) {
                    assertEquals("input.checklist." + INPUT_FIELD.get(item), field(error(answer, "VALIDATION_FAILED")), reason + "/" + item);
                    assertEquals(0, closures(caseId));
                    assertEquals("OPEN", caseStatus(caseId));
                } else {
                    assertNull(answer.get("errors"), () -> reason + "/" + item + ": " + answer.prettify());
                    List<Map<String, Object>> checklist = answer.getList("data.requestCaseClosure.closure.checklist");
                    Map<String, Object> entry = checklist.stream().filter(e -> e.get("item").equals(item)).findFirst().orElseThrow();
                    assertEquals(false, entry.get("done"));
                    assertEquals(why, entry.get("notDoneBecause"));
                    assertFalse(answer.getBoolean("data.requestCaseClosure.closure." + INPUT_FIELD.get(item)));
                    assertTrue(checklist.stream().filter(e -> !e.get("item").equals(item)).allMatch(e -> e.get("done").equals(true)
                            && e.get("notDoneBecause") == null));
                }
            }
        }
    }

    @Test
    void anUnreachableSurvivorsClosureDoesNotClaimWhatNobodyCouldHaveDoneWithHer() {
        String caseId = caseFor("UNREACHABLE");
        String goal = CaseWork.addGoal("cw.amani", caseId, "STLUKE");
        Map<String, Boolean> done = allDone();
        done.put("safetyPlanReviewed", false);
        done.put("actionPlanReviewed", false);
        done.put("survivorToldSheCanReturn", false);
        Map<String, Object> input = input(caseId, "UNREACHABLE", done, List.of(
                Map.of("item", "SAFETY_PLAN_REVIEWED", "because", "Unreachable since she moved"),
                Map.of("item", "ACTION_PLAN_REVIEWED", "because", "Unreachable since she moved"),
                Map.of("item", "SURVIVOR_TOLD_SHE_CAN_RETURN", "because", "Letter left with her aunt; no answer")));
        input.put("goalReviews", List.of(Map.of("goalId", goal, "status", "NOT_ACHIEVED")));
        ok(Tokens.of("cw.amani"), REQUEST, Map.of("i", input));
        Map<String, Object> row = Db.row("""
                select safety_plan_reviewed, action_plan_reviewed, survivor_told_can_return, not_told_can_return_because
                from case_closure where case_id = ?""", Cases.uuid(caseId));
        assertEquals(false, row.get("survivor_told_can_return"));
        assertEquals("Letter left with her aunt; no answer", row.get("not_told_can_return_because"));
        String note = (String) Db.row("select note from action_plan_revision r join action_plan_goal g on g.id = r.goal_id "
                + "where g.case_id = ? order by revision desc limit 1", Cases.uuid(caseId)).get("note");
        assertFalse(note.contains("Reviewed with the survivor"), "the goal's final status was not reviewed with her: " + note);
    }

    @Test
    void aFalseItemWithoutWhyAWhyForADoneItemAndAnImpossibleConversationAreRefusedAndNothingIsStored() {
        String caseId = caseFor("UNREACHABLE");
        Map<String, Boolean> done = allDone();
        done.put("survivorToldSheCanReturn", false);
        assertEquals("input.checklist.survivorToldSheCanReturn",
                field(error(requestClosure("cw.amani", input(caseId, "UNREACHABLE", done, List.of())), "VALIDATION_FAILED")));
        assertEquals("input.checklist.notDone[0].item", field(error(requestClosure("cw.amani", input(caseId, "UNREACHABLE", allDone(),
                List.of(Map.of("item", "SAFETY_PLAN_REVIEWED", "because", "x")))), "VALIDATION_FAILED")));
        Map<String, Object> withConversation = input(caseId, "UNREACHABLE", allDone(), List.of());
        withConversation.put("closingConversation", conversation());
        assertEquals("input.closingConversation", field(error(requestClosure("cw.amani", withConversation), "VALIDATION_FAILED")));
        assertEquals(0, closures(caseId));
        assertEquals("OPEN", caseStatus(caseId));
    }

    @Test
    void whereSheIsPresentTheClosingConversationIsRequiredAndCountsAsContact() {
        String caseId = caseFor("NEEDS_MET");
        Map<String, Object> without = input(caseId, "NEEDS_MET", allDone(), List.of());
        without.remove("closingConversation");
        assertEquals("input.closingConversation", field(error(requestClosure("cw.amani", without), "VALIDATION_FAILED")));
        assertEquals(0, closures(caseId));

        Map<String, Object> input = input(caseId, "NEEDS_MET", allDone(), List.of());
        JsonPath closure = ok(Tokens.of("cw.amani"), REQUEST, Map.of("i", input));
        assertEquals("Wants to open a shop", closure.getString("data.requestCaseClosure.closure.closingConversation.futureAspirations"));
        @SuppressWarnings("unchecked")
        String contactAt = (String) ((Map<String, Object>) input.get("closingConversation")).get("contactAt");
        assertEquals(OffsetDateTime.parse(contactAt).toInstant(), ((java.sql.Timestamp) Db.row(
                "select last_contact_at from survivor_case where id = ?", Cases.uuid(caseId)).get("last_contact_at")).toInstant());
        assertEquals("Back at work; sleeps well again", Db.row("select progress_and_changes_reviewed from case_closure where case_id = ?",
                Cases.uuid(caseId)).get("progress_and_changes_reviewed"));
    }
}
