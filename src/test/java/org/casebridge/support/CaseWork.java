package org.casebridge.support;

import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.ok;

/** Action plans, closures and reopenings through the API, as the lead agency's staff would do them. */
public final class CaseWork {

    private CaseWork() {
    }

    public static String addGoal(String user, String caseId, String agencyCode) {
        return ok(Tokens.of(user), """
                mutation($i: AddActionPlanGoalInput!) { addActionPlanGoal(input: $i) { goal { id version } } }""",
                Map.of("i", Map.of("caseId", caseId, "needArea", "HEALTH", "goal", "Recover physical health",
                        "actions", "Clinic visits", "responsibleAgencyCode", agencyCode))).getString("data.addActionPlanGoal.goal.id");
    }

    public static final Map<String, Object> CHECKLIST = Map.of("safetyPlanReviewed", true, "actionPlanReviewed", true,
            "survivorToldSheCanReturn", true, "fileReviewedAndComplete", true);

    public static Map<String, Object> closureInput(String caseId, String reason, List<Map<String, Object>> goalReviews) {
        Map<String, Object> input = new HashMap<>(Map.of("caseId", caseId, "reason", reason, "checklist", CHECKLIST));
        input.put("goalReviews", goalReviews);
        if (reason.equals("NEEDS_MET") || reason.equals("SURVIVOR_REQUEST")) {
            input.put("closingConversation", closingConversation());
        }
        return input;
    }

    /** The closing conversation of step 6, an hour ago. */
    public static Map<String, Object> closingConversation() {
        return Map.of("contactAt", java.time.OffsetDateTime.now().toString(), "mode", "IN_PERSON",
                "progressAndChangesReviewed", "Reviewed the progress made and the changes in her life", "futureAspirations", "Go back to school");
    }

    /**
     * A follow-up with contact as the module asks it: every current safety question answered, her status in each
     * domain, and, unless {@code input} schedules one, why no next follow-up.
     */
    public static Map<String, Object> withContact(Map<String, Object> input) {
        Map<String, Object> assessed = new HashMap<>(input);
        List<String> questions = ok(Tokens.of("cw.amani"), "{ safetyQuestions { id } }", Map.of()).getList("data.safetyQuestions.id");
        assessed.putIfAbsent("safetyAnswers", questions.stream().map(q -> Map.of("questionId", q, "answer", "YES")).toList());
        assessed.putIfAbsent("domains", List.of("SAFETY", "HEALTH", "FAMILY", "SOCIAL_LIFE", "FEELINGS", "SERVICES").stream()
                .map(d -> Map.of("domain", d, "status", "GOOD")).toList());
        assessed.putIfAbsent("referralOutcomeEntries", openReferralsNotDiscussed("cw.amani", (String) input.get("id"), "Not discussed this time"));
        if (!assessed.containsKey("nextFollowUp")) {
            assessed.putIfAbsent("noNextFollowUpBecause", "The next contact is agreed at her next clinic visit");
        }
        return assessed;
    }

    /** Every referral of the follow-up's case still open, accounted for as NOT_DISCUSSED with {@code why}. */
    public static List<Map<String, Object>> openReferralsNotDiscussed(String user, String followUpId, String why) {
        List<Map<String, String>> referrals = ok(Tokens.of(user), "query($id: ID!) { node(id: $id) { ... on FollowUp { case { referrals { id status } } } } }",
                Map.of("id", followUpId)).getList("data.node.case.referrals");
        return referrals.stream().filter(r -> OPEN_REFERRAL.contains(r.get("status")))
                .map(r -> Map.<String, Object>of("referralId", r.get("id"), "outcome", "NOT_DISCUSSED", "note", why)).toList();
    }

    public static final List<String> OPEN_REFERRAL = List.of("REQUESTED", "ACCEPTED", "IN_PROGRESS", "ON_HOLD");

    public static final String REQUEST = """
            mutation($i: RequestCaseClosureInput!) { requestCaseClosure(input: $i) { closure { id status reason lastContactAt } } }""";
    public static final String APPROVE = """
            mutation($i: DecideCaseClosureInput!) { approveCaseClosure(input: $i) { closure { id status case { status } } } }""";

    public static JsonPath requestClosure(String user, Map<String, Object> input) {
        return call(Tokens.of(user), REQUEST, Map.of("i", input));
    }

    /** Opens a case and closes it (requested by the caseworker, approved by the supervisor); returns the case ID. */
    public static String closedCase(String caseworker, String supervisor) {
        String caseId = Cases.open(caseworker, "Closed " + UUID.randomUUID());
        String closure = ok(Tokens.of(caseworker), REQUEST, Map.of("i", closureInput(caseId, "NEEDS_MET", List.of())))
                .getString("data.requestCaseClosure.closure.id");
        ok(Tokens.of(supervisor), APPROVE, Map.of("i", Map.of("id", closure, "comment", "Approved")));
        return caseId;
    }

    public static String caseStatus(String caseId) {
        return (String) Db.row("select status from survivor_case where id = ?", Cases.uuid(caseId)).get("status");
    }
}
