package org.casebridge.conference;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import io.smallrye.graphql.client.vertx.dynamic.VertxDynamicGraphQLClientBuilder;
import io.smallrye.graphql.client.websocket.WebsocketSubprotocol;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Case conferences: invitations on consent or a supervisor's decision, who sees what, minutes, action items, events. */
@QuarkusTest
class ConferenceTest {

    static final String CALL = """
            mutation($i: CallConferenceInput!) { callConference(input: $i) { conference { id status version
              invitations { agency { code } sharingBasis } } } }""";
    static final String READ = """
            query($id: ID!) { conference(id: $id) { id purpose case { caseNumber summary { riskLevel } identity { fullName } }
              minutes { decisions actionItems { id description assignedAgency { code } } } } }""";
    static final String ADD_ITEM = """
            mutation($i: AddActionItemInput!) { addActionItem(input: $i) { actionItem { id status version } } }""";
    static final String UPDATE_ITEM = """
            mutation($i: UpdateActionItemInput!) { updateActionItem(input: $i) { actionItem { id status completionNote version } } }""";

    @TestHTTPResource("/graphql")
    URL graphql;

    static Map<String, Object> callInput(String caseId, List<Map<String, Object>> invitations) {
        Map<String, Object> input = new HashMap<>(Map.of("caseId", caseId, "scheduledAt", OffsetDateTime.now().plusMinutes(1).toString(),
                "place", "AMANI office", "purpose", "Coordinate care after the hearing", "survivorInvited", true,
                "supportsInvited", "Her sister", "invitations", invitations));
        return input;
    }

    static long conferences(String caseId) {
        return Db.count("select count(*) from conference where case_id = ?", Cases.uuid(caseId));
    }

    /** A case with a CASE_CONFERENCE consent for St Luke (summary, conference minutes), and nothing for the legal aid centre. */
    static String consentedCase() {
        String caseId = Cases.open("cw.amani", "Conference " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "CONFERENCE"), "CASE_CONFERENCE");
        return caseId;
    }

    @Test
    void eachInvitedAgencyNeedsAConferenceConsentOrASupervisorsDecision() {
        String caseId = consentedCase();
        Cases.consent("cw.amani", caseId, "SAFEHAVEN", List.of("CASE_SUMMARY"), "REFERRAL");
        long denied = Db.count("select count(*) from audit_entry where case_id = ? and not allowed", Cases.uuid(caseId));

        error(call(Tokens.of("cw.amani"), CALL, Map.of("i", callInput(caseId,
                List.of(Map.of("agencyCode", "STLUKE"), Map.of("agencyCode", "LAWCENTRE"))))), "CONSENT_REQUIRED");
        error(call(Tokens.of("cw.amani"), CALL, Map.of("i", callInput(caseId, List.of(Map.of("agencyCode", "SAFEHAVEN"))))),
                "CONSENT_REQUIRED");
        Map<String, Object> override = Map.of("kind", "OVERRIDE", "reason", "Imminent danger; legal protection needed now",
                "categories", List.of("CASE_SUMMARY"));
        error(call(Tokens.of("cw.amani"), CALL, Map.of("i", callInput(caseId,
                List.of(Map.of("agencyCode", "LAWCENTRE", "sharingDecision", override))))), "FORBIDDEN");
        assertEquals(0, conferences(caseId), "a refused call stores nothing");
        assertEquals(0, Db.count("select count(*) from sharing_decision where case_id = ?", Cases.uuid(caseId)));
        assertEquals(denied + 3, Db.count("select count(*) from audit_entry where case_id = ? and not allowed", Cases.uuid(caseId)));

        JsonPath called = ok(Tokens.of("sup.amani"), CALL, Map.of("i", callInput(caseId,
                List.of(Map.of("agencyCode", "STLUKE"), Map.of("agencyCode", "LAWCENTRE", "sharingDecision", override)))));
        assertEquals(List.of("LAWCENTRE", "STLUKE"), called.getList("data.callConference.conference.invitations.agency.code"));
        assertEquals(List.of("OVERRIDE", "CONSENT"), called.getList("data.callConference.conference.invitations.sharingBasis"));
        assertEquals(1, conferences(caseId));
    }

    @Test
    void invitedAgenciesSeeTheConferenceWithinTheirConsentAndOthersDoNotSeeItAtAll() {
        String caseId = consentedCase();
        String conference = ok(Tokens.of("cw.amani"), CALL, Map.of("i", callInput(caseId, List.of(Map.of("agencyCode", "STLUKE")))))
                .getString("data.callConference.conference.id");
        ok(Tokens.of("cw.amani"), """
                mutation($i: RecordConferenceInput!) { recordConference(input: $i) { conference { status } } }""",
                Map.of("i", Map.of("id", conference, "version", 0, "survivorAttended", true, "decisions", "Clinic visits on Tuesdays",
                        "attendance", List.of(Map.of("agencyCode", "STLUKE", "attended", true, "attendees", "Nurse")))));

        JsonPath stluke = call(Tokens.of("pr.stluke"), READ, Map.of("id", conference));
        assertEquals("Clinic visits on Tuesdays", stluke.getString("data.conference.minutes.decisions"));
        assertEquals("HIGH", stluke.getString("data.conference.case.summary.riskLevel"));
        assertNull(stluke.get("data.conference.case.identity"));
        assertEquals("CONSENT_REQUIRED", stluke.getString("errors[0].extensions.code"));
        assertEquals(List.of("conference", "case", "identity"), stluke.getList("errors[0].path"));
        assertTrue(ok(Tokens.of("pr.stluke"), "{ conferenceInvitations(first: 100) { edges { node { id } } } }", null)
                .getList("data.conferenceInvitations.edges.node.id").contains(conference));

        for (String outsider : List.of("pr.lawcentre", "pr.safehaven", "sup.kindred", "lead.borno")) {
            JsonPath answer = call(Tokens.of(outsider), READ, Map.of("id", conference));
            assertEquals("NOT_FOUND", answer.getString("errors[0].extensions.code"), outsider);
            assertNull(answer.get("data.conference"));
            assertTrue(call(Tokens.of(outsider), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", conference))
                    .getString("errors[0].extensions.code").equals("NOT_FOUND"), outsider);
        }
    }

    @Test
    void minutesAndPurposeNeedTheConferenceCategoryWhileDateAndPlaceNeedOnlyTheInvitation() {
        String caseId = Cases.open("cw.amani", "No minutes " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "COORDINATION");
        String conference = ok(Tokens.of("cw.amani"), CALL, Map.of("i", callInput(caseId, List.of(Map.of("agencyCode", "STLUKE")))))
                .getString("data.callConference.conference.id");
        JsonPath answer = call(Tokens.of("pr.stluke"), READ.replace("id purpose", "id purpose place scheduledAt"), Map.of("id", conference));
        assertEquals("AMANI office", answer.getString("data.conference.place"));
        assertNull(answer.get("data.conference.purpose"));
        assertNull(answer.get("data.conference.minutes"));
        assertTrue(answer.getList("errors.path").contains(List.of("conference", "minutes")));
        assertTrue(answer.getList("errors.path").contains(List.of("conference", "purpose")));
    }

    @Test
    void onlyTheAssignedAgencyUpdatesItsActionItem() {
        String caseId = consentedCase();
        Cases.consent("cw.amani", caseId, "LAWCENTRE", List.of("CASE_SUMMARY"), "CASE_CONFERENCE");
        String conference = ok(Tokens.of("cw.amani"), CALL, Map.of("i", callInput(caseId,
                List.of(Map.of("agencyCode", "STLUKE"), Map.of("agencyCode", "LAWCENTRE"))))).getString("data.callConference.conference.id");
        error(call(Tokens.of("cw.amani"), ADD_ITEM, Map.of("i", Map.of("conferenceId", conference, "assignedAgencyCode", "SAFEHAVEN",
                "description", "Shelter", "dueOn", LocalDate.now().plusDays(3).toString()))), "VALIDATION_FAILED");
        error(call(Tokens.of("pr.stluke"), ADD_ITEM, Map.of("i", Map.of("conferenceId", conference, "assignedAgencyCode", "STLUKE",
                "description", "Self-assigned", "dueOn", LocalDate.now().plusDays(3).toString()))), "FORBIDDEN");
        String item = ok(Tokens.of("cw.amani"), ADD_ITEM, Map.of("i", Map.of("conferenceId", conference, "assignedAgencyCode", "STLUKE",
                "description", "Book Tuesday visits", "dueOn", LocalDate.now().plusDays(3).toString()))).getString("data.addActionItem.actionItem.id");
        Map<String, Object> done = Map.of("i", Map.of("id", item, "version", 0, "status", "DONE", "completionNote", "Booked"));
        Map<String, Object> before = Db.row("select status, completion_note, version from action_item where id = ?", Cases.uuid(item));

        error(call(Tokens.of("pr.lawcentre"), UPDATE_ITEM, done), "FORBIDDEN");
        error(call(Tokens.of("cw.amani"), UPDATE_ITEM, done), "FORBIDDEN");
        error(call(Tokens.of("pr.safehaven"), UPDATE_ITEM, done), "NOT_FOUND");
        assertEquals(before, Db.row("select status, completion_note, version from action_item where id = ?", Cases.uuid(item)));
        assertEquals(2, Db.count("select count(*) from audit_entry where target_id = ? and not allowed", Cases.uuid(item)));
        assertEquals(1, Db.count("select count(*) from audit_entry where target_id = ? and not allowed and action = 'actionitem.update'",
                Cases.uuid(conference)));

        error(call(Tokens.of("pr.stluke"), UPDATE_ITEM, Map.of("i", Map.of("id", item, "version", 0, "status", "DONE"))), "VALIDATION_FAILED");
        JsonPath updated = ok(Tokens.of("pr.stluke"), UPDATE_ITEM, done);
        assertEquals("DONE", updated.getString("data.updateActionItem.actionItem.status"));
        error(call(Tokens.of("pr.stluke"), UPDATE_ITEM, Map.of("i", Map.of("id", item, "version", 1, "status", "OPEN"))), "INVALID_TRANSITION");
        assertEquals(List.of("Book Tuesday visits"), ok(Tokens.of("pr.stluke"), "{ actionItemsAssigned(filter: {status: DONE}, first: 100) "
                + "{ edges { node { id description } } } }", null).getList("data.actionItemsAssigned.edges.node.description").stream()
                .filter("Book Tuesday visits"::equals).distinct().toList());
    }

    @Test
    void conferenceEventsReachTheInvitedAgenciesAndNoOther() throws Exception {
        String caseId = consentedCase();
        List<Response> stluke = new CopyOnWriteArrayList<>();
        List<Response> safehaven = new CopyOnWriteArrayList<>();
        String subscription = "subscription { conferenceEvents { conferenceId change } }";
        try (DynamicGraphQLClient invited = client("pr.stluke"); DynamicGraphQLClient other = client("pr.safehaven")) {
            invited.subscription(subscription).subscribe().with(stluke::add);
            other.subscription(subscription).subscribe().with(safehaven::add);
            Thread.sleep(1_500);
            String conference = ok(Tokens.of("cw.amani"), CALL, Map.of("i", callInput(caseId, List.of(Map.of("agencyCode", "STLUKE")))))
                    .getString("data.callConference.conference.id");
            long deadline = System.currentTimeMillis() + 15_000;
            while (stluke.stream().noneMatch(r -> conference.equals(idOf(r))) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            Response event = stluke.stream().filter(r -> conference.equals(idOf(r))).findFirst().orElseThrow();
            assertEquals("CALLED", event.getData().getJsonObject("conferenceEvents").getString("change"));
            Thread.sleep(500);
            assertTrue(safehaven.stream().noneMatch(r -> conference.equals(idOf(r))));
        }
    }

    @Test
    void aRevokedConsentEndsTheInvitedAgencysConferenceEvents() throws Exception {
        String caseId = Cases.open("cw.amani", "Events end " + UUID.randomUUID());
        String consent = Cases.consent("cw.amani", caseId, "STLUKE", List.of("CONFERENCE"), "CASE_CONFERENCE");
        List<Response> stluke = new CopyOnWriteArrayList<>();
        List<Response> lead = new CopyOnWriteArrayList<>();
        String subscription = "subscription { conferenceEvents { conferenceId change } }";
        try (DynamicGraphQLClient invited = client("pr.stluke"); DynamicGraphQLClient own = client("sup.amani")) {
            invited.subscription(subscription).subscribe().with(stluke::add);
            own.subscription(subscription).subscribe().with(lead::add);
            Thread.sleep(1_500);
            String conference = ok(Tokens.of("cw.amani"), CALL, Map.of("i", callInput(caseId, List.of(Map.of("agencyCode", "STLUKE")))))
                    .getString("data.callConference.conference.id");
            awaitEvent(stluke, conference, "CALLED");
            Cases.revoke("cw.amani", consent);
            ok(Tokens.of("cw.amani"), """
                    mutation($i: RecordConferenceInput!) { recordConference(input: $i) { conference { status } } }""",
                    Map.of("i", Map.of("id", conference, "version", 0, "decisions", "Next steps")));
            awaitEvent(lead, conference, "MINUTES_RECORDED");
            Thread.sleep(500);
            assertTrue(stluke.stream().noneMatch(r -> conference.equals(idOf(r))
                    && "MINUTES_RECORDED".equals(r.getData().getJsonObject("conferenceEvents").getString("change"))),
                    "an agency whose invitation lapsed hears no more of the conference");
        }
    }

    private static void awaitEvent(List<Response> received, String conference, String change) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (received.stream().noneMatch(r -> conference.equals(idOf(r))
                && change.equals(r.getData().getJsonObject("conferenceEvents").getString("change"))) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(received.stream().anyMatch(r -> conference.equals(idOf(r))
                && change.equals(r.getData().getJsonObject("conferenceEvents").getString("change"))), change);
    }

    private DynamicGraphQLClient client(String user) {
        return new VertxDynamicGraphQLClientBuilder().url(graphql.toString()).subprotocols(WebsocketSubprotocol.GRAPHQL_TRANSPORT_WS)
                .initPayload(Map.of("Authorization", "Bearer " + Tokens.of(user))).build();
    }

    private static String idOf(Response response) {
        return response.getData() == null || response.getData().isNull("conferenceEvents") ? null
                : response.getData().getJsonObject("conferenceEvents").getString("conferenceId");
    }
}
