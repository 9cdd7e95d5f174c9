package org.casebridge.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens issued by the test Keycloak to the demo users and agency systems. */
public final class Tokens {

    public static final String DEMO_PASSWORD = "demo";
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    /** The realm tokens come from: the test stack's Keycloak unless {@link #useIssuer} named another (the running demo's). */
    private static volatile String issuer;

    private record Cached(String token, long expiresAtMillis) {
    }

    private Tokens() {
    }

    /** An access token for a demo user, from the direct-grant client meant for local runs and tests. */
    public static String of(String username) {
        return cached("user:" + username, () -> RestAssured.given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "casebridge-cli",
                        "username", username, "password", DEMO_PASSWORD))
                .post(tokenEndpoint()).then().statusCode(200).extract().jsonPath());
    }

    /** A client-credentials token of a partner agency's own system. */
    public static String serviceAccount(String clientId, String secret) {
        return cached("client:" + clientId, () -> RestAssured.given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .post(tokenEndpoint()).then().statusCode(200).extract().jsonPath());
    }

    /**
     * A genuine token for {@code username} that has already expired: issued by a client whose tokens live one
     * second, created for this purpose through Keycloak's admin API.
     */
    public static String expired(String username) throws InterruptedException {
        String token = livingFor(username, 1);
        Thread.sleep(2_500);
        return token;
    }

    /** A genuine token for {@code username} from a client whose tokens live {@code seconds} (made on first use). */
    public static String livingFor(String username, int seconds) {
        String admin = RestAssured.given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", KeycloakServer.ADMIN_USER, "password", KeycloakServer.ADMIN_PASSWORD))
                .post(TestStack.keycloak().baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String clientsUrl = TestStack.keycloak().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        String clientId = "test-expiring-" + seconds;
        List<?> existing = RestAssured.given().auth().oauth2(admin).queryParam("clientId", clientId)
                .get(clientsUrl).then().statusCode(200).extract().as(List.class);
        if (existing.isEmpty()) {
            RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                            "clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                            "standardFlowEnabled", false, "attributes", Map.of("access.token.lifespan", String.valueOf(seconds)),
                            "protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                                    "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                            "included.client.audience", "casebridge-api", "access.token.claim", "true")))))
                    .post(clientsUrl).then().statusCode(201);
        }
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", clientId,
                        "username", username, "password", DEMO_PASSWORD))
                .post(tokenEndpoint()).then().statusCode(200).extract().path("access_token");
    }

    /**
     * A client-credentials token of a system only one test uses (a confidential client made on first use through
     * Keycloak's admin API, like the demo's agency systems: its service account carries {@code agency}, and its tokens
     * the API's audience), so that the test can give it a budget of its own.
     */
    @SuppressWarnings("unchecked")
    public static String testServiceAccount(String clientId, String agency) {
        String secret = "test-secret-" + clientId;
        String admin = otherIssuer();
        String clientsUrl = TestStack.keycloak().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        List<Map<String, Object>> existing = RestAssured.given().auth().oauth2(admin).queryParam("clientId", clientId)
                .get(clientsUrl).then().statusCode(200).extract().as(List.class);
        if (existing.isEmpty()) {
            RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                            "clientId", clientId, "publicClient", false, "secret", secret, "serviceAccountsEnabled", true,
                            "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                            "protocolMappers", List.of(
                                    Map.of("name", "agency", "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-attribute-mapper",
                                            "config", Map.of("user.attribute", "agency", "claim.name", "agency", "jsonType.label", "String",
                                                    "access.token.claim", "true")),
                                    Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                                            "config", Map.of("included.client.audience", "casebridge-api", "access.token.claim", "true")))))
                    .post(clientsUrl).then().statusCode(201);
            String id = (String) ((List<Map<String, Object>>) RestAssured.given().auth().oauth2(admin).queryParam("clientId", clientId)
                    .get(clientsUrl).then().statusCode(200).extract().as(List.class)).get(0).get("id");
            Map<String, Object> user = RestAssured.given().auth().oauth2(admin).get(clientsUrl + "/" + id + "/service-account-user")
                    .then().statusCode(200).extract().as(Map.class);
            user.put("attributes", Map.of("agency", List.of(agency)));
            RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(user)
                    .put(TestStack.keycloak().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users/" + user.get("id"))
                    .then().statusCode(204);
        }
        return serviceAccount(clientId, secret);
    }

    /** A genuine token of the master realm (another issuer): Keycloak's own admin. */
    public static String otherIssuer() {
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", KeycloakServer.ADMIN_USER, "password", KeycloakServer.ADMIN_PASSWORD))
                .post(TestStack.keycloak().baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A genuine token of the casebridge realm that is not meant for the API (no casebridge-api audience). */
    public static String otherAudience(String username) {
        String admin = otherIssuer();
        String clientsUrl = TestStack.keycloak().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        List<?> existing = RestAssured.given().auth().oauth2(admin).queryParam("clientId", "test-other-audience")
                .get(clientsUrl).then().statusCode(200).extract().as(List.class);
        if (existing.isEmpty()) {
            RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                            "clientId", "test-other-audience", "publicClient", true, "directAccessGrantsEnabled", true,
                            "standardFlowEnabled", false))
                    .post(clientsUrl).then().statusCode(201);
        }
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "test-other-audience",
                        "username", username, "password", DEMO_PASSWORD))
                .post(tokenEndpoint()).then().statusCode(200).extract().path("access_token");
    }

    private static synchronized String cached(String key, java.util.function.Supplier<io.restassured.path.json.JsonPath> issue) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.expiresAtMillis() > System.currentTimeMillis() + 30_000) {
            return hit.token();
        }
        var response = issue.get();
        Cached fresh = new Cached(response.getString("access_token"),
                System.currentTimeMillis() + response.getLong("expires_in") * 1000);
        CACHE.put(key, fresh);
        return fresh.token();
    }

    /**
     * Takes the tokens of {@link #of} and {@link #serviceAccount} from this issuer (a realm URL) instead of the test
     * stack's Keycloak: programs run against the running demo ({@code mvn -Pdemo package}) use the demo realm's.
     */
    public static void useIssuer(String realm) {
        issuer = realm;
        CACHE.clear();
    }

    private static String tokenEndpoint() {
        String realm = issuer;
        return (realm != null ? realm : TestStack.keycloak().issuer()) + "/protocol/openid-connect/token";
    }
}
