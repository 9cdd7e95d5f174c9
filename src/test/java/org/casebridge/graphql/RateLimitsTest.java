package org.casebridge.graphql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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

    /**
     * A CSV export is charged like a GraphQL request of {@code casebridge.rate-limit.export-cost} (25): with a cost
     * budget of 60 ({@code test-export-system}), two exports fit, the third is refused with 429, and what is left (10)
     * is the same budget GraphQL requests spend. A state lead and another agency's system still download.
     */
    @Test
    void csvExportsAreChargedToTheSameBudgets() {
        String flood = Tokens.testServiceAccount("test-export-system", "RATEEXPORT");
        for (int i = 0; i < 2; i++) {
            Response admitted = export(flood);
            assertEquals(403, admitted.statusCode(), "admitted, then refused by the access policy (no state-lead role): " + admitted.asString());
        }
        Response refused = export(flood);
        assertEquals(429, refused.statusCode(), refused::asString);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 15, "Retry-After " + retryAfter);
        assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());
        assertEquals("LIMIT_EXCEEDED", refused.jsonPath().getString("errors[0].extensions.code"), refused::asString);
        assertTrue(refused.jsonPath().getString("errors[0].message").contains("query cost of 60"), refused::asString);
        admitted(post(flood, "{ " + "__typename ".repeat(10) + "}"));
        refused(post(flood, CHEAP), "query cost of 60");

        Response lead = RestAssured.given().header("Authorization", "Bearer " + Tokens.of("lead.borno"))
                .queryParam("period", "2025").get("/aggregates/sessions.csv");
        assertEquals(200, lead.statusCode(), lead::asString);
        assertEquals(403, export(Tokens.serviceAccount("safehaven-system", "demo-safehaven-secret")).statusCode(),
                "another agency's system is admitted (and refused by the policy, not the limits)");
    }

    /**
     * A graphql-ws subscribe is charged to the subscriber's budgets like a POST: {@code test-subscribe-system} has 3
     * requests per window; its fourth subscribe gets graphql-ws's error message with LIMIT_EXCEEDED, and so does its
     * next POST (429: one budget). Another agency's subscription on another socket starts as before.
     */
    @Test
    void graphqlWsSubscribesAreChargedToTheSameBudgets() throws Exception {
        String flood = Tokens.testServiceAccount("test-subscribe-system", "RATESUB");
        String subscription = "subscription { referralEvents { referralId status } }";
        try (Socket socket = Socket.open(flood)) {
            for (int i = 1; i <= 3; i++) {
                JsonPath answer = socket.subscribe(String.valueOf(i), subscription);
                assertEquals("error", answer.getString("type"), answer.prettify());
                assertEquals("FORBIDDEN", answer.getString("payload[0].extensions.code"),
                        "admitted, then refused by the access policy (no role): " + answer.prettify());
            }
            JsonPath refused = socket.subscribe("4", subscription);
            assertEquals("error", refused.getString("type"), refused.prettify());
            assertEquals("4", refused.getString("id"));
            assertEquals("LIMIT_EXCEEDED", refused.getString("payload[0].extensions.code"), refused.prettify());
            assertTrue(refused.getString("payload[0].message").contains("3 requests"), refused.prettify());
        }
        refused(post(flood, CHEAP), "3 requests");

        try (Socket other = Socket.open(Tokens.of("pr.safehaven"))) {
            assertNull(other.subscribeAndListen("1", subscription, java.time.Duration.ofSeconds(2)),
                    "another agency's subscription is live: no error, no completion");
        }
    }

    /**
     * A graphql-ws subscribe message may carry a query or a mutation, which SmallRye runs and answers as one message:
     * charged like a subscription (they were not, so a socket was a way around every budget). {@code test-wsquery-system}
     * has 3 requests per window; its fourth query over the socket is refused, and so is its next POST.
     */
    @Test
    void queriesSentOverGraphqlWsAreChargedToo() throws Exception {
        String flood = Tokens.testServiceAccount("test-wsquery-system", "RATEWSQUERY");
        try (Socket socket = Socket.open(flood)) {
            for (int i = 1; i <= 3; i++) {
                JsonPath answer = socket.subscribe(String.valueOf(i), "{ __typename }");
                assertEquals("next", answer.getString("type"), answer.prettify());
                assertEquals("Query", answer.getString("payload.data.__typename"), answer.prettify());
            }
            JsonPath refused = socket.subscribe("4", "{ __typename }");
            assertEquals("error", refused.getString("type"), refused.prettify());
            assertEquals("LIMIT_EXCEEDED", refused.getString("payload[0].extensions.code"), refused.prettify());
        }
        refused(post(flood, CHEAP), "3 requests");
    }

    /**
     * Review 29 (finding 4): over graphql-ws a document is charged before graphql-java validates it, as over HTTP: one
     * that fails validation costs its selections, one the gate refuses (16 aliases: more than the 15 allowed) costs 1
     * and is refused by the gate before validation (it selects a field that does not exist, which validation would have
     * answered first). Before, the charge was taken only after validation, so a socket had graphql-java validate
     * documents without end. {@code test-wsinvalid-system} has 3 requests per window: after three refused documents
     * its next one is over budget, and so is its next POST.
     */
    @Test
    void documentsRefusedOverGraphqlWsAreChargedBeforeValidationLikeOverHttp() throws Exception {
        String flood = Tokens.testServiceAccount("test-wsinvalid-system", "RATEWSINVALID");
        StringBuilder aliases = new StringBuilder("{ ");
        for (int i = 0; i < 16; i++) {
            aliases.append("a").append(i).append(": notAField ");
        }
        try (Socket socket = Socket.open(flood)) {
            for (int i = 1; i <= 2; i++) {
                JsonPath invalid = socket.subscribe("invalid" + i, "{ notAField" + i + " }");
                assertEquals("error", invalid.getString("type"), invalid.prettify());
                assertEquals("VALIDATION_FAILED", invalid.getString("payload[0].extensions.code"), invalid.prettify());
            }
            JsonPath tooMany = socket.subscribe("aliases", aliases + "}");
            assertEquals("error", tooMany.getString("type"), tooMany.prettify());
            assertEquals("LIMIT_EXCEEDED", tooMany.getString("payload[0].extensions.code"),
                    "the gate's alias limit answers before validation: " + tooMany.prettify());
            assertTrue(tooMany.getString("payload[0].message").contains("15 aliases"), tooMany.prettify());

            JsonPath spent = socket.subscribe("cheap", CHEAP);
            assertEquals("error", spent.getString("type"), "three refused documents spent the 3 requests: " + spent.prettify());
            assertEquals("LIMIT_EXCEEDED", spent.getString("payload[0].extensions.code"), spent.prettify());
            assertTrue(spent.getString("payload[0].message").contains("3 requests"), spent.prettify());
        }
        refused(post(flood, CHEAP), "3 requests");
    }

    /**
     * A graphql-ws socket without a token in its connection_init is counted by its address, like a POST without one:
     * anonymous sockets shared one budget, so one anonymous flood refused every other anonymous socket's first message.
     * The test profile gives 127.0.0.2 a budget of 3 requests; a socket from 127.0.0.3 has the default budget.
     */
    @Test
    void anonymousSocketsAreCountedByTheirAddressNotAsOne() throws Exception {
        try (AnonymousSocket flood = AnonymousSocket.from("127.0.0.2")) {
            for (int i = 1; i <= 3; i++) {
                JsonPath answer = flood.subscribe(String.valueOf(i), "{ __typename }");
                assertEquals("next", answer.getString("type"), answer.prettify());
            }
            JsonPath refused = flood.subscribe("4", "{ __typename }");
            assertEquals("error", refused.getString("type"), refused.prettify());
            assertEquals("LIMIT_EXCEEDED", refused.getString("payload[0].extensions.code"), refused.prettify());
            assertTrue(refused.getString("payload[0].message").contains("3 requests"), refused.prettify());
        }
        try (AnonymousSocket other = AnonymousSocket.from("127.0.0.3")) {
            for (int i = 1; i <= 4; i++) {
                JsonPath answer = other.subscribe(String.valueOf(i), "{ __typename }");
                assertEquals("next", answer.getString("type"), "another anonymous caller is not refused: " + answer.prettify());
            }
        }
    }

    /** HEAD runs the export's GET method (the body discarded), so it is charged like a GET: two fit a cost of 60, the third is refused. */
    @Test
    void headRequestsOfAnExportAreChargedLikeTheExport() {
        String flood = Tokens.testServiceAccount("test-head-system", "RATEHEAD");
        for (int i = 0; i < 2; i++) {
            Response admitted = RestAssured.given().header("Authorization", "Bearer " + flood).queryParam("period", "2025")
                    .head("/aggregates/sessions.csv");
            assertEquals(403, admitted.statusCode(), "admitted, then refused by the access policy");
        }
        Response refused = RestAssured.given().header("Authorization", "Bearer " + flood).queryParam("period", "2025")
                .head("/aggregates/sessions.csv");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.header("Retry-After") != null, "Retry-After is sent");
    }

    /** A graphql-transport-ws socket without a token, opened from a loopback address of the test's choice (Vert.x's client can bind one). */
    private record AnonymousSocket(io.vertx.core.Vertx vertx, io.vertx.core.http.WebSocket webSocket,
                                   java.util.concurrent.BlockingQueue<String> received) implements AutoCloseable {

        static AnonymousSocket from(String localAddress) throws Exception {
            io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
            java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
            io.vertx.core.http.WebSocket webSocket = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setLocalAddress(localAddress))
                    .webSocket(new io.vertx.core.http.WebSocketConnectOptions().setHost("127.0.0.1").setPort(RestAssured.port)
                            .setURI("/graphql").addSubProtocol("graphql-transport-ws"))
                    .toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            webSocket.textMessageHandler(received::add);
            AnonymousSocket socket = new AnonymousSocket(vertx, webSocket, received);
            socket.send(Map.of("type", "connection_init", "payload", Map.of()));
            assertEquals("connection_ack", socket.next().getString("type"));
            return socket;
        }

        JsonPath subscribe(String id, String query) throws Exception {
            send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
            for (JsonPath message = next(); message != null; message = next()) {
                if (id.equals(message.getString("id"))) {
                    return message;
                }
            }
            throw new AssertionError("no answer to subscribe " + id);
        }

        private JsonPath next() throws InterruptedException {
            String message = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            return message == null ? null : JsonPath.from(message);
        }

        private void send(Map<String, ?> message) throws Exception {
            webSocket.writeTextMessage(jakarta.json.Json.createObjectBuilder(message).build().toString())
                    .toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            vertx.close();
        }
    }

    private static Response export(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).queryParam("period", "2025").get("/aggregates/sessions.csv");
    }

    /** A graphql-transport-ws socket, message by message, so that the test reads the protocol's own error shape. */
    private record Socket(java.net.http.WebSocket webSocket, java.util.concurrent.BlockingQueue<String> received) implements AutoCloseable {

        static Socket open(String token) throws Exception {
            java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
            java.net.http.WebSocket webSocket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                    .subprotocols("graphql-transport-ws")
                    .buildAsync(java.net.URI.create("ws://localhost:" + RestAssured.port + "/graphql"), new java.net.http.WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                received.add(text.toString());
                                text.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }
                    }).get(10, java.util.concurrent.TimeUnit.SECONDS);
            Socket socket = new Socket(webSocket, received);
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
            assertEquals("connection_ack", socket.next(java.time.Duration.ofSeconds(10)).getString("type"));
            return socket;
        }

        /** The first message about subscription {@code id}. */
        JsonPath subscribe(String id, String query) throws Exception {
            JsonPath answer = subscribeAndListen(id, query, java.time.Duration.ofSeconds(10));
            assertNotNull(answer, "an answer to subscribe " + id);
            return answer;
        }

        /** The first message about subscription {@code id} within {@code patience}, or null. */
        JsonPath subscribeAndListen(String id, String query, java.time.Duration patience) throws Exception {
            send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
            for (long until = System.nanoTime() + patience.toNanos(); System.nanoTime() < until; ) {
                JsonPath message = next(java.time.Duration.ofNanos(until - System.nanoTime()));
                if (message != null && id.equals(message.getString("id"))) {
                    return message;
                }
            }
            return null;
        }

        private JsonPath next(java.time.Duration patience) throws InterruptedException {
            String message = received.poll(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return message == null ? null : JsonPath.from(message);
        }

        private void send(Map<String, ?> message) throws Exception {
            webSocket.sendText(jakarta.json.Json.createObjectBuilder(message).build().toString(), true).get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            webSocket.abort();
        }
    }
}
