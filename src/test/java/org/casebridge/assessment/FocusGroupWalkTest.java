package org.casebridge.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.assessment.FocusGroupTest.CAREGIVERS_GUIDE;
import static org.casebridge.assessment.FocusGroupTest.GRANTEE_GUIDE;
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
 * Issue 19, "Done when": a facilitator runs each of the three guides end to end through the API, as she would in
 * GraphiQL, and each step checks what the next one sees: the guide and its plan, the preparation, the sign-in sheet,
 * consent, notes with tags, withdrawals, a safeguarding concern up to its report, follow-up requests with their status,
 * the agreement that makes the session final, and the report back.
 */
@QuarkusTest
class FocusGroupWalkTest {

    private static final String FACILITATOR = "fac.borno";
    private static final String NOTE_TAKER = "fac2.borno";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static final String SESSION = """
            id status version guideId guideVersion audience cohort eventId state composition preparedAt facilitatorSuitability
            training { attendedOn givenBy minutes } informationSheet { title version } consentForm { title version }
            consentFormNotApplicableReason ethicsPlan { item plan notApplicableReason }
            signIns { id fullName agency state } participantCount femaleCount maleCount assentCount parentalConsentCount
            withdrawnCount reportRequestedCount reportSentOn reportSentCount reportBackDue facilitatorAgreedAt noteTakerAgreedAt
            guide { version questions { id position text } }
            notes { responses { questionId summary successes barriersAndChallenges strategies sourcesOfHelp placesAndContexts }
              quotes { speakerType text themes } needs { theme state professionalLevel urgency timeFrame }
              followUpRequests { id theme request state agency signInId status }
              safeguardingConcerns { id riskLevel reportedAt route leadAgencyCode supervisorConsulted leadAgencyActedOn } }""";
    private static final String READ = "query($id: ID!) { focusGroupSession(id: $id) { " + SESSION + " } }";

    private static String mutation(String name, String inputType) {
        return "mutation($i: " + inputType + "!) { " + name + "(input: $i) { session { " + SESSION + " } warnings } }";
    }

    private static final String PLAN = mutation("planFocusGroupSession", "PlanFocusGroupSessionInput");
    private static final String PREPARE = mutation("prepareFocusGroupSession", "PrepareFocusGroupSessionInput").replace(" warnings", "");
    private static final String SIGN_IN = mutation("signInParticipant", "SignInParticipantInput").replace(" warnings", "");
    private static final String CONSENT = mutation("confirmSessionConsent", "ConfirmSessionConsentInput");
    private static final String NOTES = mutation("recordSessionNotes", "RecordSessionNotesInput").replace(" warnings", "");
    private static final String WITHDRAW = mutation("recordSessionWithdrawals", "RecordSessionWithdrawalsInput").replace(" warnings", "");
    private static final String AGREE = mutation("agreeSessionNotes", "AgreeSessionNotesInput").replace(" warnings", "");
    private static final String REPORT_BACK = mutation("recordReportBack", "RecordReportBackInput").replace(" warnings", "");
    private static final String REPORT_CONCERN = """
            mutation($i: ReportSafeguardingConcernInput!) { reportSafeguardingConcern(input: $i) { concern { id route reportedAt } } }""";
    private static final String FOLLOW_UP_STATUS = """
            mutation($i: ChangeFollowUpRequestStatusInput!) { changeFollowUpRequestStatus(input: $i) { followUpRequest { id status } } }""";
    private static final String EVENT = "mutation($i: CreateAssessmentEventInput!) { createAssessmentEvent(input: $i) { event { id partOf steeringGroup } } }";

    private static Map<String, Object> session(String user, String id) {
        return ok(Tokens.of(user), READ, Map.of("id", id)).getMap("data.focusGroupSession");
    }

    private static int version(Map<String, Object> session) {
        return (Integer) session.get("version");
    }

    private static Map<String, Object> withSession(Map<String, Object> session, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("id", session.get("id"));
        input.put("version", version(session));
        return input;
    }

    /** Runs a step on the session as its worker and answers the session as the step left it. */
    private static Map<String, Object> step(String user, String document, Map<String, Object> session, Map<String, Object> fields) {
        JsonPath answer = ok(Tokens.of(user), document, Map.of("i", withSession(session, fields)));
        Map<String, Object> data = answer.getMap("data");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) data.values().iterator().next();
        @SuppressWarnings("unchecked")
        Map<String, Object> changed = (Map<String, Object>) payload.get("session");
        return changed;
    }

    private static List<String> schemaEnum(String name) {
        return ok(Tokens.of(FACILITATOR), "query($n: String!) { __type(name: $n) { enumValues { name } } }", Map.of("n", name))
                .getList("data.__type.enumValues.name");
    }

    private static String theme(int index) {
        return ok(Tokens.of(FACILITATOR), "{ needThemes { name } }", null).getList("data.needThemes.name").get(index).toString();
    }

    private static Map<String, Object> guide(String id) {
        return ok(Tokens.of(FACILITATOR), """
                query($id: ID!) { discussionGuide(id: $id) { id version audience title expectedMinutes minParticipants maxParticipants
                  cohorts professionalLevels sections { heading minutes } questions { id position text probes } } }""", Map.of("id", id))
                .getMap("data.discussionGuide");
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String path) {
        Object value = map;
        for (String key : path.split("\\.")) {
            value = key.matches("\\d+") ? ((List<Object>) value).get(Integer.parseInt(key)) : ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }

    private static Map<String, Object> planOn(String guideId, String eventId, String cohort, String composition) {
        Map<String, Object> plan = new HashMap<>(Map.of("guideId", guideId, "format", "GROUP_DISCUSSION", "heldOn", TODAY.toString(),
                "startsAt", "10:00:00", "endsAt", "11:30:00", "location", "Maiduguri community hall", "noteTakerUsername", NOTE_TAKER,
                "composition", composition, "idempotencyKey", UUID.randomUUID().toString()));
        if (eventId != null) plan.put("eventId", eventId);
        if (cohort != null) plan.put("cohort", cohort);
        return plan;
    }

    /** What every walk ends with: the unreported concern holds the agreement, reporting it frees it, both agree, it is final. */
    private static Map<String, Object> reportAndAgree(Map<String, Object> s, Map<String, Object> report) {
        error(call(Tokens.of(FACILITATOR), AGREE, Map.of("i", withSession(s, Map.of()))), "INVALID_TRANSITION");
        assertNull(Db.row("select facilitator_agreed_at from fg_session where id = ?", uuid((String) s.get("id"))).get("facilitator_agreed_at"));
        String concern = at(s, "notes.safeguardingConcerns.0.id");
        Map<String, Object> input = new HashMap<>(report);
        input.put("id", concern);
        input.put("reportedAt", OffsetDateTime.now().toString());
        ok(Tokens.of(FACILITATOR), REPORT_CONCERN, Map.of("i", input));
        s = session(NOTE_TAKER, (String) s.get("id"));
        assertTrue(at(s, "notes.safeguardingConcerns.0.reportedAt") != null, "the note-taker sees it reported");

        s = step(FACILITATOR, AGREE, s, Map.of());
        assertEquals("CONSENTED", s.get("status"), "one agreement is not enough");
        s = step(NOTE_TAKER, AGREE, s, Map.of());
        assertEquals("FINAL", s.get("status"));
        error(call(Tokens.of(FACILITATOR), NOTES, Map.of("i", withSession(s, Map.of("groupDynamics", "Rewritten after the fact")))),
                "INVALID_TRANSITION");
        return s;
    }

    private static void followUpTo(Map<String, Object> s, String... statuses) {
        String request = at(s, "notes.followUpRequests.0.id");
        for (String status : statuses) {
            assertEquals(status, ok(Tokens.of(NOTE_TAKER), FOLLOW_UP_STATUS, Map.of("i", Map.of("id", request, "status", status)))
                    .getString("data.changeFollowUpRequestStatus.followUpRequest.status"));
        }
        assertEquals(statuses[statuses.length - 1], at(session(FACILITATOR, (String) s.get("id")), "notes.followUpRequests.0.status"),
                "the facilitator sees the status the note-taker set, on the final session");
    }

    private static Map<String, Object> signIn(Map<String, Object> line) {
        return ok(Tokens.of(FACILITATOR), SIGN_IN, Map.of("i", line)).getMap("data.signInParticipant.session");
    }

    private static void onlyItsWorkersSeeIt(String id) {
        for (String user : List.of("cw.amani", "sup.amani", "lead.borno", "auditor")) {
            error(call(Tokens.of(user), READ, Map.of("id", id)), "NOT_FOUND");
        }
    }

    @Test
    void theStateGranteeProtocol() {
        Map<String, Object> guide = guide(GRANTEE_GUIDE);
        assertEquals("STATE_OFFICIALS", guide.get("audience"));
        assertEquals(10, guide.get("minParticipants"));
        assertEquals(15, guide.get("maxParticipants"));
        assertEquals(true, guide.get("professionalLevels"));
        List<String> cohorts = at(guide, "cohorts");
        assertEquals(3, cohorts.size());
        assertTrue(guide.get("sections").toString().contains("minutes=5"), "INTRODUCTIONS: (5 minutes)");
        String event = ok(Tokens.of(FACILITATOR), EVENT, Map.of("i", Map.of("name", "State grantee meeting", "location", "Maiduguri",
                "startsOn", TODAY.toString(), "endsOn", TODAY.toString(), "partOf", "NEEDS_ASSESSMENT"))).getString("data.createAssessmentEvent.event.id");

        // Plan: one cohort of the three; the session is on the guide's current version.
        assertEquals("input.cohort", field(error(call(Tokens.of(FACILITATOR), PLAN, Map.of("i", planOn(GRANTEE_GUIDE, event, "Everyone", "MIXED"))),
                "VALIDATION_FAILED")));
        Map<String, Object> s = at(ok(Tokens.of(FACILITATOR), PLAN, Map.of("i", planOn(GRANTEE_GUIDE, event, cohorts.get(1), "MIXED")))
                .getMap("data.planFocusGroupSession"), "session");
        String id = (String) s.get("id");
        assertEquals("PLANNED", s.get("status"));
        assertEquals(cohorts.get(1), s.get("cohort"));
        assertEquals(event, s.get("eventId"));
        assertEquals(guide.get("version"), s.get("guideVersion"));
        assertEquals("Borno", s.get("state"), "the facilitator's state by default");

        // Prepare: state officials need no ethics items; the documents are named and versioned.
        s = step(NOTE_TAKER, PREPARE, s, Map.of("facilitatorSuitability", "Ran the last two grantee meetings' breakouts",
                "training", Map.of("attendedOn", TODAY.minusDays(3).toString(), "givenBy", "Needs Assessment Lead", "minutes", 60),
                "informationSheet", Map.of("title", "Grantee focus group information", "version", "2026-1"),
                "consentForm", Map.of("title", "Grantee focus group consent", "version", "2026-1")));
        assertTrue(s.get("preparedAt") != null);
        assertEquals(Map.of("title", "Grantee focus group consent", "version", "2026-1"), s.get("consentForm"));

        // Sign-in sheet: participants from two states.
        signIn(Map.of("sessionId", id, "fullName", "Hauwa Musa", "jobTitle", "Foster care manager",
                "agency", "Borno State Ministry of Women Affairs", "city", "Maiduguri", "state", "Borno"));
        s = signIn(Map.of("sessionId", id, "fullName", "Ibrahim Adamu", "jobTitle", "Adoption manager",
                "agency", "Adamawa State Social Welfare", "city", "Yola", "state", "Adamawa"));
        List<Map<String, Object>> sheet = at(s, "signIns");
        assertEquals(List.of("Borno", "Adamawa"), sheet.stream().map(l -> l.get("state")).toList());
        String adamawa = (String) sheet.get(1).get("id");

        // Consent: eight agreed, below the guide's 10–15: a warning, not a refusal.
        JsonPath consented = ok(Tokens.of(FACILITATOR), CONSENT, Map.of("i", withSession(s, Map.of("allParticipantsAgreed", true,
                "participantCount", 8, "femaleCount", 5, "maleCount", 3, "otherGenderCount", 0, "reportRequestedCount", 2))));
        List<String> warnings = consented.getList("data.confirmSessionConsent.warnings");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("10–15"), warnings.get(0));
        s = consented.getMap("data.confirmSessionConsent.session");
        assertEquals("CONSENTED", s.get("status"));
        assertEquals(true, s.get("reportBackDue"), "two asked for the report");

        // Notes: Q3's successes, barriers and strategies, Q4's sources of help, a need credited to the participant's state.
        List<Map<String, Object>> questions = at(s, "guide.questions");
        String q3 = (String) questions.get(2).get("id");
        String q4 = (String) questions.get(3).get("id");
        String theme = theme(0);
        Map<String, Object> needWithoutLevel = new HashMap<>(Map.of("theme", theme, "urgency", "HIGH", "signInId", adamawa));
        assertEquals("input.needs[0].professionalLevel", field(error(call(Tokens.of(FACILITATOR), NOTES, Map.of("i", withSession(s,
                Map.of("needs", List.of(needWithoutLevel))))), "VALIDATION_FAILED")));
        assertEquals(0, Db.count("select count(*) from fg_need where session_id = ?", uuid(id)));
        s = step(NOTE_TAKER, NOTES, s, Map.of(
                "responses", List.of(
                        Map.of("questionId", q3, "summary", "Peer mentoring works; staff turnover is the main barrier",
                                "successes", List.of(theme), "barriersAndChallenges", List.of(theme(1)), "strategies", List.of(theme)),
                        Map.of("questionId", q4, "summary", "They go to the Center for States and to peers", "sourcesOfHelp",
                                List.of("CENTER_FOR_STATES", "PEER_NETWORKS"))),
                "quotes", List.of(Map.of("questionId", q3, "speakerType", "STATE_OFFICIAL", "text", "We lose a caseworker every quarter",
                        "themes", List.of(theme(1)))),
                "needs", List.of(Map.of("theme", theme, "urgency", "HIGH", "signInId", adamawa, "professionalLevel", "MANAGER",
                        "timeFrame", "Within six months")),
                "followUpRequests", List.of(Map.of("theme", theme, "request", "Send the retention toolkit", "signInId", adamawa)),
                "safeguardingConcerns", List.of(Map.of("description", "A participant described a child left alone in a placement",
                        "riskLevel", "CHILD_MAY_BE_AT_RISK")),
                "groupDynamics", "Managers spoke most; directors deferred to them"));
        assertEquals(List.of("CENTER_FOR_STATES", "PEER_NETWORKS"), at(s, "notes.responses.1.sourcesOfHelp"));
        assertEquals(List.of(theme(1)), at(s, "notes.responses.0.barriersAndChallenges"));
        assertEquals("Adamawa", at(s, "notes.needs.0.state"), "the need counts for the participant's state, not the host's");
        assertEquals("MANAGER", at(s, "notes.needs.0.professionalLevel"));
        assertEquals("Adamawa", at(s, "notes.followUpRequests.0.state"));
        assertEquals("Adamawa State Social Welfare", at(s, "notes.followUpRequests.0.agency"), "tied to the sign-in line, to be followed up");
        assertEquals("OPEN", at(s, "notes.followUpRequests.0.status"));

        s = step(FACILITATOR, WITHDRAW, s, Map.of("withdrawnCount", 1));
        assertEquals(1, s.get("withdrawnCount"));
        assertEquals(8, s.get("participantCount"));

        s = reportAndAgree(s, Map.of("reportedTo", "Borno State child protection desk", "supervisorConsulted", "sup.amani",
                "route", "AGENCY_PROCEDURES"));
        followUpTo(s, "IN_PROGRESS", "DONE");
        s = step(FACILITATOR, REPORT_BACK, session(FACILITATOR, id), Map.of("sentOn", TODAY.toString(), "sentCount", 2));
        assertFalse((Boolean) s.get("reportBackDue"));
        assertEquals(2, s.get("reportSentCount"));
        onlyItsWorkersSeeIt(id);
    }

    @Test
    void theCaregiversGuide() {
        Map<String, Object> guide = guide(CAREGIVERS_GUIDE);
        assertEquals(90, guide.get("expectedMinutes"));
        assertEquals(8, guide.get("minParticipants"));
        assertEquals(12, guide.get("maxParticipants"));
        assertEquals(false, guide.get("professionalLevels"));
        assertEquals(List.of(), guide.get("cohorts"));
        assertEquals(11, ((List<?>) guide.get("questions")).size());

        Map<String, Object> s = at(ok(Tokens.of(FACILITATOR), PLAN, Map.of("i", planOn(CAREGIVERS_GUIDE, null, null, "FEMALE_ONLY")))
                .getMap("data.planFocusGroupSession"), "session");
        String id = (String) s.get("id");
        assertEquals("CAREGIVERS", s.get("audience"));
        error(call(Tokens.of(FACILITATOR), CONSENT, Map.of("i", withSession(s, Map.of("allParticipantsAgreed", true, "participantCount", 10,
                "femaleCount", 10, "maleCount", 0, "otherGenderCount", 0)))), "INVALID_TRANSITION");

        // Prepare: with caregivers, every item of the ethics and support plan, as the live schema lists them.
        List<String> items = schemaEnum("EthicsItem");
        List<Map<String, Object>> plan = items.stream().map(item -> Map.<String, Object>of("item", item,
                "plan", "How " + item.toLowerCase().replace('_', ' ') + " is handled at the community hall")).toList();
        assertEquals("input.ethicsPlan", field(error(call(Tokens.of(FACILITATOR), PREPARE, Map.of("i", withSession(s, Map.of(
                "facilitatorSuitability", "Community facilitator, Hausa and Kanuri", "trainingNotApplicableReason", "Gave the training herself",
                "informationSheet", Map.of("title", "Caregiver information sheet", "version", "3"),
                "consentFormNotApplicableReason", "Consent is oral, after the introduction", "ethicsPlan", plan.subList(1, plan.size()))))),
                "VALIDATION_FAILED")));
        s = step(FACILITATOR, PREPARE, s, Map.of("facilitatorSuitability", "Community facilitator, Hausa and Kanuri",
                "training", Map.of("attendedOn", TODAY.minusDays(7).toString(), "givenBy", "Needs Assessment Lead", "minutes", 60),
                "informationSheet", Map.of("title", "Caregiver information sheet", "version", "3"),
                "consentFormNotApplicableReason", "Consent is oral, after the introduction, as the guide asks", "ethicsPlan", plan));
        assertEquals(items.size(), ((List<?>) s.get("ethicsPlan")).size());
        assertNull(s.get("consentForm"));

        // Caregivers are counted, never named.
        assertEquals("input.sessionId", field(error(call(Tokens.of(FACILITATOR), SIGN_IN, Map.of("i", Map.of("sessionId", id,
                "fullName", "A caregiver"))), "VALIDATION_FAILED")));
        assertEquals(0, Db.count("select count(*) from fg_sign_in where session_id = ?", uuid(id)));

        assertEquals("input.participantCount", field(error(call(Tokens.of(FACILITATOR), CONSENT, Map.of("i", withSession(s, Map.of(
                "allParticipantsAgreed", true, "participantCount", 10, "femaleCount", 9, "maleCount", 1, "otherGenderCount", 0)))),
                "VALIDATION_FAILED")), "a women's group has no men");
        JsonPath consented = ok(Tokens.of(FACILITATOR), CONSENT, Map.of("i", withSession(s, Map.of("allParticipantsAgreed", true,
                "participantCount", 10, "femaleCount", 10, "maleCount", 0, "otherGenderCount", 0, "reportRequestedCount", 4))));
        assertEquals(List.of(), consented.getList("data.confirmSessionConsent.warnings"), "ten is within 8–12");
        s = consented.getMap("data.confirmSessionConsent.session");

        String q1 = at(s, "guide.questions.0.id");
        String theme = theme(0);
        Map<String, Object> levelled = Map.of("theme", theme, "urgency", "IMMEDIATE", "professionalLevel", "CASEWORKER");
        assertEquals("input.needs[0].professionalLevel", field(error(call(Tokens.of(FACILITATOR), NOTES, Map.of("i", withSession(s,
                Map.of("needs", List.of(levelled))))), "VALIDATION_FAILED")), "caregivers' needs have no professional level");
        s = step(FACILITATOR, NOTES, s, Map.of(
                "responses", List.of(Map.of("questionId", q1, "summary", "Most first heard of the service from a neighbour")),
                "quotes", List.of(Map.of("questionId", q1, "speakerType", "CAREGIVER", "text", "Nobody told us where to go", "themes", List.of(theme))),
                "needs", List.of(Map.of("theme", theme, "urgency", "IMMEDIATE", "timeFrame", "Before the rains")),
                "followUpRequests", List.of(Map.of("theme", theme, "request", "Visit the women's group again")),
                "safeguardingConcerns", List.of(Map.of("description", "A caregiver said a neighbour's child sleeps outside",
                        "riskLevel", "CHILD_IS_AT_RISK")),
                "groupDynamics", "Two older women answered for the group at first"));
        assertEquals("Borno", at(s, "notes.needs.0.state"), "no sheet: the session's state");
        assertNull(at(s, "notes.needs.0.professionalLevel"));
        assertEquals("CAREGIVER", at(s, "notes.quotes.0.speakerType"));
        assertEquals("Borno", at(s, "notes.followUpRequests.0.state"));
        assertNull(at(s, "notes.followUpRequests.0.signInId"));

        s = step(NOTE_TAKER, WITHDRAW, s, Map.of("withdrawnCount", 2));
        assertEquals(2, s.get("withdrawnCount"));

        // The concern goes to the lead agency, which reads it and opens a case; the facilitator learns only that it acted.
        s = reportAndAgree(s, Map.of("reportedTo", "Kindred intake desk", "supervisorConsulted", "sup.amani", "route", "LEAD_AGENCY",
                "leadAgencyCode", "KINDRED"));
        String concern = at(s, "notes.safeguardingConcerns.0.id");
        assertEquals(false, at(s, "notes.safeguardingConcerns.0.leadAgencyActedOn"));
        String reportId = org.casebridge.graphql.GlobalId.encode("SafeguardingReport", uuid(concern));
        Map<String, Object> received = ok(Tokens.of("cw.kindred"), "{ safeguardingReportsReceived(first: 100) { edges { node { id riskLevel "
                + "description reportedByUsername raisedOn caseId } } } }", null).<Map<String, Object>>getList("data.safeguardingReportsReceived.edges.node")
                .stream().filter(r -> r.get("id").equals(reportId)).findFirst().orElseThrow();
        assertEquals("CHILD_IS_AT_RISK", received.get("riskLevel"));
        assertEquals(FACILITATOR, received.get("reportedByUsername"));
        assertNull(received.get("caseId"));
        String caseId = ok(Tokens.of("cw.kindred"), FocusGroupProcedureTest.OPEN, Map.of("i", Map.of("reportId", reportId, "openCase", Map.of(
                "identity", Map.of("fullName", "Child sleeping outside"), "intakeNotice", Cases.intakeNotice()))))
                .getString("data.openCaseFromSafeguardingReport.openedCase.id");
        assertEquals("A caregiver said a neighbour's child sleeps outside", ok(Tokens.of("cw.kindred"),
                "query($id: ID!) { case(id: $id) { incident } }", Map.of("id", caseId)).getString("data.case.incident"),
                "the case carries what the facilitator recorded");
        assertEquals(true, at(session(FACILITATOR, id), "notes.safeguardingConcerns.0.leadAgencyActedOn"));
        error(call(Tokens.of(FACILITATOR), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", caseId)), "NOT_FOUND");

        followUpTo(s, "DECLINED");
        assertEquals(true, session(FACILITATOR, id).get("reportBackDue"));
        s = step(NOTE_TAKER, REPORT_BACK, session(FACILITATOR, id), Map.of("sentOn", TODAY.toString(), "sentCount", 4));
        assertFalse((Boolean) s.get("reportBackDue"));
        onlyItsWorkersSeeIt(id);
    }

    @Test
    void theYoungPeoplesQuestionsInAContextualSafeguardingAudit() {
        String event = ok(Tokens.of(FACILITATOR), EVENT, Map.of("i", Map.of("name", "Peer-on-peer abuse audit: focus groups",
                "startsOn", TODAY.toString(), "endsOn", TODAY.plusDays(1).toString(), "partOf", "CONTEXTUAL_SAFEGUARDING_AUDIT",
                "steeringGroup", "Education, police, health and children's social care; agreed one group of young people who know each other")))
                .getString("data.createAssessmentEvent.event.id");
        // The seeds name the young people's question sheet without its text: the facilitator writes the guide.
        String guideId = ok(Tokens.of(FACILITATOR), """
                mutation($i: CreateDiscussionGuideInput!) { createDiscussionGuide(input: $i) { guide { id } } }""", Map.of("i", Map.of(
                "title", "Focus Group Questions For Young People", "audience", "YOUNG_PEOPLE", "purpose", "How safe young people feel in the area",
                "expectedMinutes", 60, "questions", List.of(
                        Map.of("text", "Where do you feel safe?", "probes", List.of("At school?", "At the youth club?", "Online?")),
                        Map.of("text", "What would you like the local authority to hear?")))))
                .getString("data.createDiscussionGuide.guide.id");
        Map<String, Object> guide = guide(guideId);
        assertEquals(false, guide.get("professionalLevels"));

        Map<String, Object> s = at(ok(Tokens.of(FACILITATOR), PLAN, Map.of("i", planOn(guideId, event, null, "MIXED")))
                .getMap("data.planFocusGroupSession"), "session");
        String id = (String) s.get("id");
        assertEquals("YOUNG_PEOPLE", s.get("audience"));
        assertEquals(event, s.get("eventId"));

        List<String> items = schemaEnum("EthicsItem");
        List<Map<String, Object>> plan = items.stream().map(item -> item.equals("UPSETTING_OR_TRIGGERING_TOPICS")
                ? Map.<String, Object>of("item", item, "plan", "A youth worker they know sits in; anyone may step out and talk to her")
                : Map.<String, Object>of("item", item, "plan", "Agreed with the steering group: " + item)).toList();
        s = step(FACILITATOR, PREPARE, s, Map.of("facilitatorSuitability", "Youth worker, eight years of groups with teenagers",
                "training", Map.of("attendedOn", TODAY.minusDays(2).toString(), "givenBy", "Contextual Safeguarding team", "minutes", 60),
                "informationSheet", Map.of("title", "Focus Group Information Sheet", "version", "1"),
                "consentForm", Map.of("title", "Focus Group Consent Form", "version", "1"), "ethicsPlan", plan));
        assertEquals(Map.of("title", "Focus Group Information Sheet", "version", "1"), s.get("informationSheet"));
        assertEquals(Map.of("title", "Focus Group Consent Form", "version", "1"), s.get("consentForm"));

        Map<String, Object> noAssent = Map.of("allParticipantsAgreed", true, "participantCount", 6, "femaleCount", 3, "maleCount", 3,
                "otherGenderCount", 0, "assentCount", 5, "parentalConsentCount", 5);
        assertEquals("input.assentCount", field(error(call(Tokens.of(FACILITATOR), CONSENT, Map.of("i", withSession(s, noAssent))),
                "VALIDATION_FAILED")), "each young participant assents");
        assertEquals("PLANNED", session(FACILITATOR, id).get("status"));
        Map<String, Object> assented = new HashMap<>(noAssent);
        assented.put("assentCount", 6);
        assented.put("reportRequestedCount", 3);
        JsonPath consented = ok(Tokens.of(FACILITATOR), CONSENT, Map.of("i", withSession(s, assented)));
        s = consented.getMap("data.confirmSessionConsent.session");
        assertEquals(6, s.get("assentCount"));
        assertEquals(5, s.get("parentalConsentCount"));

        String q1 = at(s, "guide.questions.0.id");
        String theme = theme(0);
        s = step(NOTE_TAKER, NOTES, s, Map.of(
                "responses", List.of(Map.of("questionId", q1, "summary", "Safe at the youth club; not at school or on the streets",
                        "placesAndContexts", List.of("SCHOOL", "YOUTH_CLUB", "STREETS"))),
                "quotes", List.of(Map.of("questionId", q1, "speakerType", "YOUNG_PERSON",
                        "text", "In our school you can buzz in, it doesn't matter who you are", "themes", List.of(theme))),
                "needs", List.of(Map.of("theme", theme, "urgency", "MEDIUM")),
                "followUpRequests", List.of(Map.of("theme", theme, "request", "Open the youth club every day")),
                "safeguardingConcerns", List.of(Map.of("description", "A boy said older boys make him carry things after school")),
                "groupDynamics", "Friends; the quieter ones spoke in pairs"));
        assertEquals(List.of("SCHOOL", "YOUTH_CLUB", "STREETS"), at(s, "notes.responses.0.placesAndContexts"));
        assertEquals("YOUNG_PERSON", at(s, "notes.quotes.0.speakerType"));
        assertNull(at(s, "notes.safeguardingConcerns.0.riskLevel"), "the risk can be judged when reporting");

        s = step(FACILITATOR, WITHDRAW, s, Map.of("withdrawnCount", 1));
        Map<String, Object> noRisk = Map.of("reportedTo", "School designated safeguarding lead", "supervisorConsulted", "sup.amani",
                "route", "AGENCY_PROCEDURES", "id", at(s, "notes.safeguardingConcerns.0.id"), "reportedAt", OffsetDateTime.now().toString());
        assertEquals("input.riskLevel", field(error(call(Tokens.of(FACILITATOR), REPORT_CONCERN, Map.of("i", noRisk)), "VALIDATION_FAILED")));
        s = reportAndAgree(s, Map.of("reportedTo", "School designated safeguarding lead", "supervisorConsulted", "sup.amani",
                "route", "AGENCY_PROCEDURES", "riskLevel", "CHILD_MAY_BE_AT_RISK"));
        assertEquals("CHILD_MAY_BE_AT_RISK", at(s, "notes.safeguardingConcerns.0.riskLevel"));
        assertNull(at(s, "notes.safeguardingConcerns.0.leadAgencyActedOn"), "not reported to a lead agency");
        assertEquals(1, s.get("withdrawnCount"));

        followUpTo(s, "IN_PROGRESS");
        s = step(FACILITATOR, REPORT_BACK, session(FACILITATOR, id), Map.of("sentOn", TODAY.toString(), "sentCount", 3));
        assertFalse((Boolean) s.get("reportBackDue"));
        onlyItsWorkersSeeIt(id);
    }
}
