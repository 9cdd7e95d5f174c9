package org.casebridge.referral;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.casebridge.casefile.IdentityCipher;
import org.casebridge.casefile.SurvivorIdentity;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** N+1 is a bug: a page of referrals with everything nested costs the same statements for 5 as for 100. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralListStatementsTest {

    static final String PAGE = """
            query($first: Int) { referralsReceived(first: $first, filter: {serviceType: EDUCATION}) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { cursor node {
                id status urgency note requestedAt minutesToAccept sharingBasis
                service { name type agency { code name } } fromAgency { code name } toAgency { code state }
                history { toStatus actorName at }
                case { caseNumber status sharedCategories leadAgency { code }
                       identity { fullName dateOfBirth } summary { riskLevel needs ageBand } incident healthNotes }
              } }
            } }""";

    @Inject
    IdentityCipher cipher;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @BeforeAll
    void hundredAndTenReferralsToLawCentre() {
        UUID service = UUID.randomUUID();
        Db.execute("""
                insert into agency_service (id, agency_id, type, name) values (?, 'a0000000-0000-4000-8000-000000000003', 'EDUCATION', 'School reintegration support')""", service);
        for (int i = 0; i < 110; i++) {
            UUID caseId = UUID.randomUUID();
            IdentityCipher.Sealed sealed = cipher.seal(caseId, new SurvivorIdentity("Listed Survivor " + i, null, null, null));
            Db.execute("""
                    insert into survivor_case (id, case_number, lead_agency_id, caseworker_subject, caseworker_name, identity_key_id,
                      identity_sealed, needs, risk_level, incident, health_notes, opened_at, updated_at, last_contact_at)
                    values (?, ?, 'a0000000-0000-4000-8000-000000000001', 'x', 'cw.amani', ?, ?, '{EDUCATION}', 'LOW', 'incident', 'health', now(), now(), now())""",
                    caseId, "NPLUS-" + caseId.toString().substring(0, 30), sealed.keyId(), sealed.bytes());
            Db.execute("""
                    insert into consent (id, case_id, recipient_agency_id, categories, purpose, given_by, obtained_how, valid_from,
                      recorded_by_subject, recorded_at)
                    values (gen_random_uuid(), ?, 'a0000000-0000-4000-8000-000000000003', '{IDENTITY,CASE_SUMMARY,INCIDENT}', 'REFERRAL',
                      'SURVIVOR', 'WRITTEN', now() - interval '1 day', 'x', now())""", caseId);
            UUID referral = UUID.randomUUID();
            Db.execute("""
                    insert into referral (id, case_id, from_agency_id, to_agency_id, service_id, status, urgency, note, requested_by_subject,
                      requested_at, response_due_at, updated_at)
                    values (?, ?, 'a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003', ?, 'REQUESTED', 'ROUTINE',
                      'note', 'x', now(), now() + interval '5 days', now())""", referral, caseId, service);
            Db.execute("insert into referral_event (referral_id, to_status, actor_subject, actor_name, at) values (?, 'REQUESTED', 'x', 'cw.amani', now())", referral);
        }
    }

    private long statementsFor(int first) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        String token = Tokens.of("pr.lawcentre");
        statistics.clear();
        var page = call(token, PAGE, Map.of("first", first));
        long statements = statistics.getPrepareStatementCount();
        // HEALTH was not consented: each case's healthNotes is refused, the rest arrives
        List<String> codes = page.getList("errors.extensions.code");
        assertEquals(first, codes.size());
        assertTrue(codes.stream().allMatch("CONSENT_REQUIRED"::equals));
        List<Map<String, Object>> edges = page.getList("data.referralsReceived.edges");
        assertEquals(first, edges.size());
        assertTrue(page.getString("data.referralsReceived.edges[0].node.case.identity.fullName").startsWith("Listed Survivor"));
        return statements;
    }

    @Test
    void pagingVisitsEveryReferralOnce() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        String after = null;
        do {
            java.util.Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("after", after);
            var page = ok(Tokens.of("pr.lawcentre"), """
                    query($after: String) { referralsReceived(first: 7, after: $after, filter: {serviceType: EDUCATION}) {
                      totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }""", variables);
            page.<String>getList("data.referralsReceived.edges.node.id").forEach(id -> assertTrue(seen.add(id), "twice: " + id));
            after = page.getBoolean("data.referralsReceived.pageInfo.hasNextPage") ? page.getString("data.referralsReceived.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(110, seen.size());
        error(call(Tokens.of("pr.lawcentre"), "{ referralsReceived(after: \"bm90LWEtY3Vyc29y\") { totalCount } }"), "VALIDATION_FAILED");
    }

    @Test
    void statementsDoNotGrowWithThePageSize() {
        statementsFor(5); // warm-up: token, caches
        long five = statementsFor(5);
        long hundred = statementsFor(100);
        System.out.printf("referralsReceived: %d SQL statements for 5 referrals, %d for 100%n", five, hundred);
        assertEquals(five, hundred, "statements for 5 and for 100 referrals");
        assertTrue(hundred <= 8, "statements per page: " + hundred);
    }
}
