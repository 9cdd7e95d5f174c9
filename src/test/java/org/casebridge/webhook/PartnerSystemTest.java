package org.casebridge.webhook;

import jakarta.inject.Inject;
import org.casebridge.referral.ReferralService;
import org.casebridge.referral.ReferralStatus;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.webhook.PartnerSystem.Expected;
import org.casebridge.webhook.PartnerSystem.Move;
import org.casebridge.webhook.PartnerSystem.Row;
import org.casebridge.webhook.PartnerSystem.Survivor;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.casebridge.webhook.WebhookTest.ALL_TYPES;
import static org.casebridge.webhook.WebhookTest.now;
import static org.casebridge.webhook.WebhookTest.register;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The "done when", as a demo partner agency's system sees it ({@link PartnerSystem}): St Luke's admin
 * registers one endpoint for every event type on a receiver started here; then every referral status move the API
 * allows (taken from {@link ReferralStatus}'s own table, so a new status or move is covered without editing this
 * test), the system's expiry, and every kind of revocation that concerns St Luke, by hand and with time, are driven.
 * For each: exactly one notice, signed (checked by {@link StandardWebhooksVerifier}, written from the specification),
 * id-only, of the right type and status; Safe Haven, registered for every type too and not concerned, gets nothing.
 * The test runs the sender and moves time itself; {@link DemoPartner} makes the same check, live, on the demo.
 */
@QuarkusTest
class PartnerSystemTest {

    @Inject
    WebhookSender sender;

    @Inject
    WebhookOutbox outbox;

    @Inject
    ReferralService referrals;

    Receiver receiver;
    WebhookTest.Endpoint partner;
    Survivor survivor;

    @BeforeEach
    void partnerRegisters() {
        Db.execute("delete from webhook_endpoint");
        receiver = new Receiver();
        partner = register("admin.stluke", receiver, "/stluke", ALL_TYPES);
        register("admin.safehaven", receiver, "/safehaven", ALL_TYPES);
        survivor = PartnerSystem.openCase(Cases.openInput("Partner Survivor " + UUID.randomUUID()));
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

    /** The system's move: an unanswered request expires ({@code ReferralExpiry}), run here at an instant past the deadline. */
    void expire(Move move, String referral) {
        assertEquals(List.of(Cases.uuid(referral)), referrals.expireOverdue(now().plusDays(60), List.of(Cases.uuid(referral))), move.toString());
    }

    /** Each expected object told to St Luke as expected and without a fault; Safe Haven told nothing of the case. */
    void assertPartnerTold(List<Expected> expected) {
        for (Expected e : expected) {
            Row row = PartnerSystem.check(e, receiver, "/stluke", partner.secret(), survivor);
            assertEquals(e.notices(), row.received(), e.event());
            assertEquals(List.of(), row.faults(), e.event());
        }
        assertEquals(List.of(), PartnerSystem.toldOfTheCase(receiver, "/safehaven", survivor, expected),
                "SAFEHAVEN, not concerned, heard of this case");
    }

    @Test
    void thePartnerIsToldOfEveryStatusChangeOfItsReferralsOnceSignedAndIdOnly() {
        List<Expected> expected = PartnerSystem.referEveryMove(survivor.caseId(), this::expire, true);
        deliverAll(now());
        // a concluded referral's route closes some time after it ended (casebridge.access.referral-route-after-end, 30 days)
        outbox.noticeLapsed(now().plusDays(31));
        deliverAll(now().plusDays(31));

        assertPartnerTold(expected);
        List<Move> moves = PartnerSystem.moves();
        assertEquals(moves.size(), expected.size(), "a move was left out");
        assertEquals(Arrays.stream(ReferralStatus.values()).filter(s -> s != ReferralStatus.REQUESTED).count(),
                moves.stream().map(Move::to).distinct().count(), "a status was never moved to");
    }

    @Test
    void thePartnerIsToldOnceOfEveryRevocationThatConcernsIt() {
        String caseId = survivor.caseId();
        List<Expected> expected = new ArrayList<>(PartnerSystem.revokeByHand(caseId));
        // and those that come with time: a consent and a supervisor's sharing decision that run out
        String expiring = Cases.consent("cw.amani", caseId, PartnerSystem.PARTNER, List.of("CASE_SUMMARY"), "REFERRAL", null, now().plusHours(1));
        String onDecision = PartnerSystem.referralOnDecision(caseId, now().plusHours(1));
        String runningOut = WebhookAudienceTest.decisionOf(onDecision);
        expected.add(new Expected("consent expired", expiring, List.of("consent.expired Consent EXPIRED")));
        expected.add(new Expected("a referral on the sharing decision below", onDecision, List.of("referral.requested Referral REQUESTED")));
        expected.add(new Expected("sharing decision expired", runningOut, List.of("consent.expired SharingDecision EXPIRED")));
        deliverAll(now());
        outbox.noticeLapsed(now().plusHours(2));
        outbox.noticeLapsed(now().plusHours(3));
        deliverAll(now().plusHours(3));

        assertPartnerTold(expected);
    }
}
