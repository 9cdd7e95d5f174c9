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
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rescheduling and cancelling a conference: only the lead agency's staff, on the version they saw, a conference not
 * yet held; a cancelled one is not minuted, rescheduled or given action items. Every refusal leaves the conference as
 * it was and no allowed audit entry; a change reaches the invited agencies' graphql-ws subscriptions.
 */
@QuarkusTest
class ConferenceChangeTest {

    static final String RESCHEDULE = """
            mutation($i: RescheduleConferenceInput!) { rescheduleConference(input: $i) { conference { id status version scheduledAt place link } } }""";
    static final String CANCEL = """
            mutation($i: CancelConferenceInput!) { cancelConference(input: $i) { conference { id status version cancelledAt cancellationReason } } }""";
    static final String RECORD = """
            mutation($i: RecordConferenceInput!) { recordConference(input: $i) { conference { status } } }""";

    @TestHTTPResource("/graphql")
    URL graphql;

    /** A conference of a case consented to St Luke for conferences, St Luke invited. */
    static String conference() {
        String caseId = ConferenceTest.consentedCase();
        return ok(Tokens.of("cw.amani"), ConferenceTest.CALL, Map.of("i", ConferenceTest.callInput(caseId,
                List.of(Map.of("agencyCode", "STLUKE"))))).getString("data.callConference.conference.id");
    }

    static Map<String, Object> reschedule(String conference, int version, String place) {
        Map<String, Object> input = new HashMap<>(Map.of("id", conference, "version", version,
                "scheduledAt", OffsetDateTime.now().plusDays(7).toString()));
        if (place != null) input.put("place", place);
        return input;
    }

    static Map<String, Object> stored(String conference) {
        return Db.row("""
                select scheduled_at, place, link, status, version, cancelled_at, cancellation_reason, updated_at
                from conference where id = ?""", Cases.uuid(conference));
    }

    static long allowedChanges(String conference) {
        return Db.count("""
                select count(*) from audit_entry where target_id = ? and allowed
                and action in ('conference.reschedule', 'conference.cancel', 'conference.record', 'actionitem.add')""", Cases.uuid(conference));
    }

    /** The refusal's code (and field for VALIDATION_FAILED), and the conference exactly as it was. */
    static void refused(String user, String document, Map<String, Object> input, String code, String expectedField, String conference) {
        Map<String, Object> before = stored(conference);
        long allowed = allowedChanges(conference);
        Map<String, Object> error = error(call(Tokens.of(user), document, Map.of("i", input)), code);
        assertEquals(expectedField, field(error), () -> user + " " + input);
        assertEquals(before, stored(conference), () -> "a refused change was stored: " + user + " " + input);
        assertEquals(allowed, allowedChanges(conference));
    }

    @Test
    void onlyTheLeadAgencyReschedulesOrCancelsOnTheVersionItSawWithValidInput() {
        String conference = conference();
        for (String document : List.of(RESCHEDULE, CANCEL)) {
            Map<String, Object> input = document.equals(RESCHEDULE) ? reschedule(conference, 0, "Clinic, room 2")
                    : Map.of("id", conference, "version", 0, "reason", "The survivor asked to wait");
            refused("pr.stluke", document, input, "FORBIDDEN", null, conference);
            for (String outsider : List.of("pr.safehaven", "pr.lawcentre", "cw.kindred", "sup.kindred", "admin.amani", "lead.borno", "auditor")) {
                refused(outsider, document, input, "NOT_FOUND", null, conference);
            }
            Map<String, Object> stale = new HashMap<>(input);
            stale.put("version", 1);
            refused("cw.amani", document, stale, "CONFLICT", null, conference);
        }
        refused("cw.amani", RESCHEDULE, reschedule(conference, 0, null), "VALIDATION_FAILED", "input.place", conference);
        Map<String, Object> tooFar = reschedule(conference, 0, "Clinic");
        tooFar.put("scheduledAt", OffsetDateTime.now().plusYears(2).toString());
        refused("cw.amani", RESCHEDULE, tooFar, "VALIDATION_FAILED", "input.scheduledAt", conference);
        Map<String, Object> beforeOpening = reschedule(conference, 0, "Clinic");
        beforeOpening.put("scheduledAt", OffsetDateTime.now().minusYears(1).toString());
        refused("cw.amani", RESCHEDULE, beforeOpening, "VALIDATION_FAILED", "input.scheduledAt", conference);
        refused("cw.amani", CANCEL, Map.of("id", conference, "version", 0, "reason", "  \n "), "VALIDATION_FAILED", "input.reason", conference);

        Map<String, Object> moved = reschedule(conference, 0, null);
        moved.put("link", "https://meet.example/amani-review");
        JsonPath rescheduled = ok(Tokens.of("sup.amani"), RESCHEDULE, Map.of("i", moved));
        assertEquals("SCHEDULED", rescheduled.getString("data.rescheduleConference.conference.status"));
        assertEquals(1, rescheduled.getInt("data.rescheduleConference.conference.version"));
        assertEquals(null, rescheduled.getString("data.rescheduleConference.conference.place"), "the place is replaced, not kept");
        assertEquals("https://meet.example/amani-review", stored(conference).get("link"));
        assertEquals(1, Db.count("select count(*) from audit_entry where target_id = ? and allowed and action = 'conference.reschedule'",
                Cases.uuid(conference)));
    }

    @Test
    void aCancelledConferenceIsNotMinutedRescheduledOrGivenItems() {
        String conference = conference();
        List<String> closedByCancelling = List.of("cancellationReason", "scheduledAt", "place", "case { summary { needs } }");
        for (String field : closedByCancelling.subList(1, closedByCancelling.size())) {
            ok(Tokens.of("pr.stluke"), "query($id: ID!) { conference(id: $id) { " + field + " } }", Map.of("id", conference));
        }
        JsonPath cancelled = ok(Tokens.of("cw.amani"), CANCEL, Map.of("i", Map.of("id", conference, "version", 0,
                "reason", "The survivor asked to wait")));
        assertEquals("CANCELLED", cancelled.getString("data.cancelConference.conference.status"));
        assertEquals("The survivor asked to wait", cancelled.getString("data.cancelConference.conference.cancellationReason"));
        assertNotNull(cancelled.getString("data.cancelConference.conference.cancelledAt"));
        assertEquals(1, Db.count("select count(*) from audit_entry where target_id = ? and allowed and action = 'conference.cancel'",
                Cases.uuid(conference)));
        // a cancelled conference is no longer a route into the case: St Luke sees that it was cancelled and when, and
        // nothing its consent for conferences let it see while the meeting was to take place
        JsonPath invited = call(Tokens.of("pr.stluke"), "query($id: ID!) { conference(id: $id) { status cancelledAt } }",
                Map.of("id", conference));
        assertEquals("CANCELLED", invited.getString("data.conference.status"));
        assertNotNull(invited.getString("data.conference.cancelledAt"));
        for (String field : closedByCancelling) {
            error(call(Tokens.of("pr.stluke"), "query($id: ID!) { conference(id: $id) { " + field + " } }", Map.of("id", conference)),
                    "CONSENT_REQUIRED");
        }
        assertEquals("The survivor asked to wait", ok(Tokens.of("cw.amani"),
                "query($id: ID!) { conference(id: $id) { cancellationReason } }", Map.of("id", conference))
                .getString("data.conference.cancellationReason"));

        refused("cw.amani", RESCHEDULE, reschedule(conference, 1, "Clinic"), "INVALID_TRANSITION", null, conference);
        refused("cw.amani", CANCEL, Map.of("id", conference, "version", 1, "reason", "Again"), "INVALID_TRANSITION", null, conference);
        refused("cw.amani", RECORD, Map.of("id", conference, "version", 1, "decisions", "Decided"), "INVALID_TRANSITION", null, conference);
        refused("cw.amani", ConferenceTest.ADD_ITEM, Map.of("conferenceId", conference, "assignedAgencyCode", "STLUKE",
                "description", "Book the visit", "dueOn", OffsetDateTime.now().toLocalDate().plusDays(3).toString()),
                "INVALID_TRANSITION", null, conference);
        assertEquals(0, Db.count("select count(*) from action_item where conference_id = ?", Cases.uuid(conference)));
    }

    @Test
    void aHeldConferenceIsNeitherRescheduledNorCancelled() {
        String conference = conference();
        ok(Tokens.of("cw.amani"), RECORD, Map.of("i", Map.of("id", conference, "version", 0, "decisions", "Decided")));
        refused("cw.amani", RESCHEDULE, reschedule(conference, 1, "Clinic"), "INVALID_TRANSITION", null, conference);
        refused("cw.amani", CANCEL, Map.of("id", conference, "version", 1, "reason", "Too late"), "INVALID_TRANSITION", null, conference);
    }

    @Test
    void invitedAgenciesHearOfTheChangeOverGraphqlWs() throws Exception {
        String conference = conference();
        List<Response> stluke = new CopyOnWriteArrayList<>();
        try (DynamicGraphQLClient invited = new VertxDynamicGraphQLClientBuilder().url(graphql.toString())
                .subprotocols(WebsocketSubprotocol.GRAPHQL_TRANSPORT_WS)
                .initPayload(Map.of("Authorization", "Bearer " + Tokens.of("pr.stluke"))).build()) {
            invited.subscription("subscription { conferenceEvents { conferenceId change } }").subscribe().with(stluke::add);
            Thread.sleep(1_500);
            ok(Tokens.of("cw.amani"), RESCHEDULE, Map.of("i", reschedule(conference, 0, "Clinic, room 2")));
            ok(Tokens.of("cw.amani"), CANCEL, Map.of("i", Map.of("id", conference, "version", 1, "reason", "Postponed")));
            long deadline = System.currentTimeMillis() + 15_000;
            while (changes(stluke, conference).size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(List.of("RESCHEDULED", "CANCELLED"), changes(stluke, conference));
        }
    }

    private static List<String> changes(List<Response> received, String conference) {
        return received.stream().filter(r -> r.getData() != null && !r.getData().isNull("conferenceEvents"))
                .map(r -> r.getData().getJsonObject("conferenceEvents"))
                .filter(e -> conference.equals(e.getString("conferenceId"))).map(e -> e.getString("change")).toList();
    }
}
