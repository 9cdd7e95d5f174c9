package org.casebridge.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.casebridge.support.GraphQLClient.ok;
import static org.casebridge.webhook.WebhookTest.ALL_TYPES;
import static org.casebridge.webhook.WebhookTest.about;
import static org.casebridge.webhook.WebhookTest.assertSigned;
import static org.casebridge.webhook.WebhookTest.now;
import static org.casebridge.webhook.WebhookTest.register;
import static org.casebridge.webhook.WebhookTest.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a notice tells each agency follows what the API shows it: an invited agency is not told who else is at the
 * table, and a supervisor's sharing decision that is withdrawn or runs out tells its recipient to drop what it holds,
 * as a revoked or expired consent does.
 */
@QuarkusTest
class WebhookAudienceTest {

    static final String CALL = """
            mutation($i: CallConferenceInput!) { callConference(input: $i) { conference { id version } } }""";
    static final String WITHDRAW = """
            mutation($i: WithdrawSharingDecisionInput!) { withdrawSharingDecision(input: $i) { sharingDecision { withdrawnAt } } }""";

    @Inject
    WebhookSender sender;

    @Inject
    WebhookOutbox outbox;

    @BeforeEach
    @AfterEach
    void noEndpoints() {
        Db.execute("delete from webhook_endpoint");
    }

    void deliverAll(OffsetDateTime now) {
        while (sender.deliverDue(now) > 0) {
            // until nothing is due at this instant
        }
    }

    static List<String> agencies(Receiver.Received r) {
        return JsonPath.from(r.body()).getList("data.agencies");
    }

    static String conferenceWith(String caseId, List<Map<String, Object>> invitations, String caller) {
        return ok(Tokens.of(caller), CALL, Map.of("i", Map.of("caseId", caseId, "scheduledAt", now().plusMinutes(1).toString(),
                "place", "AMANI office", "purpose", "Review", "survivorInvited", false, "invitations", invitations)))
                .getString("data.callConference.conference.id");
    }

    @Test
    void anInvitedAgencyIsToldOfTheLeadAgencyAndItselfNotOfTheOtherInvitedAgencies() {
        try (Receiver receiver = new Receiver()) {
            Map<String, WebhookTest.Endpoint> endpoints = Map.of(
                    "/amani", register("admin.amani", receiver, "/amani", ALL_TYPES),
                    "/stluke", register("admin.stluke", receiver, "/stluke", ALL_TYPES),
                    "/safehaven", register("admin.safehaven", receiver, "/safehaven", ALL_TYPES));
            String caseId = Cases.open("cw.amani", "Webhook Survivor " + UUID.randomUUID());
            Cases.consent("cw.amani", caseId, "STLUKE", List.of("CONFERENCE"), "CASE_CONFERENCE");
            Cases.consent("cw.amani", caseId, "SAFEHAVEN", List.of("CONFERENCE"), "CASE_CONFERENCE");
            String conference = conferenceWith(caseId, List.of(Map.of("agencyCode", "STLUKE"), Map.of("agencyCode", "SAFEHAVEN")), "cw.amani");
            int version = ok(Tokens.of("cw.amani"), "query($id: ID!) { conference(id: $id) { version } }", Map.of("id", conference))
                    .getInt("data.conference.version");
            ok(Tokens.of("cw.amani"), "mutation($i: RecordConferenceInput!) { recordConference(input: $i) { conference { status } } }",
                    Map.of("i", Map.of("id", conference, "version", version, "decisions", "Decided")));
            deliverAll(now());

            List<Receiver.Received> notices = about(receiver, conference);
            Map<String, Set<String>> typesByPath = notices.stream().collect(Collectors.groupingBy(Receiver.Received::path,
                    Collectors.mapping(WebhookTest::type, Collectors.toSet())));
            assertEquals(Map.of("/amani", Set.of("conference.called", "conference.minuted"),
                    "/stluke", Set.of("conference.called", "conference.minuted"),
                    "/safehaven", Set.of("conference.called", "conference.minuted")), typesByPath);
            for (Receiver.Received notice : notices) {
                assertSigned(endpoints.get(notice.path()), notice);
                Set<String> told = Set.copyOf(agencies(notice));
                switch (notice.path()) {
                    case "/amani" -> assertEquals(Set.of("AMANI", "STLUKE", "SAFEHAVEN"), told, "the lead agency knows its invitations");
                    case "/stluke" -> assertEquals(Set.of("AMANI", "STLUKE"), told, "STLUKE was told who else is invited");
                    case "/safehaven" -> assertEquals(Set.of("AMANI", "SAFEHAVEN"), told, "SAFEHAVEN was told who else is invited");
                    default -> throw new AssertionError(notice.path());
                }
            }
            Map<String, Long> idsPerTypeAndPath = notices.stream().collect(Collectors.groupingBy(
                    n -> type(n) + n.path(), Collectors.counting()));
            assertTrue(idsPerTypeAndPath.values().stream().allMatch(n -> n == 1), "an agency got one event twice: " + idsPerTypeAndPath);
            assertEquals(notices.size(), notices.stream().map(Receiver.Received::id).distinct().count(),
                    "two agencies' different payloads went out under one webhook-id");
        }
    }

    static String decisionOf(String referral) {
        return ok(Tokens.of("cw.amani"), "query($id: ID!) { referral(id: $id) { sharingDecision { id } } }", Map.of("id", referral))
                .getString("data.referral.sharingDecision.id");
    }

    @Test
    void aWithdrawnSharingDecisionTellsItsRecipientAndNoOneElseToDropWhatItHolds() {
        try (Receiver receiver = new Receiver()) {
            WebhookTest.Endpoint stluke = register("admin.stluke", receiver, "/stluke", ALL_TYPES);
            register("admin.amani", receiver, "/amani", ALL_TYPES);
            String caseId = Cases.open("cw.amani", "Webhook Survivor " + UUID.randomUUID());
            Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
            Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            // the decision is made for a referral to STLUKE, which also holds a consent of its own
            Map<String, Object> input = Cases.referralInput(caseId, Cases.CLINIC_CARE);
            input.put("sharingDecision", Map.of("kind", "OVERRIDE", "reason", "Imminent risk; supervisor decided to share",
                    "categories", List.of("INCIDENT")));
            String referral = ok(Tokens.of("sup.amani"), Cases.CREATE_REFERRAL, Map.of("i", input)).getString("data.createReferral.referral.id");
            String decision = decisionOf(referral);
            deliverAll(now());
            assertTrue(about(receiver, decision).isEmpty(), "a notice about the decision before it was withdrawn");

            ok(Tokens.of("sup.amani"), WITHDRAW, Map.of("i", Map.of("id", decision, "reason", "Risk has passed")));
            deliverAll(now());

            List<Receiver.Received> told = about(receiver, decision);
            assertEquals(List.of("/stluke"), told.stream().map(Receiver.Received::path).toList());
            Receiver.Received notice = told.get(0);
            assertSigned(stluke, notice);
            assertEquals("consent.revoked", type(notice));
            assertEquals("SharingDecision", JsonPath.from(notice.body()).getString("data.object"));
            assertEquals("WITHDRAWN", JsonPath.from(notice.body()).getString("data.status"));
            assertEquals(caseId, JsonPath.from(notice.body()).getString("data.caseId"));
            assertEquals(Set.of("AMANI", "STLUKE"), Set.copyOf(agencies(notice)));
        }
    }

    @Test
    void aSharingDecisionThatRunsOutIsNoticedOnceAndAnInvitationOnItIsWithdrawn() {
        try (Receiver receiver = new Receiver()) {
            register("admin.stluke", receiver, "/stluke", ALL_TYPES);
            String caseId = Cases.open("cw.amani", "Webhook Survivor " + UUID.randomUUID());
            Map<String, Object> override = Map.of("kind", "OVERRIDE", "reason", "Imminent risk; supervisor decided to share",
                    "categories", List.of("CASE_SUMMARY", "CONFERENCE"), "validUntil", now().plusHours(1).toString());
            String conference = conferenceWith(caseId, List.of(Map.of("agencyCode", "STLUKE", "sharingDecision", override)), "sup.amani");
            String decision = ok(Tokens.of("cw.amani"), "query($id: ID!) { conference(id: $id) { invitations { sharingDecision { id } } } }",
                    Map.of("id", conference)).getString("data.conference.invitations[0].sharingDecision.id");
            deliverAll(now());
            // it ran out a minute ago (the API refuses a decision made in the past, so the database is told)
            Db.execute("update sharing_decision set decided_at = now() - interval '2 hours', valid_until = now() - interval '1 minute' where id = ?",
                    Cases.uuid(decision));

            outbox.noticeLapsed(now());
            outbox.noticeLapsed(now());
            deliverAll(now());

            List<Receiver.Received> expired = about(receiver, decision);
            assertEquals(List.of("consent.expired"), expired.stream().map(WebhookTest::type).toList());
            assertEquals("EXPIRED", JsonPath.from(expired.get(0).body()).getString("data.status"));
            assertEquals(List.of("invitation.withdrawn"), about(receiver, conference).stream().map(WebhookTest::type)
                    .filter(t -> !t.equals("conference.called")).toList(), "the invitation made on the decision lapsed with it");
        }
    }

    // --- one agency's receivers cannot keep another's waiting ------------------------------------------------

    @Test
    void anAgencyWithManyEndpointsGetsOneARoundAndAnotherAgencyIsServedInTheSameRound() {
        try (Receiver slow = new Receiver(); Receiver fast = new Receiver()) {
            slow.mode = Receiver.Mode.UNHURRIED;
            for (int i = 0; i < 5; i++) {
                register("admin.stluke", slow, "/stluke" + i, ALL_TYPES);
            }
            register("admin.amani", fast, "/amani", ALL_TYPES);
            String caseId = Cases.open("cw.amani", "Webhook Survivor " + UUID.randomUUID());
            Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
            String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);

            sender.deliverDue(now()); // the test profile leases two endpoints a round

            assertEquals(List.of("/amani"), about(fast, referral).stream().map(Receiver.Received::path).toList(),
                    "AMANI waited behind STLUKE's endpoints");
            assertEquals(1, about(slow, referral).size(), "STLUKE got more than one endpoint in the round");
            deliverAll(now());
            assertEquals(5, about(slow, referral).size());
        }
    }

    @Test
    void aSlowReceiverHoldsASenderForAboutOneAttemptsTimeNotAWholeBatch() {
        try (Receiver slow = new Receiver()) {
            slow.mode = Receiver.Mode.UNHURRIED; // 0.6 s an answer; one attempt may take connect (2 s) + read (1 s) here
            register("admin.stluke", slow, "/stluke", List.of("REFERRAL_REQUESTED"));
            String caseId = Cases.open("cw.amani", "Webhook Survivor " + UUID.randomUUID());
            Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
            int referrals = 10;
            for (int i = 0; i < referrals; i++) {
                Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            }

            int attempts = sender.deliverDue(now());

            assertTrue(attempts >= 1 && attempts < referrals, "one round posted " + attempts + " of a batch of " + referrals);
            deliverAll(now());
            assertEquals(referrals, slow.received.size(), "the rest went in later rounds, each once");
        }
    }
}
