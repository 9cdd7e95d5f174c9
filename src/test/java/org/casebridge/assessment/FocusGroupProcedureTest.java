package org.casebridge.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.casebridge.assessment.FocusGroupTest.CAREGIVERS_GUIDE;
import static org.casebridge.assessment.FocusGroupTest.GRANTEE_GUIDE;
import static org.casebridge.assessment.FocusGroupTest.PREPARE;
import static org.casebridge.assessment.FocusGroupTest.planned;
import static org.casebridge.assessment.FocusGroupTest.preparation;
import static org.casebridge.assessment.FocusGroupTest.uuid;
import static org.casebridge.assessment.FocusGroupTest.version;
import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The people and steps around the guides (issue 19): preparation before consent (suitability, training, the ethics
 * and support plan, the documents), withdrawals, the report back, what an event is part of, a safeguarding concern's
 * risk, supervisor and route up to the case a lead agency opens from it, and the tags beside a question's summary.
 */
@QuarkusTest
class FocusGroupProcedureTest {

    static final String CONSENT = FocusGroupTest.CONSENT;
    static final String READ = """
            query($id: ID!) { focusGroupSession(id: $id) { status version preparedAt facilitatorSuitability training { attendedOn givenBy minutes }
              trainingNotApplicableReason informationSheet { title version } consentForm { title version } consentFormNotApplicableReason
              ethicsPlan { item plan notApplicableReason } withdrawnCount participantCount reportRequestedCount reportSentOn reportSentCount
              reportBackDue notes { responses { summary successes barriersAndChallenges strategies sourcesOfHelp placesAndContexts }
                safeguardingConcerns { id riskLevel route leadAgencyCode supervisorConsulted leadAgencyActedOn } } } }""";

    private static List<String> ethicsItemsOfTheSchema() {
        return ok(Tokens.of("fac.borno"), "{ __type(name: \"EthicsItem\") { enumValues { name } } }", null)
                .getList("data.__type.enumValues.name");
    }

    private static Map<String, Object> consentOf(String session, int participants, int reportRequested) {
        return Map.of("i", Map.of("id", session, "version", version(session), "allParticipantsAgreed", true,
                "participantCount", participants, "femaleCount", participants - 2, "maleCount", 2, "otherGenderCount", 0,
                "reportRequestedCount", reportRequested));
    }

    private static boolean prepared(String session) {
        return Db.row("select prepared_at from fg_session where id = ?", uuid(session)).get("prepared_at") != null
                || Db.count("select count(*) from fg_ethics_plan_item where session_id = ?", uuid(session)) > 0;
    }

    @Test
    void consentIsAskedOnlyAfterThePreparation() {
        String session = planned("fac.borno", CAREGIVERS_GUIDE, "fac2.borno");
        error(call(Tokens.of("fac.borno"), CONSENT, consentOf(session, 10, 0)), "INVALID_TRANSITION");
        assertEquals("PLANNED", Db.row("select status from fg_session where id = ?", uuid(session)).get("status"));
        assertNull(Db.row("select participant_count from fg_session where id = ?", uuid(session)).get("participant_count"));

        ok(Tokens.of("fac.borno"), PREPARE, Map.of("i", preparation(session, ethicsItemsOfTheSchema())));
        ok(Tokens.of("fac2.borno"), CONSENT, consentOf(session, 10, 0));
        JsonPath read = ok(Tokens.of("fac2.borno"), READ, Map.of("id", session));
        assertEquals("Needs Assessment Lead", read.getString("data.focusGroupSession.training.givenBy"));
        assertEquals("Focus Group Information Sheet", read.getString("data.focusGroupSession.informationSheet.title"));
        assertNull(read.get("data.focusGroupSession.consentForm"));
        assertEquals(ethicsItemsOfTheSchema().size(), read.getList("data.focusGroupSession.ethicsPlan").size());
        error(call(Tokens.of("fac.borno"), PREPARE, Map.of("i", preparation(session, ethicsItemsOfTheSchema()))), "INVALID_TRANSITION");
    }

    /** Every refusal of the preparation names its field, and nothing of the preparation is stored. */
    @Test
    void aPreparationThatLeavesSomethingOutOrSaysTwoThingsIsRefused() {
        String session = planned("fac.borno", CAREGIVERS_GUIDE, "fac2.borno");
        List<String> items = ethicsItemsOfTheSchema();
        Map<String, Consumer<Map<String, Object>>> attacks = new java.util.LinkedHashMap<>();
        attacks.put("input.training", p -> p.remove("training"));
        attacks.put("input.training ", p -> p.put("trainingNotApplicableReason", "None was given"));
        attacks.put("input.training.attendedOn", p -> p.put("training", Map.of("attendedOn", LocalDate.now().plusDays(1).toString())));
        attacks.put("input.informationSheet", p -> p.remove("informationSheet"));
        attacks.put("input.informationSheet ", p -> p.put("informationSheetNotApplicableReason", "none"));
        attacks.put("input.consentForm", p -> p.put("consentForm", Map.of("title", "Focus Group Consent Form")));
        attacks.put("input.consentForm ", p -> p.remove("consentFormNotApplicableReason"));
        attacks.put("input.facilitatorSuitability", p -> p.put("facilitatorSuitability", "   "));
        attacks.put("input.ethicsPlan[0].plan", p -> p.put("ethicsPlan", List.of(Map.of("item", items.get(0), "plan", "Referral pathway",
                "notApplicableReason", "Also not applicable"))));
        attacks.put("input.ethicsPlan[0].plan ", p -> p.put("ethicsPlan", List.of(Map.of("item", items.get(0)))));
        attacks.put("input.ethicsPlan[1].item", p -> p.put("ethicsPlan", List.of(Map.of("item", items.get(0), "plan", "a"),
                Map.of("item", items.get(0), "plan", "b"))));
        // Caregivers: every item of the plan, as the live schema lists them, is answered; leaving out any one is refused.
        for (String left : items) {
            attacks.put("input.ethicsPlan (" + left + ")", p -> p.put("ethicsPlan", ((List<?>) preparation(session, items).get("ethicsPlan"))
                    .stream().filter(i -> !((Map<?, ?>) i).get("item").equals(left)).toList()));
        }
        for (Map.Entry<String, Consumer<Map<String, Object>>> attack : attacks.entrySet()) {
            Map<String, Object> input = preparation(session, items);
            attack.getValue().accept(input);
            var refused = error(call(Tokens.of("fac.borno"), PREPARE, Map.of("i", input)), "VALIDATION_FAILED");
            assertEquals(attack.getKey().replaceAll(" .*|\\s+$", ""), field(refused), attack.getKey());
            assertFalse(prepared(session), attack.getKey());
        }
    }

    @Test
    void anHonestNotApplicableIsAcceptedAndProfessionalsNeedNoEthicsItems() {
        String session = planned("fac.borno", GRANTEE_GUIDE, "fac2.borno");
        Map<String, Object> input = preparation(session, List.of());
        input.remove("training");
        input.put("trainingNotApplicableReason", "The facilitator gave the Needs Assessment Lead's training herself");
        ok(Tokens.of("fac.borno"), PREPARE, Map.of("i", input));
        JsonPath read = ok(Tokens.of("fac.borno"), READ, Map.of("id", session));
        assertNull(read.get("data.focusGroupSession.training"));
        assertEquals(List.of(), read.getList("data.focusGroupSession.ethicsPlan"));
        ok(Tokens.of("fac.borno"), CONSENT, consentOf(session, 12, 3));
    }

    @Test
    void withdrawalsAreACountOfThoseWhoAgreedAndTheReportBackIsTracked() {
        String session = planned("fac.borno", CAREGIVERS_GUIDE, "fac2.borno");
        String withdraw = "mutation($i: RecordSessionWithdrawalsInput!) { recordSessionWithdrawals(input: $i) { session { withdrawnCount } } }";
        String reportBack = "mutation($i: RecordReportBackInput!) { recordReportBack(input: $i) { session { reportSentOn reportBackDue } } }";
        error(call(Tokens.of("fac.borno"), withdraw, Map.of("i", Map.of("id", session, "version", version(session), "withdrawnCount", 1))),
                "INVALID_TRANSITION");
        FocusGroupTest.prepare("fac.borno", session);
        ok(Tokens.of("fac.borno"), CONSENT, consentOf(session, 9, 4));

        var tooMany = error(call(Tokens.of("fac.borno"), withdraw, Map.of("i", Map.of("id", session, "version", version(session),
                "withdrawnCount", 10))), "VALIDATION_FAILED");
        assertEquals("input.withdrawnCount", field(tooMany));
        assertEquals(0, Db.row("select withdrawn_count from fg_session where id = ?", uuid(session)).get("withdrawn_count"));
        assertEquals(2, ok(Tokens.of("fac2.borno"), withdraw, Map.of("i", Map.of("id", session, "version", version(session),
                "withdrawnCount", 2))).getInt("data.recordSessionWithdrawals.session.withdrawnCount"));
        assertEquals(9, ok(Tokens.of("fac.borno"), READ, Map.of("id", session)).getInt("data.focusGroupSession.participantCount"),
                "those who withdrew stay counted among those who agreed to proceed");

        var toMoreThanAsked = error(call(Tokens.of("fac.borno"), reportBack, Map.of("i", Map.of("id", session, "version", version(session),
                "sentOn", LocalDate.now().toString(), "sentCount", 5))), "VALIDATION_FAILED");
        assertEquals("input.sentCount", field(toMoreThanAsked));
        var beforeTheSession = error(call(Tokens.of("fac.borno"), reportBack, Map.of("i", Map.of("id", session, "version", version(session),
                "sentOn", LocalDate.now().minusDays(1).toString(), "sentCount", 4))), "VALIDATION_FAILED");
        assertEquals("input.sentOn", field(beforeTheSession));
        assertNull(Db.row("select report_sent_on from fg_session where id = ?", uuid(session)).get("report_sent_on"));
        assertTrue(ok(Tokens.of("fac.borno"), READ, Map.of("id", session)).getBoolean("data.focusGroupSession.reportBackDue"));

        FocusGroupTest.agreeByBoth(session);
        JsonPath sent = ok(Tokens.of("fac.borno"), reportBack, Map.of("i", Map.of("id", session, "version", version(session),
                "sentOn", LocalDate.now().toString(), "sentCount", 4)));
        assertFalse(sent.getBoolean("data.recordReportBack.session.reportBackDue"), "sent to those who asked, after the session is final");
        for (String user : List.of("cw.amani", "lead.borno")) {
            error(call(Tokens.of(user), reportBack, Map.of("i", Map.of("id", session, "version", version(session),
                    "sentOn", LocalDate.now().toString(), "sentCount", 4))), "NOT_FOUND");
        }
    }

    @Test
    void anAuditEventNamesItsSteeringGroup() {
        String create = "mutation($i: CreateAssessmentEventInput!) { createAssessmentEvent(input: $i) { event { id partOf steeringGroup } } }";
        Map<String, Object> audit = new HashMap<>(Map.of("name", "Peer-on-peer abuse audit, focus groups", "startsOn", LocalDate.now().toString(),
                "endsOn", LocalDate.now().toString(), "partOf", "CONTEXTUAL_SAFEGUARDING_AUDIT"));
        long before = Db.count("select count(*) from assessment_event");
        var refused = error(call(Tokens.of("fac.borno"), create, Map.of("i", audit)), "VALIDATION_FAILED");
        assertEquals("input.steeringGroup", field(refused));
        assertEquals(before, Db.count("select count(*) from assessment_event"));
        audit.put("steeringGroup", "Education, police, health and children's social care leads; agreed two groups");
        JsonPath created = ok(Tokens.of("fac.borno"), create, Map.of("i", audit));
        assertEquals("CONTEXTUAL_SAFEGUARDING_AUDIT", created.getString("data.createAssessmentEvent.event.partOf"));
        assertEquals("NEEDS_ASSESSMENT", ok(Tokens.of("fac.borno"), create, Map.of("i", Map.of("name", "Grantee meetings",
                "startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().toString(), "partOf", "NEEDS_ASSESSMENT")))
                .getString("data.createAssessmentEvent.event.partOf"));
    }

    static final String REPORT = """
            mutation($i: ReportSafeguardingConcernInput!) { reportSafeguardingConcern(input: $i) {
              concern { id riskLevel route leadAgencyCode supervisorConsulted reportedAt } } }""";
    static final String RECEIVED = "{ safeguardingReportsReceived(first: 100) { edges { node { id riskLevel description reportedByUsername state caseId } } } }";
    static final String OPEN = """
            mutation($i: OpenCaseFromSafeguardingReportInput!) { openCaseFromSafeguardingReport(input: $i) {
              report { id caseId } openedCase { id } } }""";

    static String sessionWithAConcern(String riskLevel) {
        String session = planned("fac.borno", CAREGIVERS_GUIDE, "fac2.borno");
        FocusGroupTest.consent("fac.borno", session, 10);
        Map<String, Object> concern = new HashMap<>(Map.of("description", "A caregiver said a neighbour's child sleeps outside"));
        if (riskLevel != null) concern.put("riskLevel", riskLevel);
        ok(Tokens.of("fac.borno"), FocusGroupTest.NOTES, Map.of("i", Map.of("id", session, "version", version(session),
                "safeguardingConcerns", List.of(concern))));
        return session;
    }

    static String concernOf(String session) {
        return ok(Tokens.of("fac.borno"), READ, Map.of("id", session)).getString("data.focusGroupSession.notes.safeguardingConcerns[0].id");
    }

    static Map<String, Object> report(String concern) {
        return new HashMap<>(Map.of("id", concern, "reportedAt", OffsetDateTime.now().toString(), "reportedTo", "Kindred intake desk",
                "riskLevel", "CHILD_IS_AT_RISK", "supervisorConsulted", "Grace, Amani's safeguarding supervisor", "route", "LEAD_AGENCY",
                "leadAgencyCode", "KINDRED"));
    }

    @Test
    void aConcernIsReportedWithItsRiskItsSupervisorAndItsRoute() {
        String session = sessionWithAConcern(null);
        String concern = concernOf(session);
        Map<String, Consumer<Map<String, Object>>> attacks = new java.util.LinkedHashMap<>();
        attacks.put("input.riskLevel", r -> r.remove("riskLevel"));
        attacks.put("input.supervisorConsulted", r -> r.remove("supervisorConsulted"));
        attacks.put("input.supervisorConsulted ", r -> r.put("supervisorNotConsultedReason", "Could not be reached"));
        attacks.put("input.leadAgencyCode", r -> r.remove("leadAgencyCode"));
        attacks.put("input.leadAgencyCode ", r -> r.put("leadAgencyCode", "STLUKE"));
        attacks.put("input.leadAgencyCode  ", r -> r.put("leadAgencyCode", "NO-SUCH-AGENCY"));
        attacks.put("input.leadAgencyCode   ", r -> r.put("route", "AUTHORITY"));
        for (Map.Entry<String, Consumer<Map<String, Object>>> attack : attacks.entrySet()) {
            Map<String, Object> input = report(concern);
            attack.getValue().accept(input);
            var refused = error(call(Tokens.of("fac.borno"), REPORT, Map.of("i", input)), "VALIDATION_FAILED");
            assertEquals(attack.getKey().strip(), field(refused), attack.getKey());
            assertEquals(0, Db.count("select count(*) from fg_safeguarding_concern where id = ? and (reported_at is not null or route is not null"
                    + " or risk_level is not null)", uuid(concern)), attack.getKey());
        }
        Map<String, Object> noSupervisor = report(concern);
        noSupervisor.remove("supervisorConsulted");
        noSupervisor.put("supervisorNotConsultedReason", "The child was in immediate danger; the supervisor was told afterwards");
        JsonPath reported = ok(Tokens.of("fac2.borno"), REPORT, Map.of("i", noSupervisor));
        assertEquals("KINDRED", reported.getString("data.reportSafeguardingConcern.concern.leadAgencyCode"));
        assertEquals("CHILD_IS_AT_RISK", reported.getString("data.reportSafeguardingConcern.concern.riskLevel"));
    }

    @Test
    void theLeadAgencyNamedReadsTheReportAndOpensACaseFromItAndNobodyElse() {
        String session = sessionWithAConcern("CHILD_MAY_BE_AT_RISK");
        String concern = concernOf(session);
        Map<String, Object> input = report(concern);
        input.remove("riskLevel");
        assertEquals("CHILD_MAY_BE_AT_RISK", ok(Tokens.of("fac.borno"), REPORT, Map.of("i", input))
                .getString("data.reportSafeguardingConcern.concern.riskLevel"), "the level given when it was raised");

        String reportId = GlobalId.encode("SafeguardingReport", uuid(concern));
        List<Map<String, Object>> received = ok(Tokens.of("cw.kindred"), RECEIVED, null).getList("data.safeguardingReportsReceived.edges.node");
        Map<String, Object> mine = received.stream().filter(r -> r.get("id").equals(reportId)).findFirst().orElseThrow();
        assertEquals("CHILD_MAY_BE_AT_RISK", mine.get("riskLevel"));
        assertEquals("fac.borno", mine.get("reportedByUsername"));
        assertFalse(ok(Tokens.of("cw.amani"), RECEIVED, null).getList("data.safeguardingReportsReceived.edges.node.id").contains(reportId));
        for (String user : List.of("fac.borno", "pr.safehaven", "lead.adamawa", "auditor")) {
            error(call(Tokens.of(user), RECEIVED), "FORBIDDEN");
        }

        Map<String, Object> openCase = new HashMap<>(Map.of("identity", Map.of("fullName", "Child of the report", "dateOfBirth", "2015-01-01"),
                "intakeNotice", Cases.intakeNotice(), "reportingConsent", false));
        long cases = Db.count("select count(*) from survivor_case");
        for (String user : List.of("cw.amani", "sup.amani", "fac.borno", "pr.safehaven")) {
            error(call(Tokens.of(user), OPEN, Map.of("i", Map.of("reportId", reportId, "openCase", openCase))), "NOT_FOUND");
        }
        assertEquals(cases, Db.count("select count(*) from survivor_case"));
        JsonPath opened = ok(Tokens.of("cw.kindred"), OPEN, Map.of("i", Map.of("reportId", reportId, "openCase", openCase)));
        String caseId = opened.getString("data.openCaseFromSafeguardingReport.openedCase.id");
        assertEquals(caseId, opened.getString("data.openCaseFromSafeguardingReport.report.caseId"));
        assertEquals(Cases.uuid(caseId), Db.row("select case_id from fg_safeguarding_concern where id = ?", uuid(concern)).get("case_id"));
        assertTrue(ok(Tokens.of("fac.borno"), READ, Map.of("id", session)).getBoolean("data.focusGroupSession.notes.safeguardingConcerns[0].leadAgencyActedOn"));
        assertEquals(1, Db.count("select count(*) from survivor_case s join agency a on a.id = s.lead_agency_id where s.id = ? and a.code = 'KINDRED'",
                Cases.uuid(caseId)));

        error(call(Tokens.of("sup.kindred"), OPEN, Map.of("i", Map.of("reportId", reportId, "openCase", openCase))), "INVALID_TRANSITION");
        assertEquals(cases + 1, Db.count("select count(*) from survivor_case"));
        error(call(Tokens.of("fac.borno"), REPORT, Map.of("i", report(concern))), "INVALID_TRANSITION");
    }

    @Test
    void aQuestionsTagsComeFromFixedListsBesideItsSummary() {
        String session = planned("fac.borno", GRANTEE_GUIDE, "fac2.borno");
        FocusGroupTest.consent("fac.borno", session, 12);
        String question = ok(Tokens.of("fac.borno"), "query($id: ID!) { focusGroupSession(id: $id) { guide { questions { id } } } }",
                Map.of("id", session)).getString("data.focusGroupSession.guide.questions[2].id");
        String theme = ok(Tokens.of("fac.borno"), "{ needThemes { name } }", null).getString("data.needThemes[0].name");
        for (String kind : List.of("successes", "barriersAndChallenges", "actionPlans", "strategies")) {
            Map<String, Object> response = new HashMap<>(Map.of("questionId", question, "summary", "What the breakout group identified"));
            response.put(kind, List.of(theme, "a theme nobody listed"));
            var refused = error(call(Tokens.of("fac.borno"), FocusGroupTest.NOTES, Map.of("i", Map.of("id", session, "version", version(session),
                    "responses", List.of(response)))), "VALIDATION_FAILED");
            assertEquals("input.responses[0]." + kind + "[1]", field(refused));
            assertEquals(0, Db.count("select count(*) from fg_response where session_id = ?", uuid(session)), kind);
        }
        List<String> places = ok(Tokens.of("fac.borno"), "{ __type(name: \"PlaceOrContext\") { enumValues { name } } }", null)
                .getList("data.__type.enumValues.name");
        Map<String, Object> response = new HashMap<>(Map.of("questionId", question, "summary", "Successes and barriers",
                "successes", List.of(theme), "strategies", List.of(theme.toUpperCase()), "sourcesOfHelp", List.of("PEER_NETWORKS"),
                "placesAndContexts", places));
        ok(Tokens.of("fac.borno"), FocusGroupTest.NOTES, Map.of("i", Map.of("id", session, "version", version(session), "responses", List.of(response))));
        JsonPath read = ok(Tokens.of("fac2.borno"), READ, Map.of("id", session));
        assertEquals(List.of(theme), read.getList("data.focusGroupSession.notes.responses[0].strategies"));
        assertEquals(List.of("PEER_NETWORKS"), read.getList("data.focusGroupSession.notes.responses[0].sourcesOfHelp"));
        assertEquals(places, read.getList("data.focusGroupSession.notes.responses[0].placesAndContexts"));
        assertEquals(List.of(), read.getList("data.focusGroupSession.notes.responses[0].barriersAndChallenges"));
    }
}
