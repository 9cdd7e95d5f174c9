package org.casebridge.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

/**
 * Users made for one test through Keycloak's admin API (the realm lives in memory for the test run): to prove
 * that Casebridge tells people apart by their token's subject, a test deletes a user and creates another with the
 * same username, as happens when an account is closed and the name is given to someone else.
 */
public final class KeycloakUsers {

    private KeycloakUsers() {
    }

    /** Creates an enabled user with password {@code demo}, the agency and state attributes and one realm role; returns its subject. */
    public static String create(String username, String agency, String state, String realmRole) {
        String admin = Tokens.otherIssuer();
        String location = RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                        "username", username, "enabled", true, "emailVerified", true, "firstName", "Test", "lastName", "Person",
                        "email", username + "@test.casebridge.invalid",
                        "attributes", Map.of("agency", List.of(agency), "state", List.of(state)),
                        "credentials", List.of(Map.of("type", "password", "value", Tokens.DEMO_PASSWORD, "temporary", false))))
                .post(users()).then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Object role = RestAssured.given().auth().oauth2(admin).get(realm() + "/roles/" + realmRole)
                .then().statusCode(200).extract().as(Map.class);
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role))
                .post(users() + "/" + id + "/role-mappings/realm").then().statusCode(204);
        return id;
    }

    /** Gives a user another realm role in place of one (a supervisor demoted to caseworker, say). */
    public static void changeRole(String id, String from, String to) {
        String admin = Tokens.otherIssuer();
        Object removed = RestAssured.given().auth().oauth2(admin).get(realm() + "/roles/" + from).then().statusCode(200).extract().as(Map.class);
        Object added = RestAssured.given().auth().oauth2(admin).get(realm() + "/roles/" + to).then().statusCode(200).extract().as(Map.class);
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(removed))
                .delete(users() + "/" + id + "/role-mappings/realm").then().statusCode(204);
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(added))
                .post(users() + "/" + id + "/role-mappings/realm").then().statusCode(204);
    }

    public static void delete(String id) {
        RestAssured.given().auth().oauth2(Tokens.otherIssuer()).delete(users() + "/" + id).then().statusCode(204);
    }

    /** A new token (never cached: the same username may be another user by now). */
    public static String token(String username) {
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "casebridge-cli",
                        "username", username, "password", Tokens.DEMO_PASSWORD))
                .post(TestStack.keycloak().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String realm() {
        return TestStack.keycloak().baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
    }

    private static String users() {
        return realm() + "/users";
    }
}
