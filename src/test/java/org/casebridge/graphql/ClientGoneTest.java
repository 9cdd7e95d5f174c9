package org.casebridge.graphql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.casebridge.support.TestStack;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that hangs up while its request is still running (a closed browser tab, a load tool stopping) ends the
 * request's context under the remaining resolvers. That is counted apart as abandoned — not as an error, and not logged
 * as an incident — and the API answers the next request normally.
 */
@QuarkusTest
class ClientGoneTest {

    static final String QUERY = "{ referralsReceived(first: 20) { totalCount edges { node { id status history { toStatus } } } } }";

    static double metric(String name) {
        String metrics = RestAssured.get("/q/metrics").asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.E+]+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(2));
        }
        return total;
    }

    @Test
    void aRequestWhoseClientHungUpIsCountedAsAbandonedNotAsAnError() throws Exception {
        double errors = metric("casebridge_graphql_errors_total");
        double abandoned = metric("casebridge_graphql_abandoned_total");
        String body = "{\"query\": \"" + QUERY.replace("\"", "\\\"") + "\"}";
        try (Connection blocker = TestStack.postgres().superuserConnection(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            // the request's first query waits on this lock, so it is still running when its client hangs up
            s.execute("lock table referral in access exclusive mode");
            try (Socket client = new Socket("localhost", RestAssured.port)) {
                OutputStream out = client.getOutputStream();
                byte[] payload = body.getBytes(StandardCharsets.UTF_8);
                out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + Tokens.of("pr.stluke") + "\r\nContent-Length: " + payload.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(payload);
                out.flush();
                Thread.sleep(1000);
            }
            Thread.sleep(500);
            blocker.rollback();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (metric("casebridge_graphql_abandoned_total") == abandoned && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(abandoned + 1, metric("casebridge_graphql_abandoned_total"));
        assertEquals(errors, metric("casebridge_graphql_errors_total"), "no error counted for a client that is gone");
        String next = RestAssured.given().header("Authorization", "Bearer " + Tokens.of("pr.stluke")).contentType("application/json")
                .body(body).post("/graphql").asString();
        assertTrue(next.startsWith("{\"data\"") && !next.contains("\"errors\""), next);
    }
}
