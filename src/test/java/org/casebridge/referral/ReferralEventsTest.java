package org.casebridge.referral;

import org.casebridge.events.EventsHub;
import org.casebridge.events.Notice;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import io.smallrye.graphql.client.vertx.dynamic.VertxDynamicGraphQLClientBuilder;
import io.smallrye.graphql.client.websocket.WebsocketSubprotocol;
import jakarta.inject.Inject;
import org.casebridge.support.Cases;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** referralEvents over graphql-ws, fed by PostgreSQL LISTEN/NOTIFY so that every replica delivers them. */
@QuarkusTest
class ReferralEventsTest {

    static final String SUBSCRIPTION = "subscription { referralEvents { referralId status fromAgencyCode toAgencyCode } }";

    @TestHTTPResource("/graphql")
    URL graphql;

    @Inject
    EventsHub hub;

    @Inject
    DataSource dataSource;

    private DynamicGraphQLClient client(String user) {
        return new VertxDynamicGraphQLClientBuilder()
                .url(graphql.toString())
                .subprotocols(WebsocketSubprotocol.GRAPHQL_TRANSPORT_WS)
                .initPayload(Map.of("Authorization", "Bearer " + Tokens.of(user)))
                .build();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static String newReferral() {
        String caseId = Cases.open("cw.amani", "Evented " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        return Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
    }

    @Test
    void bothAgenciesReceiveTheEventAndNoOtherAgencyDoes() throws Exception {
        List<Response> receiver = new CopyOnWriteArrayList<>();
        List<Response> referrer = new CopyOnWriteArrayList<>();
        List<Response> unrelated = new CopyOnWriteArrayList<>();
        try (DynamicGraphQLClient stluke = client("pr.stluke"); DynamicGraphQLClient amani = client("sup.amani");
             DynamicGraphQLClient safehaven = client("pr.safehaven")) {
            stluke.subscription(SUBSCRIPTION).subscribe().with(receiver::add);
            amani.subscription(SUBSCRIPTION).subscribe().with(referrer::add);
            safehaven.subscription(SUBSCRIPTION).subscribe().with(unrelated::add);
            Thread.sleep(1_500);

            String referral = newReferral();
            await(() -> receiver.stream().anyMatch(r -> referral.equals(idOf(r))), "the receiving agency gets the event");
            await(() -> referrer.stream().anyMatch(r -> referral.equals(idOf(r))), "the referring agency gets the event");
            Response event = receiver.stream().filter(r -> referral.equals(idOf(r))).findFirst().orElseThrow();
            assertEquals("REQUESTED", event.getData().getJsonObject("referralEvents").getString("status"));

            Cases.move("pr.stluke", referral, "ACCEPTED", Map.of());
            await(() -> receiver.stream().anyMatch(r -> referral.equals(idOf(r))
                    && "ACCEPTED".equals(r.getData().getJsonObject("referralEvents").getString("status"))), "status changes follow");
            Thread.sleep(500);
            assertTrue(unrelated.stream().noneMatch(r -> referral.equals(idOf(r))), "an unrelated agency hears nothing");
        }
    }

    @Test
    void everyListenerOnTheDatabaseReceivesEveryEvent() throws Exception {
        EventsHub otherReplica = new EventsHub(dataSource);
        otherReplica.start();
        try {
            List<Notice> here = new CopyOnWriteArrayList<>();
            List<Notice> there = new CopyOnWriteArrayList<>();
            hub.notices().subscribe().with(here::add);
            otherReplica.notices().subscribe().with(there::add);
            Thread.sleep(1_500);
            String referral = newReferral();
            String uuid = Cases.uuid(referral).toString();
            await(() -> here.stream().anyMatch(n -> n.id().toString().equals(uuid)), "this replica's listener");
            await(() -> there.stream().anyMatch(n -> n.id().toString().equals(uuid)), "the other replica's listener");
        } finally {
            otherReplica.stop();
        }
    }

    @Test
    void subscribingNeedsAToken() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Response> responses = new CopyOnWriteArrayList<>();
        try (DynamicGraphQLClient anonymous = new VertxDynamicGraphQLClientBuilder().url(graphql.toString())
                .subprotocols(WebsocketSubprotocol.GRAPHQL_TRANSPORT_WS).build()) {
            anonymous.subscription(SUBSCRIPTION).subscribe().with(responses::add, failures::add);
            await(() -> !failures.isEmpty() || responses.stream().anyMatch(Response::hasError), "refused");
            newReferral();
            Thread.sleep(1_000);
            assertTrue(responses.stream().noneMatch(r -> r.getData() != null && r.getData().get("referralEvents") != null
                    && !r.getData().isNull("referralEvents")));
        }
    }

    private static String idOf(Response response) {
        if (response.getData() == null || response.getData().isNull("referralEvents")) {
            return null;
        }
        return response.getData().getJsonObject("referralEvents").getString("referralId");
    }
}
