package org.casebridge.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Posts GraphQL documents to the running API as a given caller and reads the answer. */
public final class GraphQLClient {

    private GraphQLClient() {
    }

    public static JsonPath call(String token, String document, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables == null ? Map.of() : variables);
        RequestSpecification request = RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then().extract().jsonPath();
    }

    public static JsonPath call(String token, String document) {
        return call(token, document, Map.of());
    }

    /** The answer of a call expected to succeed without any error. */
    public static JsonPath ok(String token, String document, Map<String, ?> variables) {
        JsonPath answer = call(token, document, variables);
        assertNull(answer.get("errors"), () -> "unexpected errors: " + answer.prettify());
        return answer;
    }

    /** The single error of a call expected to fail, asserting its {@code extensions.code}. */
    public static Map<String, Object> error(JsonPath answer, String expectedCode) {
        List<Map<String, Object>> errors = answer.getList("errors");
        assertFalse(errors == null || errors.isEmpty(), () -> "expected an error " + expectedCode + ": " + answer.prettify());
        Map<String, Object> error = errors.get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
        assertEquals(expectedCode, extensions == null ? null : extensions.get("code"), answer::prettify);
        return error;
    }

    @SuppressWarnings("unchecked")
    public static String field(Map<String, Object> error) {
        return (String) ((Map<String, Object>) error.get("extensions")).get("field");
    }

    /** The codes of the errors, keyed by their path (dot-separated). */
    @SuppressWarnings("unchecked")
    public static Map<String, String> errorsByPath(JsonPath answer) {
        List<Map<String, Object>> errors = answer.getList("errors");
        Map<String, String> byPath = new java.util.TreeMap<>();
        if (errors != null) {
            for (Map<String, Object> e : errors) {
                Map<String, Object> ext = (Map<String, Object>) e.get("extensions");
                List<?> path = (List<?>) e.get("path");
                byPath.put(path == null ? "" : String.join(".", path.stream().map(String::valueOf).toList()), (String) ext.get("code"));
            }
        }
        return byPath;
    }
}
