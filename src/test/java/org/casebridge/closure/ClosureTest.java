package org.casebridge.closure;

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

import static org.casebridge.support.CaseWork.APPROVE;
import static org.casebridge.support.CaseWork.caseStatus;
import static org.casebridge.support.CaseWork.closureInput;
import static org.casebridge.support.CaseWork.requestClosure;
import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Case closure (module 14, step 6): reason, checklist, the 30-day rule, open referrals, approval, read-only, reopening. */
@QuarkusTest
class ClosureTest {

    private static long closures(String caseId) {
        return Db.count("select count(*) from case_closure where case_id = ?", Cases.uuid(caseId));
    }

    private static void lastContactDaysAgo(String caseId, int days) {
        Db.execute("update survivor_case set last_contact_at = now() - make_interval(days => ?) - interval '1 minute' where id = ?",
                days, Cases.uuid(caseId));
    }

    @Test
    void unreachableOnlyAfterThirtyDaysWithoutContactAsTheSystemRecordsIt() {
        String caseId = Cases.open("cw.amani", "Unreachable " + UUID.randomUUID());
        lastContactDaysAgo(caseId, 29);
        var refused = error(requestClosure("cw.amani", closureInput(caseId, "UNREACHABLE", List.of())), "VALIDATION_FAILED");
        assertEquals("input.reason", field(refused));
        assertEquals("OPEN", caseStatus(caseId));
        assertEquals(0, closures(caseId));

        lastContactDaysAgo(caseId, 30);
        JsonPath accepted = ok(Tokens.of("cw.amani"), CaseWork.REQUEST, Map.of("i", closureInput(caseId, "UNREACHABLE", List.of())));
        assertEquals("REQUESTED", accepted.getString("data.requestCaseClosure.closure.status"));
        assertEquals("CLOSURE_REQUESTED", caseStatus(caseId));
    }

    @Test
    void aSuccessfulFollowUpResetsTheClockThatUnreachableIsCheckedAgainst() {
        String caseId = Cases.open("cw.amani", "Reached " + UUID.randomUUID());
        lastContactDaysAgo(caseId, 40);
        String followUp = ok(Tokens.of("cw.amani"), """
                mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { followUp { id } } }""",
                Map.of("i", Map.of("caseId", caseId, "schedule", Map.of("at", java.time.OffsetDateTime.now().plusMinutes(1).toString(),
                        "mode", "PHONE")))).getString("data.scheduleFollowUp.followUp.id");
        ok(Tokens.of("cw.amani"), """
                mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { followUp { status } } }""",
                Map.of("i", CaseWork.withContact(Map.of("id", followUp, "version", 0, "contactMade", true, "at", java.time.OffsetDateTime.now().toString()))));
        error(requestClosure("cw.amani", closureInput(caseId, "UNREACHABLE", List.of())), "VALIDATION_FAILED");
        assertEquals(0, closures(caseId));
    }

    @Test
    void anOpenReferralMustBeSettledOrCarriedOverWithANote() {
        String caseId = Cases.open("cw.amani", "Referred " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);

        var refused = error(requestClosure("cw.amani", closureInput(caseId, "NEEDS_MET", List.of())), "VALIDATION_FAILED");
        assertEquals("input.carriedOverReferrals", field(refused));
        assertEquals("OPEN", caseStatus(caseId));
        assertEquals(0, closures(caseId));

        Map<String, Object> input = closureInput(caseId, "NEEDS_MET", List.of());
        input.put("carriedOverReferrals", List.of(Map.of("referralId", referral, "note", "She continues her care at St Luke")));
        ok(Tokens.of("cw.amani"), CaseWork.REQUEST, Map.of("i", input));
        assertEquals("She continues her care at St Luke", Db.row("""
                select r.note from case_closure_carried_referral r join case_closure k on k.id = r.closure_id where k.case_id = ?""",
                Cases.uuid(caseId)).get("note"));
    }

    @Test
    void everyChecklistItemAndEveryGoalMustBeReviewed() {
        String caseId = Cases.open("cw.amani", "Checklist " + UUID.randomUUID());
        String goal = CaseWork.addGoal("cw.amani", caseId, "STLUKE");
        Map<String, Object> input = closureInput(caseId, "NEEDS_MET", List.of(Map.of("goalId", goal, "status", "ACHIEVED")));
        Map<String, Object> checklist = new HashMap<>(CaseWork.CHECKLIST);
        checklist.put("survivorToldSheCanReturn", false);
        input.put("checklist", checklist);
        assertEquals("input.checklist.survivorToldSheCanReturn",
                field(error(requestClosure("cw.amani", input), "VALIDATION_FAILED")));

        assertEquals("input.goalReviews",
                field(error(requestClosure("cw.amani", closureInput(caseId, "NEEDS_MET", List.of())), "VALIDATION_FAILED")));
        assertEquals(0, closures(caseId));
        assertEquals("NOT_STARTED", Db.row("select status from action_plan_goal where case_id = ?", Cases.uuid(caseId)).get("status"));

        ok(Tokens.of("cw.amani"), CaseWork.REQUEST, Map.of("i", closureInput(caseId, "NEEDS_MET",
                List.of(Map.of("goalId", goal, "status", "ACHIEVED")))));
        assertEquals("ACHIEVED", Db.row("select status from action_plan_goal where case_id = ?", Cases.uuid(caseId)).get("status"));
        assertEquals(2, Db.count("select count(*) from action_plan_revision r join action_plan_goal g on g.id = r.goal_id where g.case_id = ?",
                Cases.uuid(caseId)), "the review at closure is kept as a revision");
    }

    @Test
    void onlyAnotherSupervisorOfTheLeadAgencyDecides() {
        String caseId = Cases.open("cw.amani", "Approval " + UUID.randomUUID());
        String closure = ok(Tokens.of("cw.amani"), CaseWork.REQUEST, Map.of("i", closureInput(caseId, "SURVIVOR_REQUEST", List.of())))
                .getString("data.requestCaseClosure.closure.id");
        Map<String, Object> decision = Map.of("i", Map.of("id", closure, "comment", "Fine"));
        long denied = Db.count("select count(*) from audit_entry where case_id = ? and not allowed", Cases.uuid(caseId));

        error(call(Tokens.of("cw.amani"), APPROVE, decision), "FORBIDDEN");
        error(call(Tokens.of("cw2.amani"), APPROVE, decision), "FORBIDDEN");
        error(call(Tokens.of("sup.kindred"), APPROVE, decision), "NOT_FOUND");
        error(call(Tokens.of("pr.stluke"), APPROVE, decision), "NOT_FOUND");
        assertEquals("CLOSURE_REQUESTED", caseStatus(caseId));
        assertEquals("REQUESTED", Db.row("select status from case_closure where case_id = ?", Cases.uuid(caseId)).get("status"));
        assertEquals(denied + 4, Db.count("select count(*) from audit_entry where case_id = ? and not allowed", Cases.uuid(caseId)));

        ok(Tokens.of("sup.amani"), APPROVE, decision);
        assertEquals("CLOSED", caseStatus(caseId));
        error(call(Tokens.of("sup.amani"), APPROVE, decision), "INVALID_TRANSITION");
    }

    @Test
    void aSupervisorDoesNotApproveTheirOwnRequest() {
        String caseId = Cases.open("sup.amani", "Own request " + UUID.randomUUID());
        String closure = ok(Tokens.of("sup.amani"), CaseWork.REQUEST, Map.of("i", closureInput(caseId, "RELOCATED", List.of())))
                .getString("data.requestCaseClosure.closure.id");
        error(call(Tokens.of("sup.amani"), APPROVE, Map.of("i", Map.of("id", closure, "comment", "Self"))), "FORBIDDEN");
        assertEquals("CLOSURE_REQUESTED", caseStatus(caseId));
    }

    @Test
    void aRejectedClosureLeavesTheCaseOpenWithTheComment() {
        String caseId = Cases.open("cw.amani", "Rejected " + UUID.randomUUID());
        String closure = ok(Tokens.of("cw.amani"), CaseWork.REQUEST, Map.of("i", closureInput(caseId, "NEEDS_MET", List.of())))
                .getString("data.requestCaseClosure.closure.id");
        error(call(Tokens.of("sup.amani"), """
                mutation($i: DecideCaseClosureInput!) { rejectCaseClosure(input: $i) { closure { status } } }""",
                Map.of("i", Map.of("id", closure, "comment", " "))), "VALIDATION_FAILED");
        ok(Tokens.of("sup.amani"), """
                mutation($i: DecideCaseClosureInput!) { rejectCaseClosure(input: $i) { closure { status decisionComment } } }""",
                Map.of("i", Map.of("id", closure, "comment", "Safety plan not reviewed with her yet")));
        assertEquals("OPEN", caseStatus(caseId));
    }

    @Test
    void aClosedCaseIsReadOnlyUntilReopened() {
        String caseId = CaseWork.closedCase("cw.amani", "sup.amani");
        Map<String, Object> before = Db.row("select version, updated_at from survivor_case where id = ?", Cases.uuid(caseId));
        long referrals = Db.count("select count(*) from referral where case_id = ?", Cases.uuid(caseId));
        String token = Tokens.of("cw.amani");
        Map<String, String> mutations = Map.of(
                "updateCase", "mutation($c: ID!) { updateCase(input: {id: $c, version: 2, riskLevel: LOW}) { case { id } } }",
                "createReferral", "mutation($c: ID!) { createReferral(input: {caseId: $c, serviceId: \"" + Cases.CLINIC_CARE
                        + "\", urgency: ROUTINE}) { referral { id } } }",
                "recordConsent", "mutation($c: ID!) { recordConsent(input: {caseId: $c, recipientAgencyCode: \"STLUKE\", "
                        + "categories: [CASE_SUMMARY], purpose: REFERRAL, givenBy: SURVIVOR, obtainedHow: WRITTEN}) { consent { id } } }",
                "addActionPlanGoal", "mutation($c: ID!) { addActionPlanGoal(input: {caseId: $c, needArea: HEALTH, goal: \"g\", "
                        + "actions: \"a\", responsibleAgencyCode: \"AMANI\"}) { goal { id } } }",
                "scheduleFollowUp", "mutation($c: ID!) { scheduleFollowUp(input: {caseId: $c, schedule: {at: \""
                        + java.time.OffsetDateTime.now().plusDays(1) + "\", mode: PHONE}}) { followUp { id } } }",
                "callConference", "mutation($c: ID!) { callConference(input: {caseId: $c, scheduledAt: \""
                        + java.time.OffsetDateTime.now().plusDays(1) + "\", place: \"Office\", purpose: \"p\", survivorInvited: false, "
                        + "invitations: [{agencyCode: \"STLUKE\"}]}) { conference { id } } }",
                "recordCaseActivity", "mutation($c: ID!) { recordCaseActivity(input: {caseId: $c, kind: ACCOMPANIMENT, tookPlaceAt: \""
                        + java.time.OffsetDateTime.now().minusMinutes(1) + "\", survivorPresent: true, description: \"d\"}) { activity { id } } }",
                "requestCaseClosure", "mutation($c: ID!) { requestCaseClosure(input: {caseId: $c, reason: NEEDS_MET, checklist: "
                        + "{safetyPlanReviewed: true, actionPlanReviewed: true, survivorToldSheCanReturn: true, fileReviewedAndComplete: true}})"
                        + " { closure { id } } }");
        mutations.forEach((name, document) -> error(call(token, document, Map.of("c", caseId)), "INVALID_TRANSITION"));
        assertEquals(before, Db.row("select version, updated_at from survivor_case where id = ?", Cases.uuid(caseId)));
        assertEquals(referrals, Db.count("select count(*) from referral where case_id = ?", Cases.uuid(caseId)));
        assertEquals(0, Db.count("select count(*) from consent where case_id = ?", Cases.uuid(caseId)));
        assertEquals(0, Db.count("select count(*) from action_plan_goal where case_id = ?", Cases.uuid(caseId)));
        assertEquals(0, Db.count("select count(*) from follow_up where case_id = ?", Cases.uuid(caseId)));
        assertEquals(0, Db.count("select count(*) from conference where case_id = ?", Cases.uuid(caseId)));
        assertEquals(1, closures(caseId));

        // still readable, in full, by its agency
        assertEquals("CLOSED", ok(token, "query($c: ID!) { case(id: $c) { status identity { fullName } } }", Map.of("c", caseId))
                .getString("data.case.status"));

        error(call(Tokens.of("pr.stluke"), "mutation($i: ReopenCaseInput!) { reopenCase(input: $i) { case { status } } }",
                Map.of("i", Map.of("caseId", caseId, "reason", "She came back"))), "NOT_FOUND");
        assertEquals("CLOSED", caseStatus(caseId));
        JsonPath reopened = ok(token, "mutation($i: ReopenCaseInput!) { reopenCase(input: $i) { case { status closures { reopenReason } } } }",
                Map.of("i", Map.of("caseId", caseId, "reason", "She came back")));
        assertEquals("OPEN", reopened.getString("data.reopenCase.case.status"));
        assertEquals("She came back", reopened.getString("data.reopenCase.case.closures[0].reopenReason"));
        ok(token, mutations.get("addActionPlanGoal"), Map.of("c", caseId));
    }

    @Test
    void consentRecordsStayApartAndCanStillBeRevokedAfterClosure() {
        String caseId = Cases.open("cw.amani", "Consent kept " + UUID.randomUUID());
        String consent = Cases.consent("cw.amani", caseId, "LAWCENTRE", List.of("CASE_SUMMARY"), "COORDINATION");
        String closure = ok(Tokens.of("cw.amani"), CaseWork.REQUEST, Map.of("i", closureInput(caseId, "NEEDS_MET", List.of())))
                .getString("data.requestCaseClosure.closure.id");
        ok(Tokens.of("sup.amani"), APPROVE, Map.of("i", Map.of("id", closure, "comment", "ok")));
        Cases.revoke("cw.amani", consent);
        assertEquals(1, Db.count("select count(*) from consent where case_id = ? and revoked_at is not null", Cases.uuid(caseId)));
    }
}
