package org.casebridge.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The urgency filter: every query taking a {@code ReferralFilter} (from the live schema) answers, for every value of
 * {@code Urgency} (from the live schema), exactly the referrals of that urgency its caller's agency sent or received
 * (read from the database), alone and with a status, paged over the connection without repeating or skipping one.
 */
@QuarkusTest
class ReferralUrgencyFilterTest {

    /** Who asks each query, and the referral column naming the caller's agency in it. */
    record Lister(String user, String agencyColumn, String agency) {
    }

    static final Map<String, Lister> LISTERS = Map.of(
            "referralsReceived", new Lister("pr.stluke", "to_agency_id", "STLUKE"),
            "referralsSent", new Lister("cw.amani", "from_agency_id", "AMANI"));

    // deep enough for [X!]!: NON_NULL, LIST, NON_NULL, then the named type
    private static final String TYPE = "name kind ofType { name kind ofType { name kind ofType { name kind } } }";

    @SuppressWarnings("unchecked")
    private static String named(Map<String, Object> type) {
        while (type != null && type.get("name") == null) type = (Map<String, Object>) type.get("ofType");
        return type == null ? "" : (String) type.get("name");
    }

    @SuppressWarnings("unchecked")
    static List<String> queriesTakingAReferralFilter(String token) {
        JsonPath schema = ok(token, "{ __schema { queryType { fields { name args { name type { " + TYPE + " } } } } } }", null);
        List<String> queries = new ArrayList<>();
        for (Map<String, Object> field : (List<Map<String, Object>>) schema.get("data.__schema.queryType.fields")) {
            if (((List<Map<String, Object>>) field.get("args")).stream().anyMatch(a -> named((Map<String, Object>) a.get("type")).equals("ReferralFilter"))) {
                queries.add((String) field.get("name"));
            }
        }
        return queries;
    }

    @Test
    void everyQueryTakingAReferralFilterAnswersExactlyTheReferralsOfTheUrgencyAskedPageByPage() {
        String token = Tokens.of("cw.amani");
        List<String> urgencies = ok(token, "{ __type(name: \"Urgency\") { enumValues { name } } }", null).getList("data.__type.enumValues.name");
        assertTrue(urgencies.size() >= 3, "the urgencies: " + urgencies);
        List<String> queries = queriesTakingAReferralFilter(token);
        assertEquals(Set.copyOf(queries), LISTERS.keySet(), "every query taking a ReferralFilter has who asks it here");

        // three referrals of every urgency from Amani to St Luke's, through the API: each query has pages of every urgency
        String caseId = Cases.open("cw.amani", "Urgency filter " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        for (String urgency : urgencies) {
            for (int i = 0; i < 3; i++) {
                Map<String, Object> input = Cases.referralInput(caseId, Cases.CLINIC_CARE);
                input.put("urgency", urgency);
                ok(token, Cases.CREATE_REFERRAL, Map.of("i", input));
            }
        }

        for (String query : queries) {
            Lister lister = LISTERS.get(query);
            String caller = Tokens.of(lister.user());
            for (String urgency : urgencies) {
                for (String status : java.util.Arrays.asList(null, "REQUESTED")) {
                    Set<String> expected = new HashSet<>();
                    String sql = "select r.id from referral r join agency a on a.id = r." + lister.agencyColumn() + " where a.code = ? and r.urgency = ?";
                    List<Map<String, Object>> rows = status == null ? Db.rows(sql, lister.agency(), urgency)
                            : Db.rows(sql + " and r.status = ?", lister.agency(), urgency, status);
                    for (Map<String, Object> row : rows) {
                        expected.add(GlobalId.encode("Referral", (UUID) row.get("id")));
                    }
                    String what = query + " filtered by urgency " + urgency + (status == null ? "" : " and status " + status);
                    assertTrue(expected.size() >= 3, what + ": the referrals made above are there");
                    assertEquals(expected, everyPage(caller, query, urgency, status, expected.size(), what), what);
                }
            }
        }
    }

    /** Every page of the query with the filter, at a page size giving several pages; each node of the urgency asked. */
    private static Set<String> everyPage(String token, String query, String urgency, String status, int expected, String what) {
        int first = Math.max(2, Math.min(100, (expected + 3) / 4));
        Map<String, Object> filter = new HashMap<>(Map.of("urgency", urgency));
        if (status != null) filter.put("status", status);
        String document = "query($f: ReferralFilter, $first: Int, $after: String) { " + query + "(filter: $f, first: $first, after: $after) { "
                + "totalCount pageInfo { hasNextPage endCursor } edges { node { id urgency status } } } }";
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("f", filter, "first", first));
            variables.put("after", after);
            JsonPath page = ok(token, document, variables);
            String at = what + ", page " + (++pages);
            assertEquals(expected, page.getInt("data." + query + ".totalCount"), at + ": totalCount");
            List<Map<String, Object>> nodes = page.getList("data." + query + ".edges.node");
            assertFalse(nodes.isEmpty(), at + ": not empty");
            assertTrue(nodes.size() <= first, at + ": at most first");
            for (Map<String, Object> node : nodes) {
                assertEquals(urgency, node.get("urgency"), at);
                if (status != null) assertEquals(status, node.get("status"), at);
                assertTrue(seen.add((String) node.get("id")), at + ": twice " + node.get("id"));
            }
            after = page.getBoolean("data." + query + ".pageInfo.hasNextPage") ? page.getString("data." + query + ".pageInfo.endCursor") : null;
        } while (after != null);
        assertTrue(pages >= 2, what + ": paged over " + pages + " pages of " + first);
        return seen;
    }
}
