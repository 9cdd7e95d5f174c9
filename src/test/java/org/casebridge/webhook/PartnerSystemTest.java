package org.casebridge.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.casebridge.access.AccessPolicy.ReferralSide;
import org.casebridge.access.Route;
import org.casebridge.referral.ReferralService;
import org.casebridge.referral.ReferralStatus;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.ok;
import static org.casebridge.webhook.WebhookTest.ALL_TYPES;
import static org.casebridge.webhook.WebhookTest.about;
import static org.casebridge.webhook.WebhookTest.now;
import static org.casebridge.webhook.WebhookTest.register;
import static org.casebridge.webhook.WebhookTest.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The "done when", as a demo partner agency's system sees it: St Luke's admin registers one endpoint for every
 * event type on a receiver started here; then every referral status move the API allows (taken from
 * {@link ReferralStatus}'s own table, so a new status or move is covered without editing this test) and every kind of
 * revocation that concerns St Luke is driven through the API. For each: exactly one notice, signed (checked by
 * {@link StandardWebhooksVerifier}, written from the specification), id-only, of the right type and status; Safe Haven,
 * registered for every type too and not concerned, gets nothing.
 */
@QuarkusTest
class PartnerSystemTest {

    static final String WITHDRAW = """
            mutation($i: WithdrawSharingDecisionInput!) { withdrawSharingDecision(input: $i) { sharingDecision { withdrawnAt } } }""";
    /** Everything a notice's data may hold: ids, a status and agency codes, never survivor information. */
    static final Set<String> DATA_KEYS = Set.of("object", "id", "status", "agencies", "caseId", "conferenceId");
    static final String SURVIVOR = "Partner Survivor ";

    @Inject
    WebhookSender sender;

    @Inject
    WebhookOutbox outbox;

    @Inject
    ReferralService referrals;

    Receiver receiver;
    WebhookTest.Endpoint partner;
    String survivor;

    @BeforeEach
    void partnerRegisters() {
        Db.execute("delete from webhook_endpoint");
        receiver = new Receiver();
        partner = register("admin.stluke", receiver, "/stluke", ALL_TYPES);
        register("admin.safehaven", receiver, "/safehaven", ALL_TYPES);
        survivor = SURVIVOR + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        receiver.close();
        Db.execute("delete from webhook_endpoint");
    }

    void deliverAll(OffsetDateTime now) {
        while (sender.deliverDue(now) > 0) {
            // until nothing is due at this instant
        }
    }

    /** A move of the status machine, and who makes it: a side of the referral, or the system (expiry) when null. */
    record Move(ReferralStatus from, ReferralStatus to, ReferralSide by) {
    }

    /**
     * Every move the API allows, from {@link ReferralStatus#movedBy}, and the system's own (an unanswered request
     * expires, {@code ReferralExpiry}). Each status must be reachable from REQUESTED by them.
     */
    static List<Move> moves() {
        List<Move> moves = new ArrayList<>();
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                from.movedBy(to).ifPresent(side -> moves.add(new Move(from, to, side)));
            }
        }
        moves.add(new Move(ReferralStatus.REQUESTED, ReferralStatus.EXPIRED, null));
        return moves;
    }

    /** The shortest way from REQUESTED to each status, by the moves; fails naming a status no move reaches. */
    static Map<ReferralStatus, List<Move>> pathsFromRequested(List<Move> moves) {
        Map<ReferralStatus, List<Move>> paths = new EnumMap<>(ReferralStatus.class);
        paths.put(ReferralStatus.REQUESTED, List.of());
        ArrayDeque<ReferralStatus> queue = new ArrayDeque<>(List.of(ReferralStatus.REQUESTED));
        while (!queue.isEmpty()) {
            ReferralStatus at = queue.poll();
            for (Move move : moves) {
                if (move.from() == at && !paths.containsKey(move.to())) {
                    List<Move> path = new ArrayList<>(paths.get(at));
                    path.add(move);
                    paths.put(move.to(), path);
                    queue.add(move.to());
                }
            }
        }
        Set<ReferralStatus> unreachable = EnumSet.allOf(ReferralStatus.class);
        unreachable.removeAll(paths.keySet());
        if (!unreachable.isEmpty()) {
            fail("no move reaches " + unreachable + "; a status the partner system can never be told of");
        }
        return paths;
    }

    void make(Move move, String referral) {
        if (move.by() == null) {
            assertEquals(List.of(Cases.uuid(referral)), referrals.expireOverdue(now().plusDays(60), List.of(Cases.uuid(referral))));
            return;
        }
        Map<String, Object> extra = new HashMap<>();
        if (move.to().needsReason()) extra.put("reason", "Reason for " + move.to());
        if (move.to() == ReferralStatus.COMPLETED) extra.put("outcome", Map.of("serviceProvided", true));
        String user = move.by() == ReferralSide.RECEIVER ? "pr.stluke" : "cw.amani";
        JsonPath answer = Cases.move(user, referral, move.to().name(), extra);
        assertNull(answer.get("errors"), () -> move + ": " + answer.prettify());
    }

    /** St Luke's notices about one object, each checked as a partner system would; SAFEHAVEN heard nothing of it. */
    List<JsonPath> partnerNotices(String objectId) {
        List<JsonPath> bodies = new ArrayList<>();
        for (Receiver.Received r : about(receiver, objectId)) {
            assertEquals("/stluke", r.path(), () -> "an agency the change does not concern heard of it: " + r);
            assertTrue(StandardWebhooksVerifier.verifies(partner.secret(), r.id(), r.timestamp(), r.body(), r.signature()),
                    () -> "signature does not verify: " + r);
            JsonPath body = JsonPath.from(r.body());
            assertEquals(Set.of("type", "timestamp", "data"), body.getMap("").keySet(), r.body());
            assertTrue(DATA_KEYS.containsAll(body.getMap("data").keySet()), r.body());
            assertFalse(r.body().contains(SURVIVOR) || r.body().contains("Needs care") || r.body().contains("+234"), r.body());
            bodies.add(body);
        }
        assertEquals(bodies.size(), about(receiver, objectId).stream().map(Receiver.Received::id).distinct().count(),
                "one webhook-id for two notices, or one notice twice");
        return bodies;
    }

    static List<String> typesAndStatuses(List<JsonPath> notices) {
        return notices.stream().map(n -> n.getString("type") + " " + n.getString("data.status")).toList();
    }

    static String wire(ReferralStatus status) {
        return switch (status) {
            case REQUESTED -> "referral.requested";
            case EXPIRED -> "referral.expired";
            default -> "referral.status_changed";
        };
    }

    @Test
    void thePartnerIsToldOfEveryStatusChangeOfItsReferralsOnceSignedAndIdOnly() {
        List<Move> moves = moves();
        Map<ReferralStatus, List<Move>> paths = pathsFromRequested(moves);
        String caseId = Cases.open("cw.amani", survivor);
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        Map<Move, String> referralOf = new HashMap<>();
        for (Move move : moves) {
            String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            referralOf.put(move, referral);
            for (Move step : paths.get(move.from())) {
                make(step, referral);
            }
            make(move, referral);
        }
        deliverAll(now());
        // a concluded referral's route closes some time after it ended (casebridge.access.referral-route-after-end, 30 days)
        outbox.noticeLapsed(now().plusDays(31));
        deliverAll(now().plusDays(31));

        for (Move move : moves) {
            List<Move> walked = new ArrayList<>(paths.get(move.from()));
            walked.add(move);
            List<String> expected = new ArrayList<>(List.of("referral.requested REQUESTED"));
            for (Move step : walked) {
                expected.add(wire(step.to()) + " " + step.to());
                if (step.to().routeEnding() != Route.Ending.NONE) {
                    expected.add("route.closed " + step.to());
                }
            }
            List<JsonPath> notices = partnerNotices(referralOf.get(move));
            assertEquals(expected, typesAndStatuses(notices), move.toString());
            for (JsonPath notice : notices) {
                assertEquals("Referral", notice.getString("data.object"));
                assertEquals(List.of("AMANI", "STLUKE"), notice.getList("data.agencies"));
                assertEquals(notice.getString("type").equals("route.closed") ? caseId : null, notice.getString("data.caseId"));
            }
        }
        assertEquals(Arrays.stream(ReferralStatus.values()).filter(s -> s != ReferralStatus.REQUESTED).count(),
                moves.stream().map(Move::to).distinct().count(), "a status was never moved to");
    }

    @Test
    void thePartnerIsToldOnceOfEveryRevocationThatConcernsIt() {
        String caseId = Cases.open("cw.amani", survivor);
        // consent revoked
        String revoked = Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        Cases.revoke("cw.amani", revoked);
        // consent expired
        String expiring = Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL", null, now().plusHours(1));
        // a supervisor's sharing decision withdrawn, and one that runs out
        String withdrawn = WebhookAudienceTest.decisionOf(referralOnDecision(caseId, null));
        String runningOut = WebhookAudienceTest.decisionOf(referralOnDecision(caseId, now().plusHours(1)));
        ok(Tokens.of("sup.amani"), WITHDRAW, Map.of("i", Map.of("id", withdrawn, "reason", "Risk has passed")));
        // an invitation whose basis lapses with its consent
        String conferenceConsent = Cases.consent("cw.amani", caseId, "STLUKE", List.of("CONFERENCE"), "CASE_CONFERENCE");
        String conference = WebhookAudienceTest.conferenceWith(caseId, List.of(Map.of("agencyCode", "STLUKE")), "cw.amani");
        Cases.revoke("cw.amani", conferenceConsent);
        deliverAll(now());
        outbox.noticeLapsed(now().plusHours(2));
        outbox.noticeLapsed(now().plusHours(3));
        deliverAll(now().plusHours(3));

        String caseGlobal = caseId;
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(revoked, "consent.revoked Consent REVOKED");
        expected.put(conferenceConsent, "consent.revoked Consent REVOKED");
        expected.put(expiring, "consent.expired Consent EXPIRED");
        expected.put(withdrawn, "consent.revoked SharingDecision WITHDRAWN");
        expected.put(runningOut, "consent.expired SharingDecision EXPIRED");
        expected.forEach((object, what) -> {
            List<JsonPath> notices = partnerNotices(object);
            assertEquals(List.of(what), notices.stream().map(n -> n.getString("type") + " " + n.getString("data.object") + " "
                    + n.getString("data.status")).toList(), object);
            assertEquals(caseGlobal, notices.get(0).getString("data.caseId"));
            assertEquals(List.of("AMANI", "STLUKE"), notices.get(0).getList("data.agencies"));
        });
        List<JsonPath> aboutConference = partnerNotices(conference);
        assertEquals(List.of("conference.called CALLED", "invitation.withdrawn WITHDRAWN"), typesAndStatuses(aboutConference));
        assertEquals(caseGlobal, aboutConference.get(1).getString("data.caseId"));
        // the time notices may announce other tests' objects to SAFEHAVEN; of this case it hears nothing
        List<String> ours = new ArrayList<>(expected.keySet());
        ours.addAll(List.of(caseId, conference));
        assertTrue(receiver.received.stream().filter(r -> r.path().equals("/safehaven")).noneMatch(r -> ours.stream().anyMatch(r.body()::contains)),
                () -> "SAFEHAVEN, not concerned, heard of this case: " + receiver.received);
    }

    /** A referral to St Luke made on a supervisor's sharing decision (valid until {@code until}, or the default). */
    static String referralOnDecision(String caseId, OffsetDateTime until) {
        Map<String, Object> decision = new HashMap<>(Map.of("kind", "OVERRIDE", "reason", "Imminent risk; supervisor decided to share",
                "categories", List.of("INCIDENT")));
        if (until != null) decision.put("validUntil", until.toString());
        Map<String, Object> input = Cases.referralInput(caseId, Cases.CLINIC_CARE);
        input.put("sharingDecision", decision);
        return ok(Tokens.of("sup.amani"), Cases.CREATE_REFERRAL, Map.of("i", input)).getString("data.createReferral.referral.id");
    }
}
