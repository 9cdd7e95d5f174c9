package org.casebridge.assessment;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.casebridge.assessment.FocusGroupProcedureTest.OPEN;
import static org.casebridge.assessment.FocusGroupProcedureTest.REPORT;
import static org.casebridge.assessment.FocusGroupProcedureTest.concernOf;
import static org.casebridge.assessment.FocusGroupProcedureTest.report;
import static org.casebridge.assessment.FocusGroupProcedureTest.sessionWithAConcern;
import static org.casebridge.assessment.FocusGroupTest.uuid;
import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A safeguarding report at the lead agency it was reported to (issue 19): what the reporter sees of what the agency
 * did, a retried opening, the opening's own field paths, and the paged list.
 */
@QuarkusTest
class SafeguardingReportTest {

    /** A concern reported to KINDRED by fac.borno; returns the concern's ID. */
    private static String reportedToKindred() {
        String concern = concernOf(sessionWithAConcern("CHILD_IS_AT_RISK"));
        ok(Tokens.of("fac.borno"), REPORT, Map.of("i", report(concern)));
        return concern;
    }

    private static String reportIdOf(String concern) {
        return GlobalId.encode("SafeguardingReport", uuid(concern));
    }

    private static Map<String, Object> openCase(String key) {
        Map<String, Object> openCase = new HashMap<>(Map.of("identity", Map.of("fullName", "Child of report " + UUID.randomUUID(),
                "dateOfBirth", "2015-01-01"), "intakeNotice", Cases.intakeNotice(), "reportingConsent", false));
        if (key != null) openCase.put("idempotencyKey", key);
        return openCase;
    }

    private static long cases() {
        return Db.count("select count(*) from survivor_case");
    }

    /** Every leaf field of a type, read from the live schema, as a selection. */
    private static String allLeavesOf(String type) {
        List<Map<String, Object>> fields = ok(Tokens.of("fac.borno"),
                "query($t: String!) { __type(name: $t) { fields { name type { kind ofType { kind } } } } }", Map.of("t", type))
                .getList("data.__type.fields");
        List<String> leaves = new ArrayList<>();
        for (Map<String, Object> f : fields) {
            @SuppressWarnings("unchecked") Map<String, Object> t = (Map<String, Object>) f.get("type");
            @SuppressWarnings("unchecked") Map<String, Object> inner = (Map<String, Object>) t.get("ofType");
            String kind = "NON_NULL".equals(t.get("kind")) ? (String) inner.get("kind") : (String) t.get("kind");
            if (kind.equals("SCALAR") || kind.equals("ENUM")) leaves.add((String) f.get("name"));
        }
        return String.join(" ", leaves);
    }

    @Test
    void theReporterLearnsThatTheLeadAgencyActedNotWhatItOpenedNorWhen() {
        String session = sessionWithAConcern("CHILD_IS_AT_RISK");
        String concern = concernOf(session);
        ok(Tokens.of("fac.borno"), REPORT, Map.of("i", report(concern)));
        String everything = "query($id: ID!) { focusGroupSession(id: $id) { notes { safeguardingConcerns { "
                + allLeavesOf("SafeguardingConcern") + " } } } }";
        Map<String, Object> beforeActing = ok(Tokens.of("fac.borno"), everything, Map.of("id", session))
                .getMap("data.focusGroupSession.notes.safeguardingConcerns[0]");
        assertEquals(false, beforeActing.get("leadAgencyActedOn"));

        JsonPath opened = ok(Tokens.of("cw.kindred"), OPEN, Map.of("i", Map.of("reportId", reportIdOf(concern), "openCase", openCase(null))));
        String caseId = opened.getString("data.openCaseFromSafeguardingReport.openedCase.id");
        for (String worker : List.of("fac.borno", "fac2.borno")) {
            JsonPath seen = ok(Tokens.of(worker), everything, Map.of("id", session));
            Map<String, Object> afterActing = new HashMap<>(seen.getMap("data.focusGroupSession.notes.safeguardingConcerns[0]"));
            assertEquals(true, afterActing.put("leadAgencyActedOn", false), worker);
            assertEquals(beforeActing, afterActing, worker + ": nothing else of the concern changes when a case is opened from it");
            assertFalse(seen.prettify().contains(caseId) || seen.prettify().contains(Cases.uuid(caseId).toString()), worker);
            error(call(Tokens.of(worker), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", caseId)), "NOT_FOUND");
        }
        var routeStands = error(call(Tokens.of("fac.borno"), REPORT, Map.of("i", report(concern))), "INVALID_TRANSITION");
        assertFalse(routeStands.get("message").toString().toLowerCase().contains("case"), routeStands.toString());

        // The lead agency's staff read what they did, and when.
        Map<String, Object> atKindred = ok(Tokens.of("sup.kindred"),
                "{ safeguardingReportsReceived(first: 100) { edges { node { id caseId caseOpenedAt } } } }", null)
                .<Map<String, Object>>getList("data.safeguardingReportsReceived.edges.node").stream()
                .filter(r -> r.get("id").equals(reportIdOf(concern))).findFirst().orElseThrow();
        assertEquals(caseId, atKindred.get("caseId"));
        assertTrue(atKindred.get("caseOpenedAt") != null);
        var again = error(call(Tokens.of("sup.kindred"), OPEN, Map.of("i", Map.of("reportId", reportIdOf(concern), "openCase", openCase(null)))),
                "INVALID_TRANSITION");
        assertFalse(again.get("message").toString().toLowerCase().contains("case was"), again.toString());
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResultAndAnotherKeyIsRefused() {
        String concern = reportedToKindred();
        String key = UUID.randomUUID().toString();
        Map<String, Object> input = Map.of("reportId", reportIdOf(concern), "openCase", openCase(key));
        long before = cases();
        JsonPath first = ok(Tokens.of("cw.kindred"), OPEN, Map.of("i", input));
        JsonPath retry = ok(Tokens.of("cw.kindred"), OPEN, Map.of("i", input));
        assertEquals(first.getString("data.openCaseFromSafeguardingReport.openedCase.id"),
                retry.getString("data.openCaseFromSafeguardingReport.openedCase.id"));
        assertEquals(first.getString("data.openCaseFromSafeguardingReport.report.caseId"),
                retry.getString("data.openCaseFromSafeguardingReport.report.caseId"));
        assertEquals(before + 1, cases());

        error(call(Tokens.of("cw.kindred"), OPEN, Map.of("i", Map.of("reportId", reportIdOf(concern), "openCase",
                openCase(UUID.randomUUID().toString())))), "INVALID_TRANSITION");
        error(call(Tokens.of("sup.kindred"), OPEN, Map.of("i", input)), "INVALID_TRANSITION"); // keys are per caller
        assertEquals(before + 1, cases());
    }

    @Test
    void aKeyOnceGivenToOpenCaseDoesNotLinkThatOtherCaseToTheReport() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> plain = Cases.openInput("Unrelated survivor " + UUID.randomUUID());
        plain.put("idempotencyKey", key);
        String unrelated = ok(Tokens.of("cw.kindred"), "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id } } }",
                Map.of("i", plain)).getString("data.openCase.case.id");
        String concern = reportedToKindred();
        String opened = ok(Tokens.of("cw.kindred"), OPEN, Map.of("i", Map.of("reportId", reportIdOf(concern), "openCase", openCase(key))))
                .getString("data.openCaseFromSafeguardingReport.openedCase.id");
        assertFalse(opened.equals(unrelated), "the report opens a case of its own");
        assertEquals(Cases.uuid(opened), Db.row("select case_id from fg_safeguarding_concern where id = ?", uuid(concern)).get("case_id"));
    }

    @Test
    void itsRefusalsNameThisMutationsFieldsAndNothingIsStored() {
        String concern = reportedToKindred();
        Map<String, Consumer<Map<String, Object>>> attacks = new LinkedHashMap<>();
        attacks.put("input.openCase.identity.fullName", o -> o.put("identity", Map.of("fullName", " ")));
        attacks.put("input.openCase.identity.dateOfBirth", o -> o.put("identity", Map.of("fullName", "A child",
                "dateOfBirth", java.time.LocalDate.now().plusDays(3).toString())));
        attacks.put("input.openCase.intakeNotice.consentToCaseManagement", o -> {
            Map<String, Object> notice = new HashMap<>(Cases.intakeNotice());
            notice.put("consentToCaseManagement", false);
            o.put("intakeNotice", notice);
        });
        attacks.put("input.openCase.intakeNotice.mandatoryReportingExplained", o -> {
            Map<String, Object> notice = new HashMap<>(Cases.intakeNotice());
            notice.put("mandatoryReportingExplained", false);
            o.put("intakeNotice", notice);
        });
        attacks.put("input.openCase.incident", o -> o.put("incident", "x".repeat(10_001)));
        attacks.put("input.openCase.idempotencyKey", o -> o.put("idempotencyKey", "k".repeat(101)));
        long before = cases();
        for (Map.Entry<String, Consumer<Map<String, Object>>> attack : attacks.entrySet()) {
            Map<String, Object> openCase = openCase(null);
            attack.getValue().accept(openCase);
            var refused = error(call(Tokens.of("cw.kindred"), OPEN, Map.of("i", Map.of("reportId", reportIdOf(concern), "openCase", openCase))),
                    "VALIDATION_FAILED");
            assertEquals(attack.getKey(), field(refused), refused.toString());
            assertEquals(before, cases(), attack.getKey());
            assertNull(Db.row("select case_id from fg_safeguarding_concern where id = ?", uuid(concern)).get("case_id"), attack.getKey());
        }
        var notAReport = error(call(Tokens.of("cw.kindred"), OPEN, Map.of("i", Map.of("reportId", "not-an-id", "openCase", openCase(null)))),
                "VALIDATION_FAILED");
        assertEquals("input.reportId", field(notAReport));
    }

    @Test
    void theReportsReceivedArePagedLikeEveryOtherList() {
        reportedToKindred();
        reportedToKindred();
        reportedToKindred();
        String page = """
                query($after: String) { safeguardingReportsReceived(first: 2, after: $after) { totalCount
                  pageInfo { hasNextPage endCursor } edges { cursor node { id reportedAt } } } }""";
        List<String> seen = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        String after = null;
        int total;
        do {
            Map<String, Object> vars = new HashMap<>();
            vars.put("after", after);
            JsonPath answer = ok(Tokens.of("cw.kindred"), page, vars);
            total = answer.getInt("data.safeguardingReportsReceived.totalCount");
            seen.addAll(answer.getList("data.safeguardingReportsReceived.edges.node.id"));
            answer.<String>getList("data.safeguardingReportsReceived.edges.node.reportedAt").forEach(t -> times.add(OffsetDateTime.parse(t)));
            assertTrue(answer.getList("data.safeguardingReportsReceived.edges").size() <= 2);
            after = answer.getBoolean("data.safeguardingReportsReceived.pageInfo.hasNextPage")
                    ? answer.getString("data.safeguardingReportsReceived.pageInfo.endCursor") : null;
        } while (after != null);
        assertTrue(total >= 3);
        assertEquals(total, seen.size());
        assertEquals(total, new HashSet<>(seen).size(), "no report twice");
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isAfter(times.get(i - 1)), "latest reported first");
        }
        assertEquals(Db.count("""
                select count(*) from fg_safeguarding_concern c join agency a on a.id = c.lead_agency_id
                where a.code = 'KINDRED' and c.route = 'LEAD_AGENCY' and c.reported_at is not null"""), total);
        assertEquals(0, ok(Tokens.of("cw.amani"), "{ safeguardingReportsReceived { edges { node { id } } } }", null)
                .getList("data.safeguardingReportsReceived.edges.node.id").stream().filter(seen::contains).count(),
                "another agency lists none of KINDRED's");
        assertEquals("first", field(error(call(Tokens.of("cw.kindred"), "{ safeguardingReportsReceived(first: 101) { totalCount } }"),
                "VALIDATION_FAILED")));
        assertEquals("after", field(error(call(Tokens.of("cw.kindred"), "{ safeguardingReportsReceived(after: \"bm90IGEgY3Vyc29y\") { totalCount } }"),
                "VALIDATION_FAILED")));
    }
}
