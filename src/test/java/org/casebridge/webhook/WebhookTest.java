package org.casebridge.webhook;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.casebridge.access.HostResolver;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks end to end: endpoints registered through the API by agency admins, events written by real changes,
 * delivered by the sender to HTTP receivers started here, every signature checked by an implementation of the
 * Standard Webhooks specification written in the test ({@link StandardWebhooksVerifier}), not the project's.
 * The sender is driven by the test ({@code deliverDue(now)}, its schedule is off in the test profile), so retries
 * are made due by passing a later instant, never by waiting.
 */
@QuarkusTest
class WebhookTest {

    static final List<String> ALL_TYPES = Arrays.stream(WebhookEventType.values()).map(Enum::name).toList();
    static final String CREATE = """
            mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id version status eventTypes } secret } }""";
    static final String LOG = """
            query($e: ID!, $o: ID) { webhookDeliveries(endpointId: $e, objectId: $o, first: 50) { totalCount edges { node {
              id webhookId eventType objectId status attempts nextAttemptAt lastStatusCode lastError
              attemptLog { at statusCode latencyMs error message } } } } }""";
    static final String ENDPOINTS = """
            { webhookEndpoints(first: 50) { edges { node { id url status pausedReason consecutiveFailures version previousSecretValidUntil } } } }""";

    @Inject
    WebhookSender sender;

    @Inject
    WebhookOutbox outbox;

    @Inject
    org.casebridge.referral.ReferralService referrals;

    record Endpoint(String id, String secret, String path) {
    }

    @BeforeEach
    @AfterEach
    void noEndpoints() {
        Db.execute("delete from webhook_endpoint");
    }

    static Endpoint register(String admin, Receiver receiver, String path, List<String> types) {
        JsonPath created = ok(Tokens.of(admin), CREATE, Map.of("i", Map.of("url", receiver.url(path), "eventTypes", types,
                "description", "Our case system")));
        return new Endpoint(created.getString("data.createWebhookEndpoint.endpoint.id"),
                created.getString("data.createWebhookEndpoint.secret"), path);
    }

    void deliverAll(OffsetDateTime now) {
        while (sender.deliverDue(now) > 0) {
            // until nothing is due at this instant
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** What the receiver got about one object (the payload's data.id), in order of receipt. */
    static List<Receiver.Received> about(Receiver receiver, String objectId) {
        return receiver.received.stream().filter(r -> objectId.equals(JsonPath.from(r.body()).getString("data.id"))).toList();
    }

    static String type(Receiver.Received r) {
        return JsonPath.from(r.body()).getString("type");
    }

    static void assertSigned(Endpoint endpoint, Receiver.Received r) {
        assertTrue(StandardWebhooksVerifier.verifies(endpoint.secret(), r.id(), r.timestamp(), r.body(), r.signature()),
                () -> "signature does not verify for " + endpoint.path() + ": " + r);
    }

    static JsonPath log(String admin, Endpoint endpoint, String objectId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("e", endpoint.id());
        variables.put("o", objectId);
        return ok(Tokens.of(admin), LOG, variables);
    }

    static String consentedCase(String... agencies) {
        String caseId = Cases.open("cw.amani", "Webhook Survivor " + UUID.randomUUID());
        for (String agency : agencies) {
            Cases.consent("cw.amani", caseId, agency, List.of("CASE_SUMMARY", "HEALTH"), "REFERRAL");
        }
        return caseId;
    }

    // --- signed, id-only, to the agencies concerned --------------------------------------------------------

    @Test
    void referralChangesReachBothAgenciesSignedAndIdOnly() {
        try (Receiver receiver = new Receiver()) {
            Endpoint stluke = register("admin.stluke", receiver, "/stluke", ALL_TYPES);
            Endpoint amani = register("admin.amani", receiver, "/amani", ALL_TYPES);
            Endpoint safehaven = register("admin.safehaven", receiver, "/safehaven", ALL_TYPES);
            String name = "Webhook Survivor " + UUID.randomUUID();
            String caseId = Cases.open("cw.amani", name);
            Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "HEALTH"), "REFERRAL");
            String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            assertNull(Cases.move("pr.stluke", referral, "ACCEPTED", Map.of()).get("errors"));
            deliverAll(now());

            Map<String, Endpoint> byPath = Map.of("/stluke", stluke, "/amani", amani, "/safehaven", safehaven);
            List<Receiver.Received> got = about(receiver, referral);
            for (String path : List.of("/stluke", "/amani")) {
                List<Receiver.Received> mine = got.stream().filter(r -> r.path().equals(path)).toList();
                assertEquals(List.of("referral.requested", "referral.status_changed"), mine.stream().map(WebhookTest::type).toList(), path);
                assertEquals(List.of("REQUESTED", "ACCEPTED"), mine.stream().map(r -> JsonPath.from(r.body()).getString("data.status")).toList());
                assertEquals(List.of("AMANI", "STLUKE"), JsonPath.from(mine.get(0).body()).getList("data.agencies"));
            }
            assertTrue(got.stream().noneMatch(r -> r.path().equals("/safehaven")), "an agency the referral does not concern heard of it");
            for (Receiver.Received r : got) {
                assertSigned(byPath.get(r.path()), r);
                Endpoint other = r.path().equals("/stluke") ? amani : stluke;
                assertFalse(StandardWebhooksVerifier.verifies(other.secret(), r.id(), r.timestamp(), r.body(), r.signature()),
                        "another endpoint's secret verified the signature");
                JsonPath body = JsonPath.from(r.body());
                assertEquals(Set.of("type", "timestamp", "data"), body.getMap("").keySet());
                assertEquals(Set.of("object", "id", "status", "agencies"), body.getMap("data").keySet());
                assertFalse(r.body().contains(name) || r.body().contains("Needs care") || r.body().contains("+234"), r.body());
            }
            // one id per event: the two agencies' copies of an event share it, the two events differ
            Map<String, Set<String>> idsByType = got.stream().collect(Collectors.groupingBy(WebhookTest::type,
                    Collectors.mapping(Receiver.Received::id, Collectors.toSet())));
            assertEquals(1, idsByType.get("referral.requested").size());
            assertEquals(1, idsByType.get("referral.status_changed").size());
            assertFalse(idsByType.get("referral.requested").equals(idsByType.get("referral.status_changed")));

            JsonPath entries = log("admin.stluke", stluke, referral);
            assertEquals(2, entries.getInt("data.webhookDeliveries.totalCount"));
            assertEquals(List.of("DELIVERED", "DELIVERED"), entries.getList("data.webhookDeliveries.edges.node.status"));
            assertEquals(List.of(List.of(204), List.of(204)), entries.getList("data.webhookDeliveries.edges.node.attemptLog.statusCode"));
        }
    }

    @Test
    void onlyTheTypesAnEndpointAskedForAreSent() {
        try (Receiver receiver = new Receiver()) {
            register("admin.stluke", receiver, "/requests", List.of("REFERRAL_REQUESTED"));
            String referral = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            assertNull(Cases.move("pr.stluke", referral, "ACCEPTED", Map.of()).get("errors"));
            deliverAll(now());
            assertEquals(List.of("referral.requested"), about(receiver, referral).stream().map(WebhookTest::type).toList());
        }
    }

    // --- never lost, never doubled -----------------------------------------------------------------------

    @Test
    void afterAnOutageTheReceiverGetsEachEventOnceInOrder() {
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = register("admin.stluke", receiver, "/hook", List.of("REFERRAL_REQUESTED"));
            receiver.stop();
            String caseId = consentedCase("STLUKE");
            List<String> referrals = List.of(Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE),
                    Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE), Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE));
            OffsetDateTime start = now();
            for (int minutes : List.of(0, 10, 30)) {
                deliverAll(start.plusMinutes(minutes));
            }
            JsonPath entries = log("admin.stluke", endpoint, null);
            List<Map<String, Object>> nodes = entries.getList("data.webhookDeliveries.edges.node");
            assertEquals(3, nodes.size());
            assertTrue(nodes.stream().allMatch(n -> "PENDING".equals(n.get("status")) && n.get("nextAttemptAt") != null), entries::prettify);
            Map<String, Object> first = nodes.stream().filter(n -> referrals.get(0).equals(n.get("objectId"))).findFirst().orElseThrow();
            assertEquals(3, first.get("attempts"));
            assertEquals("CONNECT_FAILED", first.get("lastError"));

            receiver.restart();
            deliverAll(start.plusHours(3));
            List<String> ids = receiver.received.stream().map(Receiver.Received::id).toList();
            assertEquals(3, ids.size(), () -> "expected each event once: " + receiver.received);
            assertEquals(3, new HashSet<>(ids).size());
            assertEquals(referrals, receiver.received.stream().map(r -> JsonPath.from(r.body()).getString("data.id")).toList(),
                    "delivered in commit order");
            receiver.received.forEach(r -> assertSigned(endpoint, r));
            deliverAll(start.plusHours(30));
            assertEquals(3, receiver.received.size(), "nothing is sent again once delivered");
        }
    }

    @Test
    void aRoundRecordsItsPostsTogetherAfterThemInOneTransaction() {
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = register("admin.stluke", receiver, "/hook", List.of("REFERRAL_REQUESTED"));
            String caseId = consentedCase("STLUKE");
            List<String> referrals = List.of(Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE),
                    Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE), Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE));
            List<Long> deliveredWhenPosted = new java.util.concurrent.CopyOnWriteArrayList<>();
            receiver.onRequest = r -> deliveredWhenPosted.add(Db.count(
                    "select count(*) from webhook_delivery where endpoint_id = ? and status = 'DELIVERED'", Cases.uuid(endpoint.id())));

            assertEquals(3, sender.deliverDue(now()), "one round posts the endpoint's due deliveries");

            assertEquals(List.of(0L, 0L, 0L), deliveredWhenPosted, "a post's bookkeeping was committed before the round's next post");
            assertEquals(referrals, receiver.received.stream().map(r -> JsonPath.from(r.body()).getString("data.id")).toList(), "in order");
            assertEquals(3, Db.count("select count(*) from webhook_delivery where endpoint_id = ? and status = 'DELIVERED'",
                    Cases.uuid(endpoint.id())));
            assertEquals(3, Db.count("""
                    select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
                    where d.endpoint_id = ? and a.status_code = 204""", Cases.uuid(endpoint.id())));
        }
    }

    @Test
    void twoSendersOnOneDatabaseDeliverEachEventOnce() throws Exception {
        try (Receiver receiver = new Receiver()) {
            List<Endpoint> endpoints = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                endpoints.add(register("admin.stluke", receiver, "/hook" + i, List.of("REFERRAL_REQUESTED")));
            }
            String caseId = consentedCase("STLUKE");
            for (int i = 0; i < 5; i++) {
                Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            }
            OffsetDateTime now = now();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService replicas = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int replica = 0; replica < 2; replica++) {
                    runs.add(replicas.submit(() -> {
                        go.await();
                        deliverAll(now);
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> run : runs) run.get();
            } finally {
                replicas.shutdownNow();
            }
            deliverAll(now);
            Map<String, Long> perPathAndId = receiver.received.stream()
                    .collect(Collectors.groupingBy(r -> r.path() + " " + r.id(), Collectors.counting()));
            assertEquals(20, perPathAndId.size(), () -> "every event at every endpoint: " + receiver.received);
            assertTrue(perPathAndId.values().stream().allMatch(c -> c == 1), () -> "an event was sent twice: " + perPathAndId);
        }
    }

    @Test
    void theOutboxCommitsWithTheChangeAndALaterSenderDeliversIt() {
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = register("admin.stluke", receiver, "/hook", ALL_TYPES);
            long events = Db.count("select count(*) from webhook_event");
            // a change that rolls back writes no event
            String unconsented = Cases.open("cw.amani", "Webhook Survivor " + UUID.randomUUID());
            error(call(Tokens.of("cw.amani"), Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(unconsented, Cases.CLINIC_CARE))),
                    "CONSENT_REQUIRED");
            assertEquals(events, Db.count("select count(*) from webhook_event"));

            // one that commits has its event and delivery committed with it, before any sender runs
            String referral = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            assertEquals(1, Db.count("""
                    select count(*) from webhook_event ev join webhook_delivery d on d.event_id = ev.id
                    where ev.object_id = ? and d.status = 'PENDING'""", referral));
            assertTrue(receiver.received.isEmpty());

            // a sender that died holding the endpoint's lease: nothing is sent until the lease ends, then it is
            Db.execute("update webhook_endpoint set lease_until = now() + interval '30 seconds'");
            OffsetDateTime now = now();
            assertEquals(0, sender.deliverDue(now));
            deliverAll(now.plusSeconds(31));
            assertEquals(1, about(receiver, referral).size());
            String firstId = about(receiver, referral).get(0).id();

            // a sender that died after posting, before recording: sent again, under the same id
            Db.execute("update webhook_delivery set status = 'PENDING', next_attempt_at = now() where endpoint_id = ?",
                    Cases.uuid(endpoint.id()));
            deliverAll(now());
            assertEquals(List.of(firstId, firstId), about(receiver, referral).stream().map(Receiver.Received::id).toList());
        }
    }

    // --- revocation and closed routes ---------------------------------------------------------------------

    @Test
    void revokingAConsentNotifiesExactlyTheAgenciesThatHeldIt() {
        try (Receiver receiver = new Receiver()) {
            Endpoint stluke = register("admin.stluke", receiver, "/stluke", ALL_TYPES);
            register("admin.safehaven", receiver, "/safehaven", ALL_TYPES);
            register("admin.amani", receiver, "/amani", ALL_TYPES);
            String caseId = Cases.open("cw.amani", "Webhook Survivor " + UUID.randomUUID());
            String referralConsent = Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
            String conferenceConsent = Cases.consent("cw.amani", caseId, "STLUKE", List.of("CONFERENCE"), "CASE_CONFERENCE");
            String withoutRoute = Cases.consent("cw.amani", caseId, "SAFEHAVEN", List.of("CASE_SUMMARY"), "COORDINATION");
            Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            String conference = ok(Tokens.of("cw.amani"), """
                    mutation($i: CallConferenceInput!) { callConference(input: $i) { conference { id version } } }""",
                    Map.of("i", Map.of("caseId", caseId, "scheduledAt", now().plusMinutes(1).toString(), "place", "AMANI office",
                            "purpose", "Review", "survivorInvited", false, "invitations", List.of(Map.of("agencyCode", "STLUKE")))))
                    .getString("data.callConference.conference.id");

            Cases.revoke("cw.amani", referralConsent);
            Cases.revoke("cw.amani", withoutRoute);
            deliverAll(now());
            assertEquals(List.of("/stluke"), about(receiver, referralConsent).stream().map(Receiver.Received::path).toList());
            Receiver.Received revoked = about(receiver, referralConsent).get(0);
            assertSigned(stluke, revoked);
            assertEquals("consent.revoked", type(revoked));
            assertEquals(caseId, JsonPath.from(revoked.body()).getString("data.caseId"));
            assertEquals("REVOKED", JsonPath.from(revoked.body()).getString("data.status"));
            assertTrue(about(receiver, withoutRoute).isEmpty(), "an agency that never had a route was told of the case");
            assertTrue(about(receiver, conference).stream().noneMatch(r -> type(r).equals("invitation.withdrawn")),
                    "the invitation still stands on its own consent");

            Cases.revoke("cw.amani", conferenceConsent);
            deliverAll(now());
            assertEquals(List.of("/stluke"), about(receiver, conferenceConsent).stream().map(Receiver.Received::path).toList());
            List<Receiver.Received> withdrawn = about(receiver, conference).stream().filter(r -> type(r).equals("invitation.withdrawn")).toList();
            assertEquals(List.of("/stluke"), withdrawn.stream().map(Receiver.Received::path).toList());

            // after its invitation lapsed, STLUKE hears no more of the conference; the lead agency does
            int version = ok(Tokens.of("cw.amani"), "query($id: ID!) { conference(id: $id) { version } }", Map.of("id", conference))
                    .getInt("data.conference.version");
            ok(Tokens.of("cw.amani"), "mutation($i: RecordConferenceInput!) { recordConference(input: $i) { conference { status } } }",
                    Map.of("i", Map.of("id", conference, "version", version, "decisions", "Decided")));
            deliverAll(now());
            Map<String, List<String>> minuted = about(receiver, conference).stream().filter(r -> type(r).equals("conference.minuted"))
                    .collect(Collectors.groupingBy(Receiver.Received::path, Collectors.mapping(Receiver.Received::id, Collectors.toList())));
            assertEquals(Set.of("/amani"), minuted.keySet());
        }
    }

    @Test
    void expiredConsentsAndClosedRoutesAreNoticedOnce() {
        try (Receiver receiver = new Receiver()) {
            register("admin.stluke", receiver, "/stluke", ALL_TYPES);
            register("admin.amani", receiver, "/amani", ALL_TYPES);
            String caseId = Cases.open("cw.amani", "Webhook Survivor " + UUID.randomUUID());
            String expiring = Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL", null, now().plusHours(1));
            String rejected = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            assertNull(Cases.move("pr.stluke", rejected, "REJECTED", Map.of("reason", "No capacity")).get("errors"));
            deliverAll(now());
            List<String> closing = about(receiver, rejected).stream().filter(r -> type(r).equals("route.closed"))
                    .map(Receiver.Received::path).toList();
            assertEquals(List.of("/stluke"), closing, "a rejected referral's route closes for the receiving agency");

            outbox.noticeLapsed(now().plusHours(2));
            outbox.noticeLapsed(now().plusHours(3));
            deliverAll(now().plusHours(3));
            List<Receiver.Received> expired = about(receiver, expiring);
            assertEquals(List.of("/stluke"), expired.stream().map(Receiver.Received::path).toList());
            assertEquals("consent.expired", type(expired.get(0)));
        }
    }

    @Test
    void anUnansweredReferralThatExpiresIsNoticedToBothAgenciesAndClosesTheRoute() {
        try (Receiver receiver = new Receiver()) {
            Endpoint stluke = register("admin.stluke", receiver, "/stluke", ALL_TYPES);
            register("admin.amani", receiver, "/amani", ALL_TYPES);
            String referral = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            assertEquals(List.of(Cases.uuid(referral)), referrals.expireOverdue(now().plusDays(60), List.of(Cases.uuid(referral))));
            deliverAll(now());
            Map<String, List<String>> byPath = about(receiver, referral).stream().collect(Collectors.groupingBy(Receiver.Received::path,
                    Collectors.mapping(r -> type(r) + " " + JsonPath.from(r.body()).getString("data.status"), Collectors.toList())));
            assertEquals(List.of("referral.requested REQUESTED", "referral.expired EXPIRED", "route.closed EXPIRED"), byPath.get("/stluke"));
            assertEquals(List.of("referral.requested REQUESTED", "referral.expired EXPIRED"), byPath.get("/amani"));
            about(receiver, referral).stream().filter(r -> r.path().equals("/stluke")).forEach(r -> assertSigned(stluke, r));
        }
    }

    // --- bad endpoints -----------------------------------------------------------------------------------

    @Test
    void badURLsAreRefusedAtRegistrationAndNothingIsStored() {
        List<String> refused = List.of("not a url", "ftp://127.0.0.1/hook", "https:///no-host", "/relative/path",
                "http://203.0.113.5/hook", "https://10.0.0.5/hook", "https://172.16.0.1/hook", "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data/", "https://[fd00:ec2::254]/", "https://[::ffff:10.0.0.1]/hook",
                "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[fe80::1]/hook", "https://224.0.0.1/hook",
                "https://user:secret@203.0.113.5/hook", "https://no-such-host.invalid/hook");
        for (String url : refused) {
            Map<String, Object> error = error(call(Tokens.of("admin.stluke"), CREATE,
                    Map.of("i", Map.of("url", url, "eventTypes", List.of("REFERRAL_REQUESTED")))), "VALIDATION_FAILED");
            assertEquals("input.url", field(error), url);
        }
        assertEquals(0, Db.count("select count(*) from webhook_endpoint"));
        Map<String, Object> error = error(call(Tokens.of("admin.stluke"), CREATE,
                Map.of("i", Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of()))), "VALIDATION_FAILED");
        assertEquals("input.eventTypes", field(error));

        try (Receiver receiver = new Receiver()) {
            for (int i = 0; i < 10; i++) {
                register("admin.stluke", receiver, "/hook" + i, List.of("REFERRAL_REQUESTED"));
            }
            error(call(Tokens.of("admin.stluke"), CREATE, Map.of("i", Map.of("url", receiver.url("/one-too-many"),
                    "eventTypes", List.of("REFERRAL_REQUESTED")))), "LIMIT_EXCEEDED");
            assertEquals(10, Db.count("select count(*) from webhook_endpoint"));
            // the limit is per agency
            register("admin.amani", receiver, "/amani", List.of("REFERRAL_REQUESTED"));
        }
    }

    @Test
    void redirectsSlowAndHugeAnswersAndForbiddenAddressesAreContainedAtDelivery() {
        try (Receiver redirecting = new Receiver(); Receiver target = new Receiver(); Receiver slow = new Receiver(); Receiver huge = new Receiver()) {
            redirecting.mode = Receiver.Mode.REDIRECT;
            redirecting.redirectTo = target.url("/elsewhere");
            slow.mode = Receiver.Mode.SLOW;
            huge.mode = Receiver.Mode.HUGE;
            Map<String, Endpoint> endpoints = Map.of(
                    "REDIRECT_NOT_FOLLOWED", register("admin.stluke", redirecting, "/hook", List.of("REFERRAL_REQUESTED")),
                    "TIMEOUT", register("admin.stluke", slow, "/hook", List.of("REFERRAL_REQUESTED")),
                    "RESPONSE_TOO_LARGE", register("admin.stluke", huge, "/hook", List.of("REFERRAL_REQUESTED")),
                    "DESTINATION_REFUSED", register("admin.stluke", target, "/rebound", List.of("REFERRAL_REQUESTED")));
            // the name now resolves somewhere private (DNS rebinding): checked again before every call
            Db.execute("update webhook_endpoint set url = 'https://10.0.0.1/hook' where id = ?",
                    Cases.uuid(endpoints.get("DESTINATION_REFUSED").id()));
            String referral = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            deliverAll(now());
            endpoints.forEach((expected, endpoint) -> {
                JsonPath entry = log("admin.stluke", endpoint, referral);
                assertEquals(expected, entry.getString("data.webhookDeliveries.edges[0].node.lastError"), entry::prettify);
                assertEquals("PENDING", entry.getString("data.webhookDeliveries.edges[0].node.status"));
                assertNotNull(entry.getString("data.webhookDeliveries.edges[0].node.nextAttemptAt"));
                assertNotNull(entry.getString("data.webhookDeliveries.edges[0].node.attemptLog[0].message"));
            });
            assertEquals(302, log("admin.stluke", endpoints.get("REDIRECT_NOT_FOLLOWED"), referral)
                    .getInt("data.webhookDeliveries.edges[0].node.lastStatusCode"));
            assertTrue(target.received.isEmpty(), "a redirect was followed, or a refused address was called");
        }
    }

    @Test
    void aHostIsResolvedOnceAndTheAddressCheckedIsTheOneConnectedTo() {
        try (Receiver receiver = new Receiver()) {
            InetAddress checked = address("127.0.0.1");
            InetAddress rebound = address("10.0.0.1");
            AtomicInteger lookups = new AtomicInteger();
            // DNS rebinding: the first answers pass the check (registering, the first attempt), every later one is private
            QuarkusMock.installMockForType(new HostResolver() {
                @Override
                public List<InetAddress> resolve(String host) throws UnknownHostException {
                    return host.equals("partner.example") ? List.of(lookups.incrementAndGet() <= 2 ? checked : rebound) : super.resolve(host);
                }
            }, HostResolver.class);
            JsonPath created = ok(Tokens.of("admin.stluke"), CREATE, Map.of("i", Map.of(
                    "url", "http://partner.example:" + receiver.port() + "/hook", "eventTypes", List.of("REFERRAL_REQUESTED"))));
            Endpoint endpoint = new Endpoint(created.getString("data.createWebhookEndpoint.endpoint.id"),
                    created.getString("data.createWebhookEndpoint.secret"), "/hook");
            assertEquals(1, lookups.get());

            // the attempt resolves the name once and connects to that address, speaking to the name
            String first = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            deliverAll(now());
            assertEquals(2, lookups.get(), "the host was resolved again after its check");
            assertEquals(1, about(receiver, first).size(), () -> log("admin.stluke", endpoint, first).prettify());
            assertEquals("partner.example:" + receiver.port(), about(receiver, first).get(0).host());
            assertSigned(endpoint, about(receiver, first).get(0));

            // the next attempt's answer is private: refused, and nothing is connected to
            String second = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            deliverAll(now());
            assertEquals(3, lookups.get());
            assertTrue(about(receiver, second).isEmpty());
            JsonPath entry = log("admin.stluke", endpoint, second);
            assertEquals("DESTINATION_REFUSED", entry.getString("data.webhookDeliveries.edges[0].node.lastError"), entry::prettify);
            String message = entry.getString("data.webhookDeliveries.edges[0].node.attemptLog[0].message");
            assertTrue(message.contains("private") && !message.contains("10.0.0.1"), entry::prettify);
        }
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- action items ------------------------------------------------------------------------------------

    @Test
    void actionItemNoticesNameTheItemWithItsStatusAndItsConference() {
        try (Receiver receiver = new Receiver()) {
            Endpoint stluke = register("admin.stluke", receiver, "/stluke", List.of("ACTION_ITEM_ASSIGNED", "ACTION_ITEM_UPDATED"));
            String caseId = consentedCase();
            Cases.consent("cw.amani", caseId, "STLUKE", List.of("CONFERENCE"), "CASE_CONFERENCE");
            String conference = ok(Tokens.of("cw.amani"), """
                    mutation($i: CallConferenceInput!) { callConference(input: $i) { conference { id } } }""",
                    Map.of("i", Map.of("caseId", caseId, "scheduledAt", now().plusMinutes(1).toString(), "place", "AMANI office",
                            "purpose", "Review", "survivorInvited", false, "invitations", List.of(Map.of("agencyCode", "STLUKE")))))
                    .getString("data.callConference.conference.id");
            String item = ok(Tokens.of("cw.amani"), "mutation($i: AddActionItemInput!) { addActionItem(input: $i) { actionItem { id } } }",
                    Map.of("i", Map.of("conferenceId", conference, "assignedAgencyCode", "STLUKE", "description", "Book the clinic visit",
                            "dueOn", now().toLocalDate().plusDays(3).toString()))).getString("data.addActionItem.actionItem.id");
            ok(Tokens.of("pr.stluke"), "mutation($i: UpdateActionItemInput!) { updateActionItem(input: $i) { actionItem { status } } }",
                    Map.of("i", Map.of("id", item, "version", 0, "status", "IN_PROGRESS")));
            deliverAll(now());

            List<Receiver.Received> notices = about(receiver, item);
            assertEquals(List.of("action_item.assigned", "action_item.updated"), notices.stream().map(WebhookTest::type).toList());
            assertEquals(List.of("OPEN", "IN_PROGRESS"), notices.stream().map(r -> JsonPath.from(r.body()).getString("data.status")).toList());
            for (Receiver.Received notice : notices) {
                assertSigned(stluke, notice);
                assertEquals("ActionItem", JsonPath.from(notice.body()).getString("data.object"));
                assertEquals(conference, JsonPath.from(notice.body()).getString("data.conferenceId"));
            }
            assertTrue(about(receiver, conference).isEmpty(), "an item's notice named the conference as its object");
        }
    }

    @Test
    void aRescheduledOrCancelledConferenceIsNoticedByTheAgenciesWhoseInvitationHolds() {
        try (Receiver receiver = new Receiver()) {
            Endpoint amani = register("admin.amani", receiver, "/amani", ALL_TYPES);
            Endpoint stluke = register("admin.stluke", receiver, "/stluke", List.of("CONFERENCE_CHANGED"));
            register("admin.safehaven", receiver, "/safehaven", ALL_TYPES);
            String caseId = consentedCase();
            Cases.consent("cw.amani", caseId, "STLUKE", List.of("CONFERENCE"), "CASE_CONFERENCE");
            String lapsing = Cases.consent("cw.amani", caseId, "SAFEHAVEN", List.of("CONFERENCE"), "CASE_CONFERENCE");
            String conference = ok(Tokens.of("cw.amani"), """
                    mutation($i: CallConferenceInput!) { callConference(input: $i) { conference { id } } }""",
                    Map.of("i", Map.of("caseId", caseId, "scheduledAt", now().plusDays(1).toString(), "place", "AMANI office",
                            "purpose", "Review", "survivorInvited", false,
                            "invitations", List.of(Map.of("agencyCode", "STLUKE"), Map.of("agencyCode", "SAFEHAVEN")))))
                    .getString("data.callConference.conference.id");
            Cases.revoke("cw.amani", lapsing);
            ok(Tokens.of("cw.amani"), """
                    mutation($i: RescheduleConferenceInput!) { rescheduleConference(input: $i) { conference { version } } }""",
                    Map.of("i", Map.of("id", conference, "version", 0, "scheduledAt", now().plusDays(8).toString(), "place", "Ward 4 side room")));
            ok(Tokens.of("cw.amani"), """
                    mutation($i: CancelConferenceInput!) { cancelConference(input: $i) { conference { status } } }""",
                    Map.of("i", Map.of("id", conference, "version", 1, "reason", "She moved to her sister's")));
            deliverAll(now());

            Map<String, Endpoint> byPath = Map.of("/amani", amani, "/stluke", stluke);
            List<Receiver.Received> changed = about(receiver, conference).stream().filter(r -> type(r).equals("conference.changed")).toList();
            for (String path : byPath.keySet()) {
                List<Receiver.Received> mine = changed.stream().filter(r -> r.path().equals(path)).toList();
                assertEquals(List.of("SCHEDULED", "CANCELLED"), mine.stream().map(r -> JsonPath.from(r.body()).getString("data.status")).toList(), path);
                for (Receiver.Received r : mine) {
                    assertSigned(byPath.get(path), r);
                    assertEquals(Set.of("object", "id", "status", "agencies"), JsonPath.from(r.body()).getMap("data").keySet());
                    assertEquals("Conference", JsonPath.from(r.body()).getString("data.object"));
                    assertFalse(r.body().contains("Ward 4") || r.body().contains("sister"), r.body());
                }
            }
            // the lead agency is told of every invited agency, STLUKE of the lead and itself: each its own event
            assertEquals(4, changed.stream().map(Receiver.Received::id).distinct().count(), "one id per change and recipient");
            assertTrue(changed.stream().noneMatch(r -> r.path().equals("/safehaven")),
                    "an agency whose invitation lapsed with its consent heard of the change");
            assertTrue(about(receiver, conference).stream().anyMatch(r -> r.path().equals("/safehaven") && type(r).equals("invitation.withdrawn")),
                    "the lapsed agency was told its invitation was withdrawn");
        }
    }

    @Test
    void anEndpointFailingAgainAndAgainIsPausedWithItsReasonAndResumes() {
        try (Receiver receiver = new Receiver()) {
            receiver.mode = Receiver.Mode.FAIL;
            Endpoint endpoint = register("admin.stluke", receiver, "/hook", List.of("REFERRAL_REQUESTED"));
            String referral = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            OffsetDateTime start = now();
            for (int hour = 0; hour < 8; hour++) {
                deliverAll(start.plusHours(hour));
            }
            assertEquals(5, receiver.received.size(), "paused after 5 failed attempts (casebridge.webhook.pause-after-failures)");
            Map<String, Object> shown = ok(Tokens.of("admin.stluke"), ENDPOINTS, Map.of())
                    .<Map<String, Object>>getList("data.webhookEndpoints.edges.node").get(0);
            assertEquals("PAUSED", shown.get("status"));
            assertTrue(((String) shown.get("pausedReason")).contains("HTTP_STATUS 503"), shown::toString);

            receiver.mode = Receiver.Mode.OK;
            ok(Tokens.of("admin.stluke"), "mutation($i: WebhookEndpointInput!) { resumeWebhookEndpoint(input: $i) { endpoint { status } } }",
                    Map.of("i", Map.of("id", endpoint.id(), "version", shown.get("version"))));
            deliverAll(now().plusHours(8));
            assertEquals(6, receiver.received.size());
            assertEquals(1, receiver.received.stream().map(Receiver.Received::id).distinct().count());
            assertEquals("DELIVERED", log("admin.stluke", endpoint, referral).getString("data.webhookDeliveries.edges[0].node.status"));
        }
    }

    @Test
    void deliveriesGiveUpAfterADay() {
        try (Receiver receiver = new Receiver()) {
            receiver.mode = Receiver.Mode.FAIL;
            Endpoint endpoint = register("admin.stluke", receiver, "/hook", List.of("REFERRAL_REQUESTED"));
            String referral = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            OffsetDateTime start = now();
            deliverAll(start);
            deliverAll(start.plusHours(25));
            JsonPath entry = log("admin.stluke", endpoint, referral);
            assertEquals("FAILED", entry.getString("data.webhookDeliveries.edges[0].node.status"));
            assertNull(entry.getString("data.webhookDeliveries.edges[0].node.nextAttemptAt"));
        }
    }

    // --- secrets, redelivery, retention, metrics ----------------------------------------------------------

    @Test
    void duringARotationBothSecretsSignAndAfterItOnlyTheNewOne() {
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = register("admin.stluke", receiver, "/hook", List.of("REFERRAL_REQUESTED"));
            String rotated = ok(Tokens.of("admin.stluke"), """
                    mutation($i: WebhookEndpointInput!) { rotateWebhookSecret(input: $i) { endpoint { previousSecretValidUntil } secret } }""",
                    Map.of("i", Map.of("id", endpoint.id(), "version", 0))).getString("data.rotateWebhookSecret.secret");
            assertFalse(rotated.equals(endpoint.secret()));
            assertTrue(Db.rows("select secret_sealed from webhook_endpoint").stream()
                    .noneMatch(r -> new String((byte[]) r.get("secret_sealed")).contains(rotated.substring(6, 20))), "the secret is stored sealed");
            String caseId = consentedCase("STLUKE");
            String during = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            deliverAll(now());
            Receiver.Received r = about(receiver, during).get(0);
            assertEquals(2, r.signature().split(" ").length);
            assertEquals(List.of(true, true), StandardWebhooksVerifier.eachVerifies(List.of(endpoint.secret(), rotated), r.id(),
                    r.timestamp(), r.body(), r.signature()));

            Db.execute("update webhook_endpoint set previous_secret_until = now() - interval '1 second'");
            String after = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            deliverAll(now());
            Receiver.Received later = about(receiver, after).get(0);
            assertEquals(List.of(false, true), StandardWebhooksVerifier.eachVerifies(List.of(endpoint.secret(), rotated), later.id(),
                    later.timestamp(), later.body(), later.signature()));
        }
    }

    @Test
    void aRedeliveryKeepsItsIdAndAttemptsAreKeptForTheRetentionTime() {
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = register("admin.stluke", receiver, "/hook", List.of("REFERRAL_REQUESTED"));
            String referral = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            deliverAll(now());
            String delivery = log("admin.stluke", endpoint, referral).getString("data.webhookDeliveries.edges[0].node.id");
            ok(Tokens.of("admin.stluke"), "mutation($i: RedeliverWebhookInput!) { redeliverWebhook(input: $i) { delivery { status } } }",
                    Map.of("i", Map.of("deliveryId", delivery)));
            deliverAll(now());
            List<Receiver.Received> got = about(receiver, referral);
            assertEquals(2, got.size());
            assertEquals(got.get(0).id(), got.get(1).id());
            assertEquals(2, log("admin.stluke", endpoint, referral).getList("data.webhookDeliveries.edges[0].node.attemptLog").size());

            sender.purge(now().plusDays(29));
            assertEquals(1, log("admin.stluke", endpoint, referral).getInt("data.webhookDeliveries.totalCount"));
            sender.purge(now().plusDays(31));
            assertEquals(0, log("admin.stluke", endpoint, referral).getInt("data.webhookDeliveries.totalCount"));
            assertEquals(0, Db.count("select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.endpoint_id = ?",
                    Cases.uuid(endpoint.id())));

            String metrics = RestAssured.get("/q/metrics").asString();
            assertTrue(metrics.contains("casebridge_webhook_deliveries_total{outcome=\"delivered\""), "deliveries counted");
            assertTrue(metrics.contains("casebridge_webhook_lag_seconds"), "lag measured");
        }
    }

    @Test
    void anAdminUpdatesPausesAndDeletesItsEndpointOnTheVersionItSaw() {
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = register("admin.stluke", receiver, "/one", List.of("REFERRAL_REQUESTED"));
            String update = "mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { endpoint { url eventTypes version } } }";
            JsonPath updated = ok(Tokens.of("admin.stluke"), update, Map.of("i", Map.of("id", endpoint.id(), "version", 0,
                    "url", receiver.url("/two"), "eventTypes", List.of("REFERRAL_STATUS_CHANGED"), "description", "Moved")));
            assertEquals(1, updated.getInt("data.updateWebhookEndpoint.endpoint.version"));
            assertEquals(List.of("REFERRAL_STATUS_CHANGED"), updated.getList("data.updateWebhookEndpoint.endpoint.eventTypes"));
            error(call(Tokens.of("admin.stluke"), update, Map.of("i", Map.of("id", endpoint.id(), "version", 0, "url", receiver.url("/stale")))),
                    "CONFLICT");
            assertEquals("input.url", field(error(call(Tokens.of("admin.stluke"), update, Map.of("i", Map.of("id", endpoint.id(), "version", 1,
                    "url", "https://10.0.0.1/hook"))), "VALIDATION_FAILED")));
            assertEquals(receiver.url("/two"), Db.row("select url from webhook_endpoint where id = ?", Cases.uuid(endpoint.id())).get("url"));

            String referral = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            assertNull(Cases.move("pr.stluke", referral, "ACCEPTED", Map.of()).get("errors"));
            deliverAll(now());
            assertEquals(List.of("/two referral.status_changed"), about(receiver, referral).stream().map(r -> r.path() + " " + type(r)).toList());

            JsonPath paused = ok(Tokens.of("admin.stluke"), """
                    mutation($i: PauseWebhookEndpointInput!) { pauseWebhookEndpoint(input: $i) { endpoint { status pausedReason version } } }""",
                    Map.of("i", Map.of("id", endpoint.id(), "version", 1, "reason", "Our system is being moved")));
            assertEquals("PAUSED", paused.getString("data.pauseWebhookEndpoint.endpoint.status"));
            assertEquals("Our system is being moved", paused.getString("data.pauseWebhookEndpoint.endpoint.pausedReason"));
            String later = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            assertNull(Cases.move("pr.stluke", later, "ACCEPTED", Map.of()).get("errors"));
            deliverAll(now());
            assertTrue(about(receiver, later).isEmpty(), "a paused endpoint was posted to");

            ok(Tokens.of("admin.stluke"), "mutation($i: WebhookEndpointInput!) { deleteWebhookEndpoint(input: $i) { deletedId } }",
                    Map.of("i", Map.of("id", endpoint.id(), "version", paused.getInt("data.pauseWebhookEndpoint.endpoint.version"))));
            assertTrue(ok(Tokens.of("admin.stluke"), ENDPOINTS, Map.of()).getList("data.webhookEndpoints.edges").isEmpty());
            error(call(Tokens.of("admin.stluke"), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", endpoint.id())), "NOT_FOUND");
            assertEquals(0, Db.count("select count(*) from webhook_delivery where endpoint_id = ?", Cases.uuid(endpoint.id())));
        }
    }

    // --- endpoints are their agency's -------------------------------------------------------------------

    @Test
    void anotherAgencysEndpointsLogAndRedeliveryAreNotFound() {
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = register("admin.stluke", receiver, "/hook", List.of("REFERRAL_REQUESTED"));
            String referral = Cases.refer("cw.amani", consentedCase("STLUKE"), Cases.CLINIC_CARE);
            deliverAll(now());
            String delivery = log("admin.stluke", endpoint, referral).getString("data.webhookDeliveries.edges[0].node.id");
            long version = Db.count("select version from webhook_endpoint where id = ?", Cases.uuid(endpoint.id()));
            Map<String, Object> ref = Map.of("id", endpoint.id(), "version", version);
            Map<String, Map<String, Object>> mutations = Map.of(
                    "mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { endpoint { id } } }",
                    Map.of("id", endpoint.id(), "version", version, "url", receiver.url("/stolen")),
                    "mutation($i: PauseWebhookEndpointInput!) { pauseWebhookEndpoint(input: $i) { endpoint { id } } }", ref,
                    "mutation($i: WebhookEndpointInput!) { resumeWebhookEndpoint(input: $i) { endpoint { id } } }", ref,
                    "mutation($i: WebhookEndpointInput!) { deleteWebhookEndpoint(input: $i) { deletedId } }", ref,
                    "mutation($i: WebhookEndpointInput!) { rotateWebhookSecret(input: $i) { secret } }", ref,
                    "mutation($i: RedeliverWebhookInput!) { redeliverWebhook(input: $i) { delivery { id } } }", Map.of("deliveryId", delivery));
            for (String admin : List.of("admin.safehaven", "admin.amani")) {
                mutations.forEach((document, input) -> error(call(Tokens.of(admin), document, Map.of("i", input)), "NOT_FOUND"));
                error(call(Tokens.of(admin), LOG, Map.of("e", endpoint.id())), "NOT_FOUND");
                error(call(Tokens.of(admin), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", endpoint.id())), "NOT_FOUND");
                assertTrue(ok(Tokens.of(admin), ENDPOINTS, Map.of()).getList("data.webhookEndpoints.edges").isEmpty());
            }
            for (String other : List.of("pr.stluke", "cw.amani", "sup.amani", "auditor")) {
                error(call(Tokens.of(other), ENDPOINTS), "FORBIDDEN");
                error(call(Tokens.of(other), CREATE, Map.of("i", Map.of("url", receiver.url("/x"), "eventTypes", List.of("REFERRAL_REQUESTED")))),
                        "FORBIDDEN");
            }
            Map<String, Object> stored = Db.row("select url, version, status, secret_sealed from webhook_endpoint where id = ?", Cases.uuid(endpoint.id()));
            assertEquals(receiver.url("/hook"), stored.get("url"));
            assertEquals(version, ((Number) stored.get("version")).longValue());
            assertEquals("ACTIVE", stored.get("status"));
            assertEquals(1, Db.count("select attempts from webhook_delivery where endpoint_id = ?", Cases.uuid(endpoint.id())));
            assertEquals(endpoint.id(), ok(Tokens.of("admin.stluke"), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", endpoint.id()))
                    .getString("data.node.id"));
        }
    }
}
