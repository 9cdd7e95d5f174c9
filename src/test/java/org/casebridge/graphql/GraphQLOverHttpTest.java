package org.casebridge.graphql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Content negotiation as the GraphQL-over-HTTP specification has it: {@code application/graphql-response+json} when
 * accepted and by default, with 400 for a request error (no {@code data}); {@code application/json} with 200 for
 * clients that ask for it.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Request errors (the answer has no data): a document that does not parse, fails validation, a limit, a variable. */
    private static final Map<String, Map<String, Object>> REQUEST_ERRORS = new LinkedHashMap<>();

    static {
        REQUEST_ERRORS.put("parse failure", Map.of("query", "{"));
        REQUEST_ERRORS.put("validation failure", Map.of("query", "{ noSuchField }"));
        REQUEST_ERRORS.put("operation not determined", Map.of("query", "query A { __typename } query B { __typename }"));
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 16; i++) aliases.append(" a").append(i).append(": __typename");
        REQUEST_ERRORS.put("a document cost limit", Map.of("query", aliases + " }"));
        REQUEST_ERRORS.put("variable coercion failure", Map.of("query", "query($f: Int) { agencies(first: $f) { totalCount } }",
                "variables", Map.of("f", 1.5)));
        REQUEST_ERRORS.put("a missing non-null variable", Map.of("query", "query($id: ID!) { node(id: $id) { id } }"));
    }

    private static final Map<String, String> REQUEST_ERROR_CODES = Map.of("a document cost limit", "LIMIT_EXCEEDED");

    private record Answer(int statusCode, String contentType, String body) {
        JsonPath json() {
            return JsonPath.from(body);
        }

        boolean hasData() {
            return json().getMap("").containsKey("data");
        }
    }

    /** Posted with java.net.http, which (unlike RestAssured) can leave the Accept header out. */
    private static Answer post(String accept, Map<String, Object> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + Tokens.of("cw.amani"))
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject(body).encode()));
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void requestErrorsAnswer400AsGraphQLResponseJsonWhenAcceptedOrByDefault() {
        for (String accept : Arrays.asList(null, GRAPHQL_RESPONSE, GRAPHQL_RESPONSE + "; charset=utf-8", "*/*",
                "application/json;q=0.5, application/graphql-response+json")) {
            REQUEST_ERRORS.forEach((what, body) -> {
                Answer response = post(accept, body);
                String context = what + " accepting " + accept + ": " + response.body();
                assertEquals(400, response.statusCode(), context);
                assertTrue(response.contentType().startsWith(GRAPHQL_RESPONSE), context);
                assertFalse(response.hasData(), context);
                assertEquals(REQUEST_ERROR_CODES.getOrDefault(what, "VALIDATION_FAILED"),
                        response.json().getString("errors[0].extensions.code"), context);
            });
        }
    }

    @Test
    void requestErrorsAnswer200AsJsonForClientsThatAskForJson() {
        for (String accept : List.of("application/json", "application/graphql-response+json;q=0.5, application/json")) {
            REQUEST_ERRORS.forEach((what, body) -> {
                Answer response = post(accept, body);
                String context = what + " accepting " + accept + ": " + response.body();
                assertEquals(200, response.statusCode(), context);
                assertTrue(response.contentType().startsWith("application/json"), context);
                assertEquals(REQUEST_ERROR_CODES.getOrDefault(what, "VALIDATION_FAILED"),
                        response.json().getString("errors[0].extensions.code"), context);
            });
        }
    }

    @Test
    void anAnswerWithDataIs200InEitherTypeEvenWithFieldErrors() {
        Map<String, Object> fieldError = Map.of("query", "{ node(id: \"not-an-id\") { id } }");
        for (String accept : Arrays.asList(GRAPHQL_RESPONSE, "application/json", null)) {
            Answer ok = post(accept, Map.of("query", "{ __typename }"));
            assertEquals(200, ok.statusCode(), ok::body);
            assertEquals("Query", ok.json().getString("data.__typename"));
            Answer partial = post(accept, fieldError);
            assertEquals(200, partial.statusCode(), partial::body);
            assertTrue(partial.hasData(), partial::body);
            assertFalse(partial.json().getList("errors").isEmpty(), partial::body);
        }
    }

    @Test
    void aBodyThatIsNotAGraphQLRequestAnswers400InEitherType() {
        List<Map<String, Object>> malformed = List.of(Map.of("query", Map.of("obj", "ect")), Map.of("query", 0),
                Map.of("query", "{ __typename }", "operationName", 0), Map.of("query", "{ __typename }", "operationName", Map.of("obj", "ect")),
                Map.of("query", "{ __typename }", "variables", "string"), Map.of("query", "{ __typename }", "extensions", List.of("array")),
                Map.of("qeury", "{ __typename }"));
        for (String accept : Arrays.asList(null, GRAPHQL_RESPONSE, "application/json")) {
            for (Map<String, Object> body : malformed) {
                Answer response = post(accept, body);
                String context = body + " accepting " + accept + ": " + response.body();
                assertEquals(400, response.statusCode(), context);
                assertEquals("VALIDATION_FAILED", response.json().getString("errors[0].extensions.code"), context);
            }
        }
    }

    @Test
    void aClientAcceptingNeitherTypeGets406() {
        for (Map<String, Object> body : List.of(Map.<String, Object>of("query", "{ __typename }"), REQUEST_ERRORS.get("parse failure"))) {
            assertEquals(406, post("text/html", body).statusCode());
        }
    }
}
