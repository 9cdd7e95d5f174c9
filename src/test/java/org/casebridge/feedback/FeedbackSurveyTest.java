package org.casebridge.feedback;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client feedback survey: who may administer it, informed consent, the single-use link, and answers kept apart. */
@QuarkusTest
class FeedbackSurveyTest {

    static final String START = """
            mutation($i: StartFeedbackSurveyInput!) { startFeedbackSurvey(input: $i) {
              administration { id mode linkExpiresAt template { version questions { id section } } } linkToken } }""";
    static final String SUBMIT = "mutation($i: SubmitFeedbackSurveyInput!) { submitFeedbackSurvey(input: $i) { recorded } }";
    static final Map<String, Object> CONSENT = Map.of("purposeExplained", true, "voluntaryExplained", true,
            "confidentialityExplained", true, "noEffectOnServicesExplained", true, "consentGiven", true);

    static Map<String, Object> start(String caseId, String mode) {
        return Map.of("i", Map.of("caseId", caseId, "mode", mode, "consent", CONSENT));
    }

    static long administrations(String caseId) {
        return Db.count("select count(*) from feedback_administration where case_id = ?", Cases.uuid(caseId));
    }

    static long responses() {
        return Db.count("select count(*) from feedback_response");
    }

    static List<Map<String, Object>> answers(JsonPath started) {
        List<String> questions = started.getList("data.startFeedbackSurvey.administration.template.questions.id");
        return questions.stream().limit(5).map(q -> Map.<String, Object>of("questionId", q, "answer", "YES")).toList();
    }

    @Test
    void theCasesOwnCaseworkerIsRefusedAndTheCaseMustBeClosed() {
        String closed = CaseWork.closedCase("cw.amani", "sup.amani");
        error(call(Tokens.of("cw.amani"), START, start(closed, "INTERVIEW")), "FORBIDDEN");
        assertEquals(1, Db.count("select count(*) from audit_entry where case_id = ? and action = 'feedback.start' and not allowed",
                Cases.uuid(closed)));
        error(call(Tokens.of("pr.stluke"), START, start(closed, "INTERVIEW")), "NOT_FOUND");
        error(call(Tokens.of("sup.kindred"), START, start(closed, "INTERVIEW")), "NOT_FOUND");
        String open = Cases.open("cw.amani", "Still open " + UUID.randomUUID());
        error(call(Tokens.of("cw2.amani"), START, start(open, "INTERVIEW")), "INVALID_TRANSITION");
        assertEquals(0, administrations(closed) + administrations(open));
    }

    @Test
    void informedConsentIsRequiredAndRecorded() {
        String closed = CaseWork.closedCase("cw.amani", "sup.amani");
        Map<String, Object> consent = new HashMap<>(CONSENT);
        consent.put("noEffectOnServicesExplained", false);
        var refused = error(call(Tokens.of("sup.amani"), START, Map.of("i", Map.of("caseId", closed, "mode", "INTERVIEW",
                "consent", consent))), "VALIDATION_FAILED");
        assertEquals("input.consent.noEffectOnServicesExplained", field(refused));
        assertEquals(0, administrations(closed));

        JsonPath started = ok(Tokens.of("sup.amani"), START, start(closed, "INTERVIEW"));
        assertEquals(List.of("CONFIDENTIALITY", "SERVICE_DELIVERY", "STAFF", "WELLBEING"),
                started.getList("data.startFeedbackSurvey.administration.template.questions.section", String.class).stream()
                        .distinct().sorted().toList());
        assertEquals(Map.of("consent_given", true, "voluntary_explained", true), Db.row(
                "select consent_given, voluntary_explained from feedback_administration where case_id = ?", Cases.uuid(closed)));
        String administration = started.getString("data.startFeedbackSurvey.administration.id");
        String interview = "mutation($i: SubmitFeedbackInterviewInput!) { submitFeedbackInterview(input: $i) { recorded } }";
        Map<String, Object> input = Map.of("i", Map.of("administrationId", administration, "answers", answers(started)));
        error(call(Tokens.of("cw2.amani"), interview, input), "NOT_FOUND");
        long before = responses();
        ok(Tokens.of("sup.amani"), interview, input);
        assertEquals(before + 1, responses());
        error(call(Tokens.of("sup.amani"), interview, input), "NOT_FOUND");
        error(call(Tokens.of("cw2.amani"), START, start(closed, "SELF_COMPLETION")), "INVALID_TRANSITION");
    }

    @Test
    void theLinkWorksOnceWithoutLoginAndNotAfterItExpires() {
        String closed = CaseWork.closedCase("cw.amani", "sup.amani");
        JsonPath started = ok(Tokens.of("cw2.amani"), START, start(closed, "SELF_COMPLETION"));
        String token = started.getString("data.startFeedbackSurvey.linkToken");
        assertNotNull(token);
        assertNotNull(started.getString("data.startFeedbackSurvey.administration.linkExpiresAt"));
        assertEquals(0, Db.count("select count(*) from feedback_administration where link_token_hash = convert_to(?, 'UTF8')", token),
                "the token is stored only as its hash");

        assertEquals(13, ok(null, "query($t: String!) { feedbackSurveyByLink(token: $t) { questions { id } } }", Map.of("t", token))
                .getList("data.feedbackSurveyByLink.questions").size());
        long before = responses();
        java.util.Set<Object> earlier = Db.rows("select id from feedback_response").stream().map(r -> r.get("id")).collect(java.util.stream.Collectors.toSet());
        Map<String, Object> submission = Map.of("i", Map.of("token", token, "answers", answers(started)));
        assertTrue(ok(null, SUBMIT, submission).getBoolean("data.submitFeedbackSurvey.recorded"));
        assertEquals(before + 1, responses());
        Object response = Db.rows("select id from feedback_response").stream().map(r -> r.get("id")).filter(id -> !earlier.contains(id))
                .findFirst().orElseThrow();
        assertEquals(List.of(Map.of("answer", "NO_ANSWER", "n", 8L), Map.of("answer", "YES", "n", 5L)), Db.rows(
                "select answer, count(*) as n from feedback_answer where response_id = ? group by answer order by answer", response),
                "answered questions kept, skipped ones as NO_ANSWER");

        var reused = error(call(null, SUBMIT, submission), "INVALID_TRANSITION");
        assertTrue(((String) reused.get("message")).contains("already been used"));
        assertEquals(before + 1, responses());

        String other = CaseWork.closedCase("cw.amani", "sup.amani");
        String expiring = ok(Tokens.of("cw2.amani"), START, start(other, "SELF_COMPLETION")).getString("data.startFeedbackSurvey.linkToken");
        Db.execute("update feedback_administration set link_expires_at = now() - interval '1 second' where case_id = ?", Cases.uuid(other));
        var expired = error(call(null, SUBMIT, Map.of("i", Map.of("token", expiring, "answers", List.of()))), "INVALID_TRANSITION");
        assertTrue(((String) expired.get("message")).contains("expired"));
        error(call(null, "query($t: String!) { feedbackSurveyByLink(token: $t) { version } }", Map.of("t", expiring)), "INVALID_TRANSITION");
        error(call(null, SUBMIT, Map.of("i", Map.of("token", "not-a-token", "answers", List.of()))), "NOT_FOUND");
        assertEquals(before + 1, responses());
    }

    @Test
    void answersCannotBeTiedBackToTheSurvivor() {
        List<String> columns = Db.rows("""
                select table_name || '.' || column_name as c from information_schema.columns
                where table_name in ('feedback_response', 'feedback_answer') order by 1""").stream().map(r -> (String) r.get("c")).toList();
        assertEquals(List.of("feedback_answer.answer", "feedback_answer.question_id", "feedback_answer.response_id",
                "feedback_response.agency_id", "feedback_response.id", "feedback_response.mode", "feedback_response.period",
                "feedback_response.template_id"), columns, "no case, administration, person or exact time");
        assertFalse(ok(Tokens.of("sup.amani"), "{ __schema { types { name } } }", null).getList("data.__schema.types.name")
                .stream().anyMatch(n -> ((String) n).matches("Feedback(Response|AnswerView|Submission)")), "no record-level type");
    }

    @Test
    void resultsAreAggregatesForTheAgencysSupervisorsWithSmallCountsSuppressed() {
        String query = "query($p: ReportingPeriodInput!) { feedbackResults(period: $p) { threshold grandTotal { value suppressed } "
                + "rows { key cells { column value suppressed } } } }";
        java.time.LocalDate lastMonth = java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        Map<String, Object> period = Map.of("p", Map.of("year", lastMonth.getYear(), "month", lastMonth.getMonthValue()));
        JsonPath results = ok(Tokens.of("sup.amani"), query, period);
        assertEquals(11, results.getInt("data.feedbackResults.threshold"));
        List<Map<String, Object>> cells = results.getList("data.feedbackResults.rows.cells.flatten()");
        for (Map<String, Object> cell : cells) {
            Object value = cell.get("value");
            assertTrue(value == null ? Boolean.TRUE.equals(cell.get("suppressed")) : ((Number) value).intValue() >= 11,
                    "no published count below the threshold: " + cell);
        }
        // the demo's surveys of last month are in the release, whatever protection then hides of them
        assertTrue(Db.count("""
                select coalesce(sum(value), 0) from report_release_cell where family = 'FEEDBACK' and period = ?
                """, "%d-%02d".formatted(lastMonth.getYear(), lastMonth.getMonthValue())) >= 20 * 13, "the demo's surveys of last month are counted");
        for (String user : List.of("cw.amani", "pr.stluke", "lead.borno")) {
            error(call(Tokens.of(user), query, period), "FORBIDDEN");
        }
    }
}
