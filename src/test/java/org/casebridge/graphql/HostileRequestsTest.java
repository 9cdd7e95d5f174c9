package org.casebridge.graphql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile or careless GraphQL is refused cleanly, quickly, and never with a 500 or a stack trace. */
@QuarkusTest
class HostileRequestsTest {

    private static Response post(String token, Object body, ContentType type) {
        var request = RestAssured.given().contentType(type).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql");
    }

    private static void refusedCleanly(Response response, String... codes) {
        assertTrue(response.statusCode() < 500, "status " + response.statusCode());
        assertTrue(response.time() < 5_000, "answered in " + response.time() + " ms");
        String body = response.asString();
        assertTrue(!body.contains("Exception") && !body.contains("\tat "), body.length() > 300 ? body.substring(0, 300) : body);
        // 200 as application/json, 400 as application/graphql-response+json (RestAssured accepts */*): the code either way
        if (codes.length > 0 && (response.statusCode() == 200 || response.statusCode() == 400)) {
            String code = response.jsonPath().getString("errors[0].extensions.code");
            assertTrue(List.of(codes).contains(code), "code " + code + " in " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
    }

    @Test
    void deepQueriesAreRefused() {
        String deep = "{ services { edges { node { agency { id } } } } }";
        StringBuilder q = new StringBuilder("query { ");
        for (int i = 0; i < 50; i++) q.append("node(id: \"x\") { ... on Service { agency { ");
        q.append("id");
        for (int i = 0; i < 50; i++) q.append(" } } }");
        q.append(" }");
        Response response = post(Tokens.of("cw.amani"), Map.of("query", q.toString()), ContentType.JSON);
        refusedCleanly(response, "LIMIT_EXCEEDED", "VALIDATION_FAILED");
        assertEquals(200, post(Tokens.of("cw.amani"), Map.of("query", deep), ContentType.JSON).statusCode());
    }

    @Test
    void thousandsOfAliasesAndFieldsAreRefused() {
        StringBuilder aliases = new StringBuilder("{ ");
        for (int i = 0; i < 1_000; i++) aliases.append("a").append(i).append(": services(first: 100) { totalCount } ");
        refusedCleanly(post(Tokens.of("cw.amani"), Map.of("query", aliases + "}"), ContentType.JSON), "LIMIT_EXCEEDED");

        StringBuilder fields = new StringBuilder("{ agencies { edges { node { ");
        fields.append("name ".repeat(10_000)).append("} } } }");
        refusedCleanly(post(Tokens.of("cw.amani"), Map.of("query", fields.toString()), ContentType.JSON), "LIMIT_EXCEEDED", "VALIDATION_FAILED");
    }

    /**
     * Documents under the token limit whose cost is in aliases, {@code __typename}, repeated fields, directives, fragment
     * spreads, variables or arguments: each is refused with LIMIT_EXCEEDED before validation. The best of five answer
     * times (after ten to warm up) are printed for the README's figures; they are not asserted.
     */
    @Test
    void hostileDocumentsAreRefusedWithinTheBound() {
        String token = Tokens.of("cw.amani");
        Map<String, String> documents = new java.util.LinkedHashMap<>();
        StringBuilder aliases = new StringBuilder("{ ");
        for (int i = 0; i < 1_000; i++) aliases.append("a").append(i).append(": __typename ");
        documents.put("1,000 aliases of __typename", aliases + "}");
        documents.put("10,000 times __typename", "{ " + "__typename ".repeat(10_000) + "}");
        documents.put("10,000 times the same field", "{ agencies { edges { node { " + "name ".repeat(10_000) + "} } } }");
        StringBuilder sixteen = new StringBuilder("{ ");
        for (int i = 0; i < 16; i++) sixteen.append("a").append(i).append(": __typename ");
        documents.put("16 aliases", sixteen + "}");
        documents.put("2,000 directives", "{ __typename " + "@include(if: true) ".repeat(2_000) + "}");
        documents.put("5,000 fragment spreads", "{ " + "...F ".repeat(5_000) + "} fragment F on Query { __typename }");
        StringBuilder fanOut = new StringBuilder("{ ...F0 }");
        for (int f = 0; f < 8; f++) fanOut.append(" fragment F").append(f).append(" on Query { ").append(("...F" + (f + 1) + " ").repeat(10)).append("}");
        documents.put("fragments spreading 10^8 times", fanOut + " fragment F8 on Query { __typename }");
        StringBuilder variables = new StringBuilder("query(");
        for (int i = 0; i < 3_000; i++) variables.append("$v").append(i).append(": Int ");
        documents.put("3,000 variables", variables + ") { __typename }");
        documents.put("4,000 arguments", "{ agencies(" + "first: 1 ".repeat(4_000) + ") { totalCount } }");
        StringBuilder operations = new StringBuilder();
        for (int i = 0; i < 2_500; i++) operations.append("query Q").append(i).append(" { __typename } ");
        documents.put("2,500 operations", operations.toString());
        StringBuilder fragments = new StringBuilder("{ __typename }");
        for (int i = 0; i < 2_000; i++) fragments.append(" fragment F").append(i).append(" on Query { __typename }");
        documents.put("2,000 fragment definitions", fragments.toString());
        documents.put("400 nested lists in an argument", "{ agencies(after: " + "[".repeat(400) + "]".repeat(400) + ") { totalCount } }");

        List<String> failures = new java.util.ArrayList<>();
        for (Map.Entry<String, String> document : documents.entrySet()) {
            for (int warmUp = 0; warmUp < 10; warmUp++) {
                post(token, Map.of("query", document.getValue()), ContentType.JSON);
            }
            long best = Long.MAX_VALUE;
            Response response = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                response = post(token, Map.of("query", document.getValue()), ContentType.JSON);
                best = Math.min(best, response.time());
            }
            String code = response.jsonPath().getString("errors[0].extensions.code");
            System.out.printf("HostileRequestsTest: %s → HTTP %d %s in %d ms%n", document.getKey(), response.statusCode(), code, best);
            refusedCleanly(response);
            // the time is printed, not asserted: speed is the benchmark's to measure (README), a busy CI machine's not to decide
            if (!"LIMIT_EXCEEDED".equals(code)) {
                failures.add(document.getKey() + ": " + code + " in " + best + " ms");
            }
        }
        assertEquals(List.of(), failures);

        StringBuilder fifteen = new StringBuilder("{ ");
        for (int i = 0; i < 15; i++) fifteen.append("a").append(i).append(": __typename ");
        Response allowed = post(token, Map.of("query", fifteen + "}"), ContentType.JSON);
        assertEquals("Query", allowed.jsonPath().getString("data.a14"), allowed.asString());
    }

    @Test
    void directiveOverloadingAndCircularFragmentsAreRefused() {
        String directives = "{ agencies { totalCount " + "@include(if: true) ".repeat(5_000) + "} }";
        refusedCleanly(post(Tokens.of("cw.amani"), Map.of("query", directives), ContentType.JSON), "LIMIT_EXCEEDED", "VALIDATION_FAILED");
        String circular = "query { agencies { ...A } } fragment A on AgencyConnection { ...B } fragment B on AgencyConnection { ...A }";
        refusedCleanly(post(Tokens.of("cw.amani"), Map.of("query", circular), ContentType.JSON), "VALIDATION_FAILED");
    }

    @Test
    void nestedIntrospectionCyclesAreRefused() {
        String cycle = "{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } } }";
        refusedCleanly(post(Tokens.of("cw.amani"), Map.of("query", cycle), ContentType.JSON), "LIMIT_EXCEEDED", "VALIDATION_FAILED");
    }

    @Test
    void introspectionIsForAuthenticatedCallersOnly() {
        Response anonymous = post(null, Map.of("query", "{ __schema { queryType { name } } }"), ContentType.JSON);
        refusedCleanly(anonymous, "UNAUTHENTICATED");
        assertNotEquals("Query", anonymous.jsonPath().getString("data.__schema.queryType.name"));
        Response typeProbe = post(null, Map.of("query", "{ __type(name: \"Case\") { name } }"), ContentType.JSON);
        refusedCleanly(typeProbe, "UNAUTHENTICATED");
        assertEquals("Query", post(Tokens.of("pr.stluke"), Map.of("query", "{ __schema { queryType { name } } }"), ContentType.JSON)
                .jsonPath().getString("data.__schema.queryType.name"));
        assertEquals(401, RestAssured.get("/graphql/schema.graphql").statusCode());
    }

    @Test
    void batchedArraysHugeDocumentsAndNonJsonPostsAreRefused() {
        List<Map<String, String>> batch = List.of(Map.of("query", "{ agencies { totalCount } }"), Map.of("query", "{ agencies { totalCount } }"));
        Response batched = post(Tokens.of("cw.amani"), batch, ContentType.JSON);
        refusedCleanly(batched);
        assertTrue(batched.statusCode() >= 400 || batched.asString().contains("errors"), batched.asString());

        String huge = "{ agencies { totalCount } }" + " ".repeat(1_100_000);
        refusedCleanly(post(Tokens.of("cw.amani"), Map.of("query", huge), ContentType.JSON));

        String mutation = "mutation { retireService(input: {id: \"x\", version: 0}) { service { id } } }";
        for (ContentType type : List.of(ContentType.TEXT, ContentType.URLENC)) {
            Response response = RestAssured.given().contentType(type).header("Authorization", "Bearer " + Tokens.of("admin.stluke"))
                    .body(type == ContentType.URLENC ? "query=" + mutation : mutation).post("/graphql");
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, type + " answered " + response.statusCode());
        }
        Response get = RestAssured.given().header("Authorization", "Bearer " + Tokens.of("admin.stluke"))
                .queryParam("query", mutation).get("/graphql");
        assertTrue(get.statusCode() >= 400 && get.statusCode() < 500, "GET answered " + get.statusCode());
    }
}
