package org.casebridge.graphql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-client budgets (graphql/RateLimits), with clients only this test uses and their budgets in the test profile:
 * {@code test-flood-system} 5 requests per window, its agency {@code RATETEST} 8 (with {@code test-colleague-system}),
 * {@code test-costly-system} a query cost of 30; the window is 15 s (long enough for the flood on a loaded machine), everyone else's budgets never run out.
 */
@QuarkusTest
class RateLimitsTest {

    private static final String CHEAP = "{ __typename }";

    private static Response post(String token, String query) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", query)).post("/graphql");
    }

    private static void admitted(Response response) {
        assertEquals(200, response.statusCode(), response::asString);
        assertEquals("Query", response.jsonPath().getString("data.__typename"), response::asString);
    }

    /** 429 with Retry-After (within the window) and the usual error shape; returns Retry-After's seconds. */
    private static long refused(Response response, String budget) {
        assertEquals(429, response.statusCode(), response::asString);
        String retryAfter = response.header("Retry-After");
        assertNotNull(retryAfter, "Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 15, "Retry-After " + seconds);
        assertEquals("LIMIT_EXCEEDED", response.jsonPath().getString("errors[0].extensions.code"), response::asString);
        assertTrue(response.jsonPath().getString("errors[0].message").contains(budget), response::asString);
        assertFalse(response.asString().contains("\"data\""), response::asString);
        assertTrue(response.contentType().startsWith("application/graphql-response+json"), response.contentType());
        return seconds;
    }

    private static double refusedCount(String scope, String budget) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^casebridge_graphql_rate_limited_total\\{(?=[^}]*budget=\"" + budget + "\")(?=[^}]*scope=\""
                + scope + "\")[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aFloodFromOneServiceAccountGets429WhileOthersGoOnAndItsBudgetBeginsAfreshAfterTheWindow() throws InterruptedException {
        String flood = Tokens.testServiceAccount("test-flood-system", "RATETEST");
        String colleague = Tokens.testServiceAccount("test-colleague-system", "RATETEST");
        String safehaven = Tokens.serviceAccount("safehaven-system", "demo-safehaven-secret");
        admitted(post(safehaven, CHEAP)); // a warm API, so that the flood below fits well within one window
        double callerRefusals = refusedCount("caller", "requests");
        double agencyRefusals = refusedCount("agency", "requests");

        for (int i = 0; i < 5; i++) {
            admitted(post(flood, CHEAP));
        }
        long retryAfter = 0;
        for (int i = 0; i < 10; i++) {
            retryAfter = Math.max(retryAfter, refused(post(flood, CHEAP), "5 requests"));
        }
        assertEquals(callerRefusals + 10, refusedCount("caller", "requests"), "refusals counted at /q/metrics");

        // another agency's system works as before, with a query that reads from the database
        Response other = post(safehaven, "{ referralsReceived(first: 5) { totalCount } }");
        assertEquals(200, other.statusCode(), other::asString);
        assertNull(other.jsonPath().get("errors"), other::asString);
        assertNotNull(other.jsonPath().get("data.referralsReceived.totalCount"), other::asString);

        // the 10 refused requests took nothing from RATETEST's 8: its other system still has 3
        for (int i = 0; i < 3; i++) {
            admitted(post(colleague, CHEAP));
        }
        refused(post(colleague, CHEAP), "agency's budget of 8 requests");
        assertEquals(agencyRefusals + 1, refusedCount("agency", "requests"));

        Thread.sleep(retryAfter * 1000 + 200);
        admitted(post(flood, CHEAP));
        admitted(post(colleague, CHEAP));
    }

    @Test
    void eachRequestIsChargedTheSelectionsDocumentCostCounts() {
        String costly = Tokens.testServiceAccount("test-costly-system", "RATECOST");
        String twenty = "{ " + "__typename ".repeat(20) + "}";
        admitted(post(costly, twenty));
        refused(post(costly, twenty), "query cost of 30");
        // the refused 20 were not charged: 20 of 30 are spent, so 10 more fit, and not one beyond
        admitted(post(costly, "{ " + "__typename ".repeat(9) + "}"));
        admitted(post(costly, CHEAP));
        refused(post(costly, CHEAP), "query cost of 30");
    }
}
