package org.casebridge.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.casebridge.conference.ConferenceService;
import org.casebridge.events.Notice;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.casebridge.webhook.WebhookOutbox;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who hears of a conference event is read once per event, whatever the number of agencies invited or subscribed: the
 * grants of all invited agencies in one query, for the webhook audience and for graphql-ws subscribers alike.
 */
@QuarkusTest
class ConferenceAudienceStatementsTest {

    @Inject
    ConferenceService conferences;

    @Inject
    WebhookOutbox outbox;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @AfterEach
    void noEndpoints() {
        Db.execute("delete from webhook_endpoint");
    }

    /** A conference inviting these agencies, each on a conference consent; the consents of {@code revoked} then revoked. */
    static UUID conference(List<String> invited, Set<String> revoked) {
        String caseId = Cases.open("cw.amani", "Audience " + UUID.randomUUID());
        List<String> lapsing = new ArrayList<>();
        for (String agency : invited) {
            String consent = Cases.consent("cw.amani", caseId, agency, List.of("CONFERENCE"), "CASE_CONFERENCE");
            if (revoked.contains(agency)) lapsing.add(consent);
        }
        String id = ok(Tokens.of("cw.amani"), """
                mutation($i: CallConferenceInput!) { callConference(input: $i) { conference { id } } }""",
                Map.of("i", Map.of("caseId", caseId, "scheduledAt", OffsetDateTime.now().plusDays(1).toString(), "place", "AMANI office",
                        "purpose", "Review", "survivorInvited", false,
                        "invitations", invited.stream().map(a -> Map.of("agencyCode", a)).toList())))
                .getString("data.callConference.conference.id");
        lapsing.forEach(consent -> Cases.revoke("cw.amani", consent));
        return Cases.uuid(id);
    }

    static Notice called(UUID conference, List<String> invited) {
        List<String> agencies = new ArrayList<>(List.of("AMANI"));
        agencies.addAll(invited);
        return new Notice(Notice.Kind.CONFERENCE, conference, "CALLED", agencies, OffsetDateTime.now());
    }

    static Caller staff(String agency, Role role) {
        return new Caller("statements-" + agency + "-" + role, agency, agency, null, Set.of(role));
    }

    <T> long statements(Supplier<T> work) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        work.get();
        return statistics.getPrepareStatementCount();
    }

    @Test
    void subscribersOfOneEventCostTheSameStatementsAsOne() {
        List<String> invited = List.of("STLUKE", "SAFEHAVEN", "LAWCENTRE");
        UUID conference = conference(invited, Set.of("LAWCENTRE"));
        List<Caller> subscribers = List.of(staff("AMANI", Role.CASEWORKER), staff("STLUKE", Role.PROVIDER), staff("SAFEHAVEN", Role.PROVIDER),
                staff("LAWCENTRE", Role.PROVIDER), staff("KINDRED", Role.SUPERVISOR), staff("SAFEHAVEN", Role.SUPERVISOR));

        long one = statements(() -> conferences.hears(subscribers.get(1), called(conference, invited)));
        Notice notice = called(conference, invited);
        List<Boolean> heard = new ArrayList<>();
        long all = statements(() -> {
            subscribers.forEach(s -> heard.add(conferences.hears(s, notice)));
            return heard;
        });
        assertEquals(List.of(true, true, true, false, false, true), heard, "the lead, and invited agencies whose invitation holds");
        assertEquals(one, all, "statements per event grew with the subscribers");
    }

    @Test
    void theWebhookAudienceOfAnEventCostsTheSameStatementsForOneOrManyInvitedAgencies() {
        List<String> many = List.of("STLUKE", "SAFEHAVEN", "LAWCENTRE");
        UUID one = conference(List.of("STLUKE"), Set.of());
        UUID three = conference(many, Set.of("SAFEHAVEN"));
        // endpoints after the conferences are called: the only events are the ones recorded below
        for (String admin : List.of("admin.amani", "admin.stluke", "admin.safehaven")) {
            ok(Tokens.of(admin), """
                    mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }""",
                    Map.of("i", Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("CONFERENCE_CALLED"))));
        }
        long forOne = statements(() -> QuarkusTransaction.requiringNew().call(() -> {
            outbox.record(called(one, List.of("STLUKE")));
            return null;
        }));
        long forThree = statements(() -> QuarkusTransaction.requiringNew().call(() -> {
            outbox.record(called(three, many));
            return null;
        }));
        assertEquals(forOne, forThree, "statements per event grew with the invited agencies");
        assertEquals(List.of("AMANI", "STLUKE"), Db.rows("""
                select a.code from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id join agency a on a.id = e.agency_id
                join webhook_event ev on ev.id = d.event_id where ev.object_id = ? order by a.code""",
                org.casebridge.graphql.GlobalId.encode("Conference", three)).stream().map(r -> r.get("code")).toList(),
                "the lead and the invited agency whose consent holds; not the one whose consent was revoked");
    }
}
