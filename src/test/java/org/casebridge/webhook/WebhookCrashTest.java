package org.casebridge.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.PackagedApi;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.PackagedApi.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks across a crash of the packaged application (a separate process, killed with SIGKILL): a change committed
 * before the process sent its notice, and a notice posted whose answer the process never recorded, both reach the
 * receiver after a restart — each event exactly once by webhook-id, the one cut off mid-send again under its id.
 * The first process runs with its schedule off, so what it delivers it delivers on commit; a change that rolled
 * back is never delivered. A {@code @QuarkusTest} only to share the test run's PostgreSQL and Keycloak.
 */
@QuarkusTest
class WebhookCrashTest {

    /** Both processes: loopback receivers, and a lease short enough that the restarted one takes over soon. */
    static final Map<String, String> COMMON = Map.of(
            "CASEBRIDGE_WEBHOOK_ALLOW_LOOPBACK", "true",
            "CASEBRIDGE_WEBHOOK_LEASE", "5s",
            // a held request is not given up before the kill
            "CASEBRIDGE_WEBHOOK_READ_TIMEOUT", "60s");

    record Delivery(String objectId, String status, int attempts) {
    }

    @Test
    void aCrashAfterCommitOrMidSendLosesNothingAndSendsEachEventOnceById() throws Exception {
        PackagedApi.Database database = PackagedApi.Database.fresh("casebridge_webhook_crash");
        try (Receiver receiver = new Receiver()) {
            Map<String, String> sendOnCommitOnly = new java.util.HashMap<>(COMMON);
            sendOnCommitOnly.put("CASEBRIDGE_WEBHOOK_SEND_EVERY", "off");
            String secret;
            String committed;
            String cutOff;
            String neverSent;
            PackagedApi first = PackagedApi.start("webhook-crash-1", database, sendOnCommitOnly).awaitReady();
            try {
                secret = first.ok("admin.stluke", WebhookTest.CREATE, Map.of("i", Map.of("url", receiver.url("/hook"),
                        "eventTypes", List.of("REFERRAL_REQUESTED")))).getString("data.createWebhookEndpoint.secret");

                // rolled back (no consent covers the referral): nothing is ever sent for it
                String unconsented = openCase(first);
                JsonPath refused = first.call("cw.amani", Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(unconsented, Cases.CLINIC_CARE)));
                assertEquals("CONSENT_REQUIRED", refused.getString("errors[0].extensions.code"), refused::prettify);

                // committed: sent on commit, with no schedule running
                committed = refer(first);
                await(() -> !about(receiver, committed).isEmpty(), 30, "a committed change is sent on commit");

                // mid-send: the receiver takes the post and does not answer; the process dies before recording it
                receiver.mode = Receiver.Mode.HOLD;
                cutOff = refer(first);
                await(() -> !about(receiver, cutOff).isEmpty(), 30, "the post reaches the receiver");
                // committed while the endpoint's sender is busy: its delivery waits behind the held one
                neverSent = refer(first);
                assertEquals(List.of(), about(receiver, neverSent));
                first.kill();
            } finally {
                first.close();
            }
            assertEquals(List.of(new Delivery(committed, "DELIVERED", 1), new Delivery(cutOff, "PENDING", 0),
                    new Delivery(neverSent, "PENDING", 0)), deliveries(database), "what the killed process left");
            assertEquals(List.of(), about(receiver, neverSent));

            receiver.mode = Receiver.Mode.OK;
            receiver.released.countDown();
            try (PackagedApi restarted = PackagedApi.start("webhook-crash-2", database, COMMON).awaitReady()) {
                await(() -> deliveries(database).stream().allMatch(d -> d.status().equals("DELIVERED")), 60,
                        "the restarted process delivers what the killed one left");
            }
            // the one cut off mid-send was sent again, under its id; the others once; nothing for the rolled-back change
            assertEquals(List.of(new Delivery(committed, "DELIVERED", 1), new Delivery(cutOff, "DELIVERED", 1),
                    new Delivery(neverSent, "DELIVERED", 1)), deliveries(database));
            assertEquals(1, about(receiver, committed).size());
            assertEquals(2, about(receiver, cutOff).size());
            assertEquals(1, about(receiver, neverSent).size());
            List<String> ids = receiver.received.stream().map(Receiver.Received::id).toList();
            assertEquals(List.of(committed, cutOff, neverSent), objects(receiver), "each event once by webhook-id, in commit order");
            assertEquals(about(receiver, cutOff).get(0).id(), about(receiver, cutOff).get(1).id(), "a resend keeps its webhook-id");
            assertEquals(3, new LinkedHashSet<>(ids).size(), ids::toString);
            for (Receiver.Received r : receiver.received) {
                assertTrue(StandardWebhooksVerifier.verifies(secret, r.id(), r.timestamp(), r.body(), r.signature()), r::toString);
            }
        }
    }

    private static String openCase(PackagedApi api) {
        return api.ok("cw.amani", "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id } } }",
                Map.of("i", Cases.openInput("Crash Survivor " + UUID.randomUUID()))).getString("data.openCase.case.id");
    }

    private static String refer(PackagedApi api) {
        String caseId = openCase(api);
        api.ok("cw.amani", "mutation($i: RecordConsentInput!) { recordConsent(input: $i) { consent { id } } }",
                Map.of("i", Map.of("caseId", caseId, "recipientAgencyCode", "STLUKE", "categories", List.of("CASE_SUMMARY"),
                        "purpose", "REFERRAL", "givenBy", "SURVIVOR", "obtainedHow", "WRITTEN")));
        return api.ok("cw.amani", Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.CLINIC_CARE)))
                .getString("data.createReferral.referral.id");
    }

    private static List<Receiver.Received> about(Receiver receiver, String objectId) {
        return WebhookTest.about(receiver, objectId);
    }

    /** The objects the receiver heard of, each once, in the order it first heard of them. */
    private static List<String> objects(Receiver receiver) {
        return List.copyOf(receiver.received.stream().map(r -> JsonPath.from(r.body()).getString("data.id"))
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    /** The outbox's deliveries, in outbox order. */
    private static List<Delivery> deliveries(PackagedApi.Database database) {
        try (Connection db = database.connect(); PreparedStatement s = db.prepareStatement("""
                select ev.object_id, d.status, d.attempts from webhook_delivery d join webhook_event ev on ev.id = d.event_id
                order by d.seq"""); ResultSet rs = s.executeQuery()) {
            List<Delivery> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Delivery(rs.getString("object_id"), rs.getString("status"), rs.getInt("attempts")));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
