package org.casebridge.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.GraphQLClient;
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
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grants by route (DESIGN rules 2, 2a, 4): the holes an adversary found with accepted requests, each as it was done.
 * An agency sees a case only through what is addressed to it, for that route's purpose; a supervisor's decision covers
 * the one object it was made for; a route closes.
 */
@QuarkusTest
class RouteGrantsTest {

    static final String READ_REFERRAL = """
            query($id: ID!) { referral(id: $id) { id status note sharingBasis case { sharedCategories summary { riskLevel } incident } } }""";
    static final String CALL = """
            mutation($i: CallConferenceInput!) { callConference(input: $i) { conference { id } } }""";
    static final String READ_CONFERENCE = """
            query($id: ID!) { conference(id: $id) { id status scheduledAt place purpose supportsInvited
              invitations { agency { code } sharingBasis attended attendees }
              case { sharedCategories summary { riskLevel } incident } minutes { decisions } } }""";

    static Map<String, Object> override(List<String> categories) {
        return Map.of("kind", "OVERRIDE", "reason", "Imminent risk; supervisor decided to share", "categories", categories);
    }

    static Map<String, Object> conferenceInput(String caseId, List<Map<String, Object>> invitations) {
        return new HashMap<>(Map.of("caseId", caseId, "scheduledAt", OffsetDateTime.now().plusMinutes(1).toString(),
                "place", "AMANI office", "purpose", "Review safety after the hearing date was set", "survivorInvited", true,
                "supportsInvited", "Her sister", "invitations", invitations));
    }

    static Map<String, String> errors(JsonPath answer) {
        return GraphQLClient.errorsByPath(answer);
    }

    @Test
    void aSupervisorsDecisionCoversOnlyTheReferralItWasMadeFor() {
        String caseId = Cases.open("cw.amani", "Decision once " + UUID.randomUUID());
        Map<String, Object> first = Cases.referralInput(caseId, Cases.LEGAL_AID);
        first.put("sharingDecision", override(List.of("CASE_SUMMARY", "INCIDENT")));
        JsonPath created = ok(Tokens.of("sup.amani"), Cases.CREATE_REFERRAL, Map.of("i", first));
        assertEquals("OVERRIDE", created.getString("data.createReferral.referral.sharingBasis"));
        String referral = created.getString("data.createReferral.referral.id");

        // a caseworker, with no consent on record, cannot ride on the supervisor's decision: not for a conference ...
        error(call(Tokens.of("cw.amani"), CALL, Map.of("i", conferenceInput(caseId, List.of(Map.of("agencyCode", "LAWCENTRE"))))),
                "CONSENT_REQUIRED");
        assertEquals(0, Db.count("select count(*) from conference where case_id = ?", Cases.uuid(caseId)));
        // ... nor for another referral to the same agency
        error(call(Tokens.of("cw.amani"), Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.LEGAL_AID))),
                "CONSENT_REQUIRED");
        assertEquals(1, Db.count("select count(*) from referral where case_id = ?", Cases.uuid(caseId)));

        // through the referral it was made for, the decision shares what it says
        JsonPath answer = ok(Tokens.of("pr.lawcentre"), READ_REFERRAL, Map.of("id", referral));
        assertEquals("Incident of the survivor", answer.getString("data.referral.case.incident"));
        assertEquals(List.of("CASE_SUMMARY", "INCIDENT"), answer.getList("data.referral.case.sharedCategories"));
    }

    @Test
    void aWithdrawnDecisionSharesNothingFromTheNextRequestOn() {
        String caseId = Cases.open("cw.amani", "Decision withdrawn " + UUID.randomUUID());
        Map<String, Object> input = Cases.referralInput(caseId, Cases.LEGAL_AID);
        input.put("sharingDecision", override(List.of("INCIDENT")));
        String referral = ok(Tokens.of("sup.amani"), Cases.CREATE_REFERRAL, Map.of("i", input)).getString("data.createReferral.referral.id");
        String decision = ok(Tokens.of("cw.amani"), "query($id: ID!) { referral(id: $id) { sharingDecision { id validUntil } } }",
                Map.of("id", referral)).getString("data.referral.sharingDecision.id");
        assertNull(ok(Tokens.of("pr.lawcentre"), "query($id: ID!) { referral(id: $id) { sharingDecision { id } } }", Map.of("id", referral))
                .get("data.referral.sharingDecision"), "the receiving agency does not see the supervisor's reasons");
        String withdraw = "mutation($i: WithdrawSharingDecisionInput!) { withdrawSharingDecision(input: $i) { sharingDecision { withdrawnAt } } }";
        Map<String, Object> vars = Map.of("i", Map.of("id", decision, "reason", "Risk has passed"));
        error(call(Tokens.of("cw.amani"), withdraw, vars), "FORBIDDEN");
        error(call(Tokens.of("sup.kindred"), withdraw, vars), "NOT_FOUND");
        assertEquals("Incident of the survivor", call(Tokens.of("pr.lawcentre"), READ_REFERRAL, Map.of("id", referral))
                .getString("data.referral.case.incident"));

        ok(Tokens.of("sup.amani"), withdraw, vars);

        JsonPath after = call(Tokens.of("pr.lawcentre"), READ_REFERRAL, Map.of("id", referral));
        assertNull(after.get("data.referral.case.incident"));
        assertEquals("CONSENT_REQUIRED", errors(after).get("referral.case.incident"));
        error(call(Tokens.of("sup.amani"), withdraw, vars), "INVALID_TRANSITION");
        assertEquals(1, Db.count("select count(*) from audit_entry where action = 'sharing.withdraw' and allowed and target_id = ?",
                Cases.uuid(decision)));
    }

    @Test
    void aReferralStopsBeingARouteWhenItEnds() {
        String caseId = Cases.open("cw.amani", "Routes close " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "COORDINATION");
        String rejected = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        ok(Tokens.of("pr.stluke"), Cases.CHANGE_STATUS, Map.of("i", Map.of("id", rejected, "status", "REJECTED",
                "version", Cases.version(Tokens.of("cw.amani"), rejected), "reason", "No capacity")));
        String cancelled = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        Cases.move("cw.amani", cancelled, "CANCELLED", Map.of("note", "She fled to her aunt in Maiduguri"));
        String expired = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        Db.execute("update referral set status = 'EXPIRED' where id = ?", Cases.uuid(expired));
        String completedLongAgo = completed(caseId);
        Db.execute("update referral set updated_at = now() - interval '31 days', completed_at = now() - interval '31 days' where id = ?", Cases.uuid(completedLongAgo));
        String completedRecently = completed(caseId);
        Db.execute("update referral set updated_at = now() - interval '29 days', completed_at = now() - interval '29 days' where id = ?", Cases.uuid(completedRecently));

        for (String closed : List.of(rejected, cancelled, expired, completedLongAgo)) {
            JsonPath answer = call(Tokens.of("pr.stluke"), READ_REFERRAL, Map.of("id", closed));
            assertTrue(answer.getString("data.referral.status") != null, "the referral's own status stays visible");
            assertNull(answer.get("data.referral.case.summary"), closed);
            assertNull(answer.get("data.referral.note"), closed);
            assertEquals(List.of(), answer.getList("data.referral.case.sharedCategories"), closed);
            assertEquals("CONSENT_REQUIRED", errors(answer).get("referral.case.summary"), closed);
        }
        JsonPath afterCancel = call(Tokens.of("pr.stluke"), """
                query($id: ID!) { referral(id: $id) { sharingBasis history { toStatus note }
                  case { caseNumber status caseworkerName lastContactAt updatedAt openedAt version } } }""", Map.of("id", cancelled));
        assertEquals(List.of("REQUESTED", "CANCELLED"), afterCancel.getList("data.referral.history.toStatus"));
        assertTrue(!afterCancel.prettyPrint().contains("Maiduguri"), "the referrer's note after the route closed");
        assertNull(afterCancel.get("data.referral.sharingBasis"));
        for (String field : List.of("caseworkerName", "lastContactAt", "updatedAt", "openedAt", "version")) {
            assertNull(afterCancel.get("data.referral.case." + field), field);
        }
        assertTrue(afterCancel.getString("data.referral.case.caseNumber").startsWith("AMANI-"));
        assertTrue(ok(Tokens.of("cw.amani"), "query($id: ID!) { referral(id: $id) { history { note } } }", Map.of("id", cancelled))
                .getList("data.referral.history.note").contains("She fled to her aunt in Maiduguri"));
        error(call(Tokens.of("pr.stluke"), "{ referralsSent(first: 5) { totalCount } }", null), "FORBIDDEN");
        assertEquals("HIGH", call(Tokens.of("pr.stluke"), READ_REFERRAL, Map.of("id", completedRecently))
                .getString("data.referral.case.summary.riskLevel"));
        // the referring agency keeps its own case in full
        assertEquals("Incident of the survivor", ok(Tokens.of("cw.amani"), READ_REFERRAL, Map.of("id", rejected))
                .getString("data.referral.case.incident"));
    }

    private static String completed(String caseId) {
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        for (String status : List.of("ACCEPTED", "IN_PROGRESS")) {
            assertNull(Cases.move("pr.stluke", referral, status, Map.of()).get("errors"));
        }
        assertNull(Cases.move("pr.stluke", referral, "COMPLETED", Map.of("outcome", Map.of("serviceProvided", true))).get("errors"));
        return referral;
    }

    @Test
    void revokingTheConferenceConsentClosesTheInvitation() {
        String caseId = Cases.open("cw.amani", "Conference revoked " + UUID.randomUUID());
        String consent = Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "CONFERENCE"), "CASE_CONFERENCE");
        Map<String, Object> report = Map.of("kind", "MANDATORY_REPORT", "reason", "Child at risk", "categories", List.of("CASE_SUMMARY"),
                "authority", "State social welfare", "informationShared", "Risk level", "survivorInformedBeforehand", true,
                "nextStepsExplained", "A social worker will call");
        String conference = ok(Tokens.of("sup.amani"), CALL, Map.of("i", conferenceInput(caseId, List.of(Map.of("agencyCode", "STLUKE"),
                Map.of("agencyCode", "LAWCENTRE", "sharingDecision", report))))).getString("data.callConference.conference.id");
        ok(Tokens.of("cw.amani"), """
                mutation($i: RecordConferenceInput!) { recordConference(input: $i) { conference { status } } }""",
                Map.of("i", Map.of("id", conference, "version", 0, "decisions", "Court support on Monday", "attendance", List.of(
                        Map.of("agencyCode", "STLUKE", "attended", true, "attendees", "Nurse Hauwa"),
                        Map.of("agencyCode", "LAWCENTRE", "attended", true, "attendees", "Barrister Musa")))));
        String item = ok(Tokens.of("cw.amani"), "mutation($i: AddActionItemInput!) { addActionItem(input: $i) { actionItem { id } } }",
                Map.of("i", Map.of("conferenceId", conference, "assignedAgencyCode", "STLUKE", "description", "Escort her to the hearing",
                        "dueOn", LocalDate.now().plusDays(3).toString()))).getString("data.addActionItem.actionItem.id");

        JsonPath before = call(Tokens.of("pr.stluke"), READ_CONFERENCE, Map.of("id", conference));
        assertEquals("Review safety after the hearing date was set", before.getString("data.conference.purpose"));
        assertEquals(List.of("LAWCENTRE", "STLUKE"), before.getList("data.conference.invitations.agency.code"));
        assertEquals(java.util.Arrays.asList(null, "CONSENT"), before.getList("data.conference.invitations.sharingBasis"),
                "an agency never sees another agency's sharing basis");

        Cases.revoke("cw.amani", consent);

        JsonPath after = call(Tokens.of("pr.stluke"), READ_CONFERENCE, Map.of("id", conference));
        assertEquals("HELD", after.getString("data.conference.status"), "the conference's own status stays visible");
        Map<String, String> refused = errors(after);
        for (String field : List.of("scheduledAt", "place", "purpose", "supportsInvited", "minutes", "case.summary")) {
            assertNull(after.get("data.conference." + field), field);
            assertEquals("CONSENT_REQUIRED", refused.get("conference." + field), field);
        }
        assertEquals(List.of("STLUKE"), after.getList("data.conference.invitations.agency.code"),
                "no other agency's invitation, attendance or basis");
        assertNull(after.get("data.conference.invitations[0].sharingBasis"));
        assertNull(after.get("data.conference.invitations[0].attendees"));
        String text = after.prettyPrint();
        for (String secret : List.of("Barrister Musa", "Nurse Hauwa", "Her sister", "MANDATORY_REPORT", "Court support", "hearing date")) {
            assertTrue(!text.contains(secret), secret + " in " + text);
        }

        List<String> cursors = ok(Tokens.of("pr.stluke"), "{ conferenceInvitations(first: 100) { edges { cursor node { id } } } }", null)
                .getList("data.conferenceInvitations.edges.cursor");
        String scheduled = Db.row("select to_char(scheduled_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI') as t from conference where id = ?",
                Cases.uuid(conference)).get("t").toString();
        for (String cursor : cursors) {
            String decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(!decoded.contains(scheduled), "the meeting's time in a list cursor: " + decoded);
        }

        JsonPath items = call(Tokens.of("pr.stluke"), "{ actionItemsAssigned(first: 100) { edges { node { id status description } } } }", null);
        List<Map<String, Object>> nodes = items.getList("data.actionItemsAssigned.edges.node");
        Map<String, Object> own = nodes.stream().filter(n -> item.equals(n.get("id"))).findFirst().orElseThrow();
        assertEquals("OPEN", own.get("status"), "its own action item's status stays visible");
        assertNull(own.get("description"));
        assertTrue(!items.prettyPrint().contains("Escort her"));
    }

    @Test
    void aConferenceConsentDoesNotOpenAReferralAndAReferralConsentDoesNotOpenAConference() {
        String caseId = Cases.open("cw.amani", "Purposes apart " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "INCIDENT"), "CASE_CONFERENCE");
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        String conference = ok(Tokens.of("cw.amani"), CALL, Map.of("i", conferenceInput(caseId, List.of(Map.of("agencyCode", "STLUKE")))))
                .getString("data.callConference.conference.id");

        JsonPath viaReferral = call(Tokens.of("pr.stluke"), READ_REFERRAL, Map.of("id", referral));
        assertEquals(List.of("CASE_SUMMARY"), viaReferral.getList("data.referral.case.sharedCategories"));
        assertEquals("CONSENT_REQUIRED", errors(viaReferral).get("referral.case.incident"));
        JsonPath viaConference = call(Tokens.of("pr.stluke"), READ_CONFERENCE, Map.of("id", conference));
        assertEquals(List.of("CASE_SUMMARY", "INCIDENT"), viaConference.getList("data.conference.case.sharedCategories"));
    }

    /** An activity with the survivor present moves lastContactAt, updatedAt and version: a provider learns of none of them. */
    @Test
    void aProviderOnAnOpenRouteDoesNotSeeWhenTheLeadAgencyLastWroteOrMetTheSurvivor() {
        String caseId = Cases.open("cw.amani", "Lead only " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        String read = "query($id: ID!) { referral(id: $id) { case { caseNumber updatedAt lastContactAt version } } }";
        JsonPath provider = ok(Tokens.of("pr.stluke"), read, Map.of("id", referral));
        assertNotNull(provider.get("data.referral.case.caseNumber"), "the route is open");
        for (String field : List.of("updatedAt", "lastContactAt", "version")) {
            assertNull(provider.get("data.referral.case." + field), field + " shown to the provider");
        }
        JsonPath lead = ok(Tokens.of("cw.amani"), read, Map.of("id", referral));
        for (String field : List.of("updatedAt", "lastContactAt", "version")) {
            assertNotNull(lead.get("data.referral.case." + field), field + " hidden from the lead agency");
        }
    }
}
