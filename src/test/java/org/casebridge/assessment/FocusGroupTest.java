package org.casebridge.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Focus groups: guides, who sees a session, consent before recording, safeguarding, and agreement by both workers. */
@QuarkusTest
class FocusGroupTest {

    static final String CAREGIVERS_GUIDE = GlobalId.encode("DiscussionGuide", UUID.fromString("a1000000-0000-4000-8000-000000000001"));
    static final String GRANTEE_GUIDE = GlobalId.encode("DiscussionGuide", UUID.fromString("a1000000-0000-4000-8000-000000000002"));
    static final String SESSION = "id status version facilitatorAgreedAt noteTakerAgreedAt";
    static final String PLAN = "mutation($i: PlanFocusGroupSessionInput!) { planFocusGroupSession(input: $i) { session { " + SESSION + " } } }";
    static final String CONSENT = "mutation($i: ConfirmSessionConsentInput!) { confirmSessionConsent(input: $i) { session { " + SESSION + " } } }";
    static final String NOTES = "mutation($i: RecordSessionNotesInput!) { recordSessionNotes(input: $i) { session { " + SESSION + " } } }";
    static final String AGREE = "mutation($i: AgreeSessionNotesInput!) { agreeSessionNotes(input: $i) { session { " + SESSION + " } } }";
    static final String READ = "query($id: ID!) { focusGroupSession(id: $id) { id signIns { fullName } notes { quotes { text } "
            + "safeguardingConcerns { id reportedAt } } } }";

    /** A session of the guide; the grantee guide's sessions are groups of one of its cohorts. */
    static Map<String, Object> plan(String guide, String noteTaker, String composition) {
        Map<String, Object> plan = new HashMap<>(Map.of("guideId", guide, "format", "GROUP_DISCUSSION", "heldOn", LocalDate.now().toString(),
                "startsAt", "10:00:00", "endsAt", "11:30:00", "location", "Community hall", "noteTakerUsername", noteTaker,
                "composition", composition));
        if (guide.equals(GRANTEE_GUIDE)) plan.put("cohort", "State Child Welfare Directors");
        return plan;
    }

    static String planned(String facilitator, String guide, String noteTaker) {
        return ok(Tokens.of(facilitator), PLAN, Map.of("i", plan(guide, noteTaker, "MIXED"))).getString("data.planFocusGroupSession.session.id");
    }

    static int version(String session) {
        return ((Number) Db.row("select version from fg_session where id = ?", uuid(session)).get("version")).intValue();
    }

    static UUID uuid(String id) {
        return GlobalId.decode(id, "id").uuid();
    }

    static final String PREPARE = "mutation($i: PrepareFocusGroupSessionInput!) { prepareFocusGroupSession(input: $i) { session { "
            + SESSION + " preparedAt } } }";

    /** A preparation that answers every item, as the caregivers' and young people's sessions need. */
    static Map<String, Object> preparation(String session, List<String> ethicsItems) {
        return new HashMap<>(Map.of("id", session, "version", version(session),
                "facilitatorSuitability", "Six years facilitating community discussions with caregivers",
                "training", Map.of("attendedOn", LocalDate.now().toString(), "givenBy", "Needs Assessment Lead", "minutes", 60),
                "ethicsPlan", ethicsItems.stream().map(item -> Map.of("item", item, "plan", "How " + item + " is handled")).toList(),
                "informationSheet", Map.of("title", "Focus Group Information Sheet", "version", "2"),
                "consentFormNotApplicableReason", "Consent is given orally after the introduction, as the guide asks"));
    }

    static final List<String> ETHICS_ITEMS = List.of("SAFEGUARDING", "CONFIDENTIALITY", "DEALING_WITH_DISCLOSURES",
            "UPSETTING_OR_TRIGGERING_TOPICS", "WHO_IS_BROUGHT_TOGETHER", "IMPACT_ON_PARTICIPANTS", "GROUP_DYNAMICS", "SUPPORT_AFTERWARDS");

    static void prepare(String user, String session) {
        ok(Tokens.of(user), PREPARE, Map.of("i", preparation(session, ETHICS_ITEMS)));
    }

    static JsonPath consent(String user, String session, int participants) {
        prepare(user, session);
        return call(Tokens.of(user), CONSENT, Map.of("i", Map.of("id", session, "version", version(session), "allParticipantsAgreed", true,
                "participantCount", participants, "femaleCount", participants - 2, "maleCount", 2, "otherGenderCount", 0,
                "reportRequestedCount", 1)));
    }

    static void agreeByBoth(String session) {
        ok(Tokens.of("fac.borno"), AGREE, Map.of("i", Map.of("id", session, "version", version(session))));
        ok(Tokens.of("fac2.borno"), AGREE, Map.of("i", Map.of("id", session, "version", version(session))));
    }

    static long recorded(String session) {
        return Db.count("""
                with s(id) as (select cast(? as uuid))
                select (select count(*) from fg_quote, s where session_id = s.id) + (select count(*) from fg_need, s where session_id = s.id)
                     + (select count(*) from fg_response, s where session_id = s.id)
                     + (select count(*) from fg_safeguarding_concern, s where session_id = s.id)""", uuid(session));
    }

    @Test
    void theSeedGuidesShipWithTheirQuestionsAndProbesAndFacilitatorsWriteTheirOwn() {
        JsonPath guides = ok(Tokens.of("fac.borno"), "{ discussionGuides { id title audience expectedMinutes questions { position text probes } } }", null);
        List<Map<String, Object>> all = guides.getList("data.discussionGuides");
        Map<String, Object> caregivers = all.stream().filter(g -> g.get("id").equals(CAREGIVERS_GUIDE)).findFirst().orElseThrow();
        assertEquals(90, caregivers.get("expectedMinutes"));
        assertEquals(11, ((List<?>) caregivers.get("questions")).size());
        assertEquals(10, ((List<?>) all.stream().filter(g -> g.get("id").equals(GRANTEE_GUIDE)).findFirst().orElseThrow().get("questions")).size());
        assertEquals(List.of("How did they follow-up?", "Did the caseworker do the things s/he said s/he would do?",
                "Would you like to have had more contact with them?", "If you needed to contact the caseworker, did you know how?"),
                guides.getList("data.discussionGuides.find { it.id == '" + CAREGIVERS_GUIDE + "' }.questions[6].probes"));

        JsonPath created = ok(Tokens.of("fac2.borno"), """
                mutation($i: CreateDiscussionGuideInput!) { createDiscussionGuide(input: $i) { guide { id audience questions { position probes } } } }""",
                Map.of("i", Map.of("title", "Young people's questions", "audience", "YOUNG_PEOPLE", "purpose", "How safe do you feel?",
                        "questions", List.of(Map.of("text", "Where do you feel safe?", "probes", List.of("At school?", "On the way home?")),
                                Map.of("text", "Who would you tell?")))));
        assertEquals(List.of(1, 2), created.getList("data.createDiscussionGuide.guide.questions.position"));
        for (String user : List.of("cw.amani", "lead.borno", "pr.stluke")) {
            error(call(Tokens.of(user), "{ discussionGuides { id } }"), "FORBIDDEN");
        }
    }

    @Test
    void aFacilitatorCannotReadSessionsTheyDidNotRun() {
        String session = planned("fac2.borno", CAREGIVERS_GUIDE, "someone.else");
        ok(Tokens.of("fac2.borno"), READ, Map.of("id", session));
        for (String user : List.of("fac.borno", "cw.amani", "lead.borno", "auditor")) {
            JsonPath answer = call(Tokens.of(user), READ, Map.of("id", session));
            assertEquals("NOT_FOUND", answer.getString("errors[0].extensions.code"), user);
            error(call(Tokens.of(user), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", session)), "NOT_FOUND");
        }
        assertTrue(!ok(Tokens.of("fac.borno"), "{ myFocusGroupSessions { id } }", null).getList("data.myFocusGroupSessions.id").contains(session));
        String noteTakers = planned("fac.borno", CAREGIVERS_GUIDE, "fac2.borno");
        ok(Tokens.of("fac2.borno"), READ, Map.of("id", noteTakers));
    }

    @Test
    void twoDifferentWorkersRunASession() {
        var refused = error(call(Tokens.of("fac.borno"), PLAN, Map.of("i", plan(CAREGIVERS_GUIDE, "fac.borno", "MIXED"))), "VALIDATION_FAILED");
        assertEquals("input.noteTakerUsername", field(refused));
        error(call(Tokens.of("cw.amani"), PLAN, Map.of("i", plan(CAREGIVERS_GUIDE, "fac2.borno", "MIXED"))), "FORBIDDEN");
    }

    @Test
    void nothingIsRecordedBeforeConsent() {
        String session = planned("fac.borno", CAREGIVERS_GUIDE, "fac2.borno");
        Map<String, Object> notes = Map.of("id", session, "version", version(session), "groupDynamics", "Quiet",
                "quotes", List.of(Map.of("speakerType", "CAREGIVER", "text", "They listened", "themes", List.of("Participation  in Decisions"))));
        error(call(Tokens.of("fac.borno"), NOTES, Map.of("i", notes)), "INVALID_TRANSITION");
        assertEquals(0, recorded(session));
        assertNull(Db.row("select group_dynamics from fg_session where id = ?", uuid(session)).get("group_dynamics"));
        prepare("fac.borno", session);

        error(call(Tokens.of("fac.borno"), CONSENT, Map.of("i", Map.of("id", session, "version", version(session),
                "allParticipantsAgreed", true, "participantCount", 9, "femaleCount", 5, "maleCount", 2, "otherGenderCount", 0))),
                "VALIDATION_FAILED");
        ok(Tokens.of("fac2.borno"), CONSENT, Map.of("i", Map.of("id", session, "version", version(session), "allParticipantsAgreed", true,
                "participantCount", 9, "femaleCount", 7, "maleCount", 2, "otherGenderCount", 0)));
        Map<String, Object> after = new HashMap<>(notes);
        after.put("version", version(session));
        ok(Tokens.of("fac2.borno"), NOTES, Map.of("i", after));
        assertEquals(1, recorded(session));
        assertEquals("participation in decisions", Db.row("select themes[1] as t from fg_quote where session_id = ?", uuid(session)).get("t"));
    }

    @Test
    void youngPeopleAssentAndCaregiversAreCountsOnly() {
        String guide = ok(Tokens.of("fac.borno"), """
                mutation($i: CreateDiscussionGuideInput!) { createDiscussionGuide(input: $i) { guide { id } } }""",
                Map.of("i", Map.of("title", "Young people", "audience", "YOUNG_PEOPLE", "purpose", "Safety",
                        "questions", List.of(Map.of("text", "Where do you feel safe?"))))).getString("data.createDiscussionGuide.guide.id");
        String young = planned("fac.borno", guide, "fac2.borno");
        prepare("fac.borno", young);
        var refused = error(call(Tokens.of("fac.borno"), CONSENT, Map.of("i", Map.of("id", young, "version", version(young),
                "allParticipantsAgreed", true, "participantCount", 6, "femaleCount", 3, "maleCount", 3, "otherGenderCount", 0,
                "assentCount", 5, "parentalConsentCount", 6))), "VALIDATION_FAILED");
        assertEquals("input.assentCount", field(refused));

        String caregivers = planned("fac.borno", CAREGIVERS_GUIDE, "fac2.borno");
        String signIn = "mutation($i: SignInParticipantInput!) { signInParticipant(input: $i) { session { id } } }";
        error(call(Tokens.of("fac.borno"), signIn, Map.of("i", Map.of("sessionId", caregivers, "fullName", "A caregiver"))), "VALIDATION_FAILED");
        String officials = planned("fac.borno", GRANTEE_GUIDE, "fac2.borno");
        ok(Tokens.of("fac.borno"), signIn, Map.of("i", Map.of("sessionId", officials, "fullName", "Dana Director", "jobTitle", "Director",
                "agency", "State Ministry", "city", "Maiduguri", "state", "Borno")));
        assertEquals(List.of("Dana Director"), ok(Tokens.of("fac2.borno"), READ, Map.of("id", officials)).getList("data.focusGroupSession.signIns.fullName"));
        error(call(Tokens.of("fac.borno"), signIn, Map.of("i", Map.of("sessionId", caregivers, "fullName", "x"))), "VALIDATION_FAILED");
        assertEquals(0, Db.count("select count(*) from fg_sign_in where session_id = ?", uuid(caregivers)));
    }

    @Test
    void finalOnlyWithBothAgreementsAndNoUnreportedSafeguardingConcern() {
        String session = planned("fac.borno", CAREGIVERS_GUIDE, "fac2.borno");
        assertNull(consent("fac.borno", session, 12).get("errors"));
        ok(Tokens.of("fac.borno"), NOTES, Map.of("i", Map.of("id", session, "version", version(session),
                "needs", List.of(Map.of("theme", "Transport to services", "urgency", "HIGH")),
                "safeguardingConcerns", List.of(Map.of("description", "A child may be at risk at home")))));

        error(call(Tokens.of("fac.borno"), AGREE, Map.of("i", Map.of("id", session, "version", version(session)))), "INVALID_TRANSITION");
        assertEquals("CONSENTED", status(session));
        String concern = ok(Tokens.of("fac.borno"), READ, Map.of("id", session)).getString("data.focusGroupSession.notes.safeguardingConcerns[0].id");
        ok(Tokens.of("fac2.borno"), """
                mutation($i: ReportSafeguardingConcernInput!) { reportSafeguardingConcern(input: $i) { concern { reportedAt reportedTo } } }""",
                Map.of("i", Map.of("id", concern, "reportedAt", OffsetDateTime.now().toString(), "reportedTo", "AMANI child-protection focal point",
                        "riskLevel", "CHILD_MAY_BE_AT_RISK", "supervisorConsulted", "sup.amani", "route", "AGENCY_PROCEDURES")));

        JsonPath first = ok(Tokens.of("fac.borno"), AGREE, Map.of("i", Map.of("id", session, "version", version(session))));
        assertEquals("CONSENTED", first.getString("data.agreeSessionNotes.session.status"), "one worker's agreement is not enough");
        error(call(Tokens.of("fac.borno"), AGREE, Map.of("i", Map.of("id", session, "version", version(session)))), "INVALID_TRANSITION");
        assertEquals("CONSENTED", status(session));

        JsonPath both = ok(Tokens.of("fac2.borno"), AGREE, Map.of("i", Map.of("id", session, "version", version(session))));
        assertEquals("FINAL", both.getString("data.agreeSessionNotes.session.status"));
        error(call(Tokens.of("fac.borno"), NOTES, Map.of("i", Map.of("id", session, "version", version(session), "groupDynamics", "x"))),
                "INVALID_TRANSITION");
    }

    @Test
    void newNotesWithdrawAnEarlierAgreement() {
        String session = planned("fac.borno", CAREGIVERS_GUIDE, "fac2.borno");
        consent("fac.borno", session, 10);
        ok(Tokens.of("fac.borno"), AGREE, Map.of("i", Map.of("id", session, "version", version(session))));
        ok(Tokens.of("fac2.borno"), NOTES, Map.of("i", Map.of("id", session, "version", version(session), "groupDynamics", "Changed")));
        JsonPath agreed = ok(Tokens.of("fac2.borno"), AGREE, Map.of("i", Map.of("id", session, "version", version(session))));
        assertEquals("CONSENTED", agreed.getString("data.agreeSessionNotes.session.status"));
    }

    private static String status(String session) {
        return (String) Db.row("select status from fg_session where id = ?", uuid(session)).get("status");
    }

}
