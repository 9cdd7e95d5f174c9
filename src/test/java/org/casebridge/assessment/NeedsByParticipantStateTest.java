package org.casebridge.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a session hears counts for the participants' state, not the host state (a grantee meeting gathers many states:
 * "inform support for your state"); a professional level only where the audience has one; sessions stay on the
 * guide version they used.
 */
@QuarkusTest
class NeedsByParticipantStateTest {

    static final String SIGN_IN = "mutation($i: SignInParticipantInput!) { signInParticipant(input: $i) { session { id } } }";
    static final String NOTES = "mutation($i: RecordSessionNotesInput!) { recordSessionNotes(input: $i) { session { id version } } }";
    static final String READ = """
            query($id: ID!) { focusGroupSession(id: $id) { version guideVersion signIns { id fullName state agency }
              notes { needs { theme state professionalLevel } followUpRequests { id theme state agency signInId status } } } }""";

    /** A grantee session held in Borno, its sign-in sheet naming participants of Adamawa and Virginia, consent confirmed. */
    static String granteeSessionWithTwoStates() {
        String session = FocusGroupTest.planned("fac.borno", FocusGroupTest.GRANTEE_GUIDE, "fac2.borno");
        for (String[] line : List.of(new String[]{"Amina Yusuf", "Adamawa Ministry of Women Affairs", "Adamawa"},
                new String[]{"Jo Carter", "Virginia Department of Social Services", "Virginia"})) {
            ok(Tokens.of("fac.borno"), SIGN_IN, Map.of("i", Map.of("sessionId", session, "fullName", line[0], "jobTitle", "Director",
                    "agency", line[1], "city", "Arlington", "state", line[2])));
        }
        FocusGroupTest.prepare("fac.borno", session);
        ok(Tokens.of("fac.borno"), FocusGroupTest.CONSENT, consentOf(session));
        return session;
    }

    private static Map<String, Object> consentOf(String session) {
        return Map.of("i", Map.of("id", session, "version", FocusGroupTest.version(session), "allParticipantsAgreed", true,
                "participantCount", 12, "femaleCount", 7, "maleCount", 5, "otherGenderCount", 0));
    }

    static Map<String, Object> need(String theme, String level) {
        Map<String, Object> need = new HashMap<>(Map.of("theme", theme, "urgency", "HIGH"));
        if (level != null) need.put("professionalLevel", level);
        return need;
    }

    private static JsonPath notes(String session, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("id", session);
        input.put("version", FocusGroupTest.version(session));
        return call(Tokens.of("fac.borno"), NOTES, Map.of("i", input));
    }

    private static String signInOf(String session, String state) {
        List<Map<String, Object>> lines = ok(Tokens.of("fac.borno"), READ, Map.of("id", session)).getList("data.focusGroupSession.signIns");
        return (String) lines.stream().filter(l -> state.equals(l.get("state"))).findFirst().orElseThrow().get("id");
    }

    @Test
    void needsAndFollowUpRequestsCountForTheStateTheParticipantsNamed() {
        String session = granteeSessionWithTwoStates();
        String adamawa = signInOf(session, "Adamawa");
        Map<String, Object> fromTheSheet = need("technical assistance", "MANAGER");
        fromTheSheet.put("signInId", adamawa);
        Map<String, Object> chosen = need("peer networks and learning", "SUPERVISOR");
        chosen.put("state", "Virginia");
        ok(Tokens.of("fac.borno"), NOTES, Map.of("i", Map.of("id", session, "version", FocusGroupTest.version(session),
                "needs", List.of(fromTheSheet, chosen),
                "followUpRequests", List.of(Map.of("theme", "technical assistance", "request", "Call about CFSR round 3 planning",
                        "signInId", adamawa)))));
        JsonPath read = ok(Tokens.of("fac.borno"), READ, Map.of("id", session));
        List<Map<String, Object>> needs = read.getList("data.focusGroupSession.notes.needs");
        assertEquals(Map.of("technical assistance", "Adamawa", "peer networks and learning", "Virginia"),
                Map.of(needs.get(0).get("theme"), needs.get(0).get("state"), needs.get(1).get("theme"), needs.get(1).get("state")));
        Map<String, Object> request = read.getMap("data.focusGroupSession.notes.followUpRequests[0]");
        assertEquals("Adamawa", request.get("state"));
        assertEquals("Adamawa Ministry of Women Affairs", request.get("agency"));
        assertEquals(adamawa, request.get("signInId"));
        assertEquals("OPEN", request.get("status"));
        for (String stranger : List.of("lead.adamawa", "lead.borno", "sup.amani", "cw.amani")) {
            error(call(Tokens.of(stranger), READ, Map.of("id", session)), "NOT_FOUND");
        }

        String status = "mutation($i: ChangeFollowUpRequestStatusInput!) { changeFollowUpRequestStatus(input: $i) { followUpRequest { status } } }";
        // another spelling of the same ID (the UUID in capitals) names the same request
        String raw = new String(java.util.Base64.getUrlDecoder().decode((String) request.get("id")), java.nio.charset.StandardCharsets.UTF_8);
        String respelled = java.util.Base64.getUrlEncoder().encodeToString(raw.toUpperCase(java.util.Locale.ROOT)
                .replace(raw.substring(0, raw.indexOf(':')).toUpperCase(java.util.Locale.ROOT), raw.substring(0, raw.indexOf(':')))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> done = Map.of("i", Map.of("id", respelled, "status", "DONE"));
        for (String stranger : List.of("lead.adamawa", "sup.amani")) {
            error(call(Tokens.of(stranger), status, done), "NOT_FOUND");
        }
        assertEquals("OPEN", Db.row("select status from fg_follow_up_request where session_id = ?", FocusGroupTest.uuid(session)).get("status"));
        assertEquals("DONE", ok(Tokens.of("fac2.borno"), status, done).getString("data.changeFollowUpRequestStatus.followUpRequest.status"));
    }

    @Test
    void aNeedWithoutAStateIsRefusedWhenTheSheetNamesSeveral() {
        String session = granteeSessionWithTwoStates();
        long before = needsOf(session);
        assertEquals("input.needs[0].state", field(error(notes(session, Map.of("needs", List.of(need("technical assistance", "MANAGER")))),
                "VALIDATION_FAILED")));
        Map<String, Object> foreign = need("technical assistance", "MANAGER");
        foreign.put("signInId", GlobalId.encode("SessionSignIn", UUID.randomUUID()));
        assertEquals("input.needs[0].signInId", field(error(notes(session, Map.of("needs", List.of(foreign))), "VALIDATION_FAILED")));
        assertEquals(before, needsOf(session));
    }

    @Test
    void aCaregiversNeedHasNoProfessionalLevelAndAProfessionalsNeedHasOne() {
        String caregivers = FocusGroupTest.planned("fac.borno", FocusGroupTest.CAREGIVERS_GUIDE, "fac2.borno");
        FocusGroupTest.consent("fac.borno", caregivers, 9);
        ok(Tokens.of("fac.borno"), NOTES, Map.of("i", Map.of("id", caregivers, "version", FocusGroupTest.version(caregivers),
                "needs", List.of(need("transport to services", null)))));
        Map<String, Object> stored = ok(Tokens.of("fac.borno"), READ, Map.of("id", caregivers)).getMap("data.focusGroupSession.notes.needs[0]");
        assertNull(stored.get("professionalLevel"));
        assertEquals("Borno", stored.get("state"), "caregivers sign no sheet: their needs count where the session is held");

        long before = needsOf(caregivers);
        assertEquals("input.needs[0].professionalLevel", field(error(notes(caregivers, Map.of("needs",
                List.of(need("transport to services", "CASEWORKER")))), "VALIDATION_FAILED")));
        assertEquals(before, needsOf(caregivers));

        String grantees = granteeSessionWithTwoStates();
        Map<String, Object> withoutLevel = need("technical assistance", null);
        withoutLevel.put("state", "Virginia");
        assertEquals("input.needs[0].professionalLevel", field(error(notes(grantees, Map.of("needs", List.of(withoutLevel))),
                "VALIDATION_FAILED")));
        assertEquals(0, needsOf(grantees));
    }

    /** Thirty needs raised by Adamawa's participants at sessions held in Borno, final in March 2014. */
    @Test
    void theStateLeadsFiguresFollowTheCreditedState() {
        if (Db.count("select count(*) from fg_session where location = 'Credited state test'") == 0) {
            for (int s = 0; s < 3; s++) {
                UUID id = UUID.randomUUID();
                OffsetDateTime at = OffsetDateTime.parse("2014-03-1" + s + "T15:00:00Z");
                Db.execute("""
                        insert into fg_session (id, guide_id, guide_version, audience, format, state, held_on, starts_at, ends_at, location,
                          facilitator_subject, facilitator_username, note_taker_username, composition, status, participant_count,
                          female_count, male_count, other_gender_count, finalised_at, created_at, updated_at)
                        values (?, 'a1000000-0000-4000-8000-000000000002', 2, 'STATE_OFFICIALS', 'GROUP_DISCUSSION', 'Borno', ?, '10:00',
                          '11:00', 'Credited state test', 'x', 'fac.borno', 'fac2.borno', 'MIXED', 'FINAL', 12, 6, 6, 0, ?, ?, ?)""",
                        id, at.toLocalDate(), at, at, at);
                for (int n = 0; n < 10; n++) {
                    Db.execute("insert into fg_need (id, session_id, state, theme, professional_level, urgency) "
                            + "values (?, ?, 'Adamawa', 'technical assistance', 'MANAGER', 'HIGH')", UUID.randomUUID(), id);
                }
            }
        }
        String query = "query($s: String, $p: ReportingPeriodInput!) { needsAssessment(state: $s, period: $p) { "
                + "needs { grandTotal { value suppressed } } } }";
        Map<String, Object> march2014 = Map.of("p", Map.of("year", 2014, "month", 3));
        ok(Tokens.of("lead.adamawa"), query, march2014);
        ok(Tokens.of("lead.borno"), query, march2014);
        // What each state's release counted, before disclosure control decides what is shown (Adamawa's needs are all
        // of one theme with no quote of Adamawa beside them, so the linear audit may hide the total; that is its business).
        String released = "select value from report_release_cell where family = 'NEEDS' and scope = ? and period = '2014-03' "
                + "and tbl = 'needs' and row_key = 'TOTAL' and col_key = 'TOTAL'";
        assertEquals(30L, ((Number) Db.row(released, "Adamawa").get("value")).longValue(), "the participants' state counts their needs");
        assertEquals(0L, ((Number) Db.row(released, "Borno").get("value")).longValue(), "the host state is not credited with its guests' needs");
    }

    @Test
    void aSessionStaysOnTheGuideVersionItUsed() {
        String planned = GlobalId.encode("FocusGroupSession", UUID.fromString("a1400000-0000-4000-8000-000000000091"));
        String query = "query($id: ID!) { focusGroupSession(id: $id) { guideVersion guide { version questions { text } } } }";
        JsonPath old = ok(Tokens.of("fac.borno"), query, Map.of("id", planned));
        assertEquals(1, old.getInt("data.focusGroupSession.guideVersion"));
        assertEquals(1, old.getInt("data.focusGroupSession.guide.version"));
        assertFalse(old.getString("data.focusGroupSession.guide.questions[0].text").contains("Dr. Milner"),
                "the session planned before keeps the text it was planned on");

        String fresh = FocusGroupTest.planned("fac.borno", FocusGroupTest.GRANTEE_GUIDE, "fac2.borno");
        JsonPath current = ok(Tokens.of("fac.borno"), query, Map.of("id", fresh));
        assertEquals(2, current.getInt("data.focusGroupSession.guideVersion"));
        assertTrue(current.getString("data.focusGroupSession.guide.questions[0].text").contains("from Dr. Milner"));
    }

    private static long needsOf(String session) {
        return Db.count("select count(*) from fg_need where session_id = ?", FocusGroupTest.uuid(session));
    }
}
