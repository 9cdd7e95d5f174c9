package org.casebridge.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.casebridge.access.ReferralPolicy.ReferralSide;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.casebridge.referral.ReferralStatus.ACCEPTED;
import static org.casebridge.referral.ReferralStatus.CANCELLED;
import static org.casebridge.referral.ReferralStatus.COMPLETED;
import static org.casebridge.referral.ReferralStatus.EXPIRED;
import static org.casebridge.referral.ReferralStatus.FAILED;
import static org.casebridge.referral.ReferralStatus.IN_PROGRESS;
import static org.casebridge.referral.ReferralStatus.ON_HOLD;
import static org.casebridge.referral.ReferralStatus.REJECTED;
import static org.casebridge.referral.ReferralStatus.REQUESTED;
import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The referral status machine, its role rules, history, expiry and concurrency, against the real stack. */
@QuarkusTest
class ReferralLifecycleTest {

    @Inject
    ReferralService referrals;

    /** Every allowed move and who makes it; everything not listed is refused. */
    static final Map<String, ReferralSide> ALLOWED = Map.ofEntries(
            Map.entry("REQUESTED>ACCEPTED", ReferralSide.RECEIVER), Map.entry("REQUESTED>REJECTED", ReferralSide.RECEIVER),
            Map.entry("ACCEPTED>IN_PROGRESS", ReferralSide.RECEIVER), Map.entry("ACCEPTED>ON_HOLD", ReferralSide.RECEIVER),
            Map.entry("IN_PROGRESS>ON_HOLD", ReferralSide.RECEIVER), Map.entry("IN_PROGRESS>COMPLETED", ReferralSide.RECEIVER),
            Map.entry("IN_PROGRESS>FAILED", ReferralSide.RECEIVER), Map.entry("ON_HOLD>IN_PROGRESS", ReferralSide.RECEIVER),
            Map.entry("ON_HOLD>FAILED", ReferralSide.RECEIVER),
            Map.entry("REQUESTED>CANCELLED", ReferralSide.REFERRER), Map.entry("ACCEPTED>CANCELLED", ReferralSide.REFERRER),
            Map.entry("IN_PROGRESS>CANCELLED", ReferralSide.REFERRER), Map.entry("ON_HOLD>CANCELLED", ReferralSide.REFERRER));

    @Test
    void statusMachineAllowsExactlyTheDesignedMoves() {
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                assertEquals(Optional.ofNullable(ALLOWED.get(from + ">" + to)), from.movedBy(to), from + " -> " + to);
            }
        }
    }

    private static String newReferral() {
        String caseId = Cases.open("cw.amani", "Lifecycle " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        return Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
    }

    private static String who(ReferralSide side) {
        return side == ReferralSide.RECEIVER ? "pr.stluke" : "cw.amani";
    }

    private static Map<String, Object> extrasFor(ReferralStatus to) {
        Map<String, Object> extra = new HashMap<>();
        if (to.needsReason()) extra.put("reason", "Because");
        if (to == COMPLETED) extra.put("outcome", Map.of("serviceProvided", true, "note", "Seen"));
        return extra;
    }

    /** Drives a fresh referral to {@code status} along allowed moves. */
    private String referralIn(ReferralStatus status) {
        String referral = newReferral();
        List<ReferralStatus> path = switch (status) {
            case REQUESTED -> List.of();
            case ACCEPTED -> List.of(ACCEPTED);
            case IN_PROGRESS -> List.of(ACCEPTED, IN_PROGRESS);
            case ON_HOLD -> List.of(ACCEPTED, ON_HOLD);
            case COMPLETED -> List.of(ACCEPTED, IN_PROGRESS, COMPLETED);
            case FAILED -> List.of(ACCEPTED, IN_PROGRESS, FAILED);
            case REJECTED -> List.of(REJECTED);
            case CANCELLED -> List.of(CANCELLED);
            case EXPIRED -> null;
        };
        if (path == null) {
            Db.execute("update referral set response_due_at = now() - interval '1 minute' where id = ?", Cases.uuid(referral));
            referrals.expireOverdue(OffsetDateTime.now(ZoneOffset.UTC), List.of(Cases.uuid(referral)));
            return referral;
        }
        ReferralStatus at = REQUESTED;
        for (ReferralStatus next : path) {
            ok(Tokens.of(who(at.movedBy(next).orElseThrow())), Cases.CHANGE_STATUS, Map.of("i", input(referral, next)));
            at = next;
        }
        return referral;
    }

    private static Map<String, Object> input(String referral, ReferralStatus to) {
        Map<String, Object> input = extrasFor(to);
        input.put("id", referral);
        input.put("status", to.name());
        input.put("version", Cases.version(Tokens.of("cw.amani"), referral));
        return input;
    }

    @Test
    void everyMoveIsAllowedToItsSideAndRefusedOtherwise() {
        List<String> checked = new ArrayList<>();
        for (ReferralStatus from : EnumSet.allOf(ReferralStatus.class)) {
            for (ReferralStatus to : ReferralStatus.values()) {
                if (to == from) continue;
                ReferralSide side = ALLOWED.get(from + ">" + to);
                String referral = referralIn(from);
                UUID id = Cases.uuid(referral);
                long events = Db.count("select count(*) from referral_event where referral_id = ?", id);
                // Referral.nextStatuses offers each side exactly the moves it is allowed below
                for (String user : List.of("pr.stluke", "cw.amani")) {
                    assertEquals(side != null && who(side).equals(user), nextStatuses(user, referral).contains(to.name()),
                            user + " is offered " + from + " -> " + to + " exactly when it is allowed to make it");
                }
                if (side == null) {
                    for (String user : List.of("pr.stluke", "cw.amani")) {
                        error(call(Tokens.of(user), Cases.CHANGE_STATUS, Map.of("i", input(referral, to))), "INVALID_TRANSITION");
                    }
                } else {
                    String wrong = side == ReferralSide.RECEIVER ? "cw.amani" : "pr.stluke";
                    error(call(Tokens.of(wrong), Cases.CHANGE_STATUS, Map.of("i", input(referral, to))), "FORBIDDEN");
                    assertEquals(1, Db.count("select count(*) from audit_entry where target_id = ? and action = 'referral.transition' and not allowed", id));
                    JsonPath moved = ok(Tokens.of(who(side)), Cases.CHANGE_STATUS, Map.of("i", input(referral, to)));
                    assertEquals(to.name(), moved.getString("data.changeReferralStatus.referral.status"));
                    events++;
                }
                assertEquals(events, Db.count("select count(*) from referral_event where referral_id = ?", id));
                assertEquals(side == null ? from.name() : to.name(), Db.row("select status from referral where id = ?", id).get("status"));
                checked.add(from + ">" + to);
            }
        }
        assertEquals(72, checked.size());
    }

    private static List<String> nextStatuses(String user, String referral) {
        return ok(Tokens.of(user), "query($id: ID!) { referral(id: $id) { nextStatuses } }", Map.of("id", referral))
                .getList("data.referral.nextStatuses");
    }

    /** A closed case's referrals are read-only: no move is offered, and none is made. */
    @Test
    void aClosedCasesReferralOffersNoMove() {
        String referral = referralIn(ACCEPTED);
        assertEquals(List.of("IN_PROGRESS", "ON_HOLD"), nextStatuses("pr.stluke", referral));
        assertEquals(List.of("CANCELLED"), nextStatuses("cw.amani", referral));
        Db.execute("update survivor_case set status = 'CLOSED' where id = (select case_id from referral where id = ?)", Cases.uuid(referral));
        for (String user : List.of("pr.stluke", "cw.amani")) {
            assertEquals(List.of(), nextStatuses(user, referral), user);
        }
        error(call(Tokens.of("pr.stluke"), Cases.CHANGE_STATUS, Map.of("i", input(referral, IN_PROGRESS))), "INVALID_TRANSITION");
    }

    @Test
    void rejectionAndFailureNeedAReasonAndCompletionAnOutcome() {
        String referral = newReferral();
        Map<String, Object> reject = input(referral, REJECTED);
        reject.remove("reason");
        assertEquals("input.reason", field(error(call(Tokens.of("pr.stluke"), Cases.CHANGE_STATUS, Map.of("i", reject)), "VALIDATION_FAILED")));
        String inProgress = referralIn(IN_PROGRESS);
        Map<String, Object> complete = input(inProgress, COMPLETED);
        complete.remove("outcome");
        assertEquals("input.outcome", field(error(call(Tokens.of("pr.stluke"), Cases.CHANGE_STATUS, Map.of("i", complete)), "VALIDATION_FAILED")));
        assertEquals("IN_PROGRESS", Db.row("select status from referral where id = ?", Cases.uuid(inProgress)).get("status"));
    }

    @Test
    void historyAndTimingsAreKept() {
        String referral = referralIn(COMPLETED);
        JsonPath read = ok(Tokens.of("cw.amani"), """
                query($id: ID!) { referral(id: $id) { status minutesToAccept minutesToComplete acceptedAt completedAt
                  outcome { serviceProvided note } history { fromStatus toStatus actorName actorAgency at } } }""", Map.of("id", referral));
        assertEquals(List.of("REQUESTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED"), read.getList("data.referral.history.toStatus"));
        assertEquals(List.of("cw.amani", "pr.stluke", "pr.stluke", "pr.stluke"), read.getList("data.referral.history.actorName"));
        assertEquals(Arrays.asList(null, "REQUESTED", "ACCEPTED", "IN_PROGRESS"), read.getList("data.referral.history.fromStatus"));
        assertEquals(List.of("AMANI", "STLUKE", "STLUKE", "STLUKE"), read.getList("data.referral.history.actorAgency"));
        List<OffsetDateTime> at = read.<String>getList("data.referral.history.at").stream().map(OffsetDateTime::parse).toList();
        assertEquals(at.stream().sorted().toList(), at, "in the order the changes happened");
        assertEquals(0, read.getInt("data.referral.minutesToAccept"));
        assertTrue(read.getBoolean("data.referral.outcome.serviceProvided"));
    }

    /**
     * Expires at instants days ahead, so it expires only its own referrals: any other request would expire too, at an
     * instant that stays its newest change for days (and first in every inbox sorted by the latest change).
     */
    @Test
    void expiryHappensAtTheDeadlineAndOnlyOnce() {
        String referral = newReferral();
        UUID id = Cases.uuid(referral);
        String answered = newReferral();
        ok(Tokens.of("pr.stluke"), Cases.CHANGE_STATUS, Map.of("i", input(answered, ACCEPTED)));
        UUID bystander = Cases.uuid(newReferral());
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.MILLIS);
        Db.execute("update referral set response_due_at = ? where id = ?", due, id);
        Map<String, Object> bystanderBefore = Db.row("select status, version, updated_at from referral where id = ?", bystander);
        List<UUID> own = List.of(id, Cases.uuid(answered));

        assertTrue(!referrals.expireOverdue(due.minusNanos(1_000_000), own).contains(id), "not before the deadline");
        assertEquals("REQUESTED", Db.row("select status from referral where id = ?", id).get("status"));
        assertEquals(List.of(id), referrals.expireOverdue(due, own), "at the deadline, and of its own referrals only this one");
        assertEquals("EXPIRED", Db.row("select status from referral where id = ?", id).get("status"));
        assertTrue(!referrals.expireOverdue(due.plusDays(1), own).contains(id), "only once");
        assertEquals(1, Db.count("select count(*) from referral_event where referral_id = ? and to_status = 'EXPIRED'", id));
        assertEquals(1, Db.count("select count(*) from audit_entry where target_id = ? and action = 'referral.expire'", id));

        assertEquals(List.of(), referrals.expireOverdue(due.plusDays(60), own), "an answered referral never expires");
        assertEquals("ACCEPTED", Db.row("select status from referral where id = ?", Cases.uuid(answered)).get("status"));
        assertEquals(bystanderBefore, Db.row("select status, version, updated_at from referral where id = ?", bystander),
                "a request past its deadline outside the scope is left as it was");
    }

    @Test
    void twoReceiversAcceptingAtOnceMakeOneAcceptance() throws Exception {
        for (int round = 0; round < 3; round++) {
            String referral = newReferral();
            Map<String, Object> accept = input(referral, ACCEPTED);
            String provider = Tokens.of("pr.stluke");
            String system = Tokens.serviceAccount("stluke-system", "demo-stluke-secret");
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<JsonPath>> answers = new ArrayList<>();
            for (String token : List.of(provider, system)) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return call(token, Cases.CHANGE_STATUS, Map.of("i", accept));
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<JsonPath> answer : answers) {
                JsonPath a = answer.get();
                outcomes.add(a.get("errors") == null ? a.getString("data.changeReferralStatus.referral.status")
                        : a.getString("errors[0].extensions.code"));
            }
            assertTrue(outcomes.contains("ACCEPTED"), outcomes::toString);
            assertTrue(outcomes.contains("CONFLICT") || outcomes.contains("INVALID_TRANSITION"), outcomes::toString);
            UUID id = Cases.uuid(referral);
            assertEquals(1, Db.count("select count(*) from referral_event where referral_id = ? and to_status = 'ACCEPTED'", id));
            assertEquals(1, Db.count("select count(*) from audit_entry where target_id = ? and action = 'referral.transition' and allowed", id));
        }
    }
}
