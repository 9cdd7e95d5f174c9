package org.casebridge.health;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.TestStack;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults of the parts Casebridge depends on: Keycloak gone, PostgreSQL stopped under load. */
@QuarkusTest
class FaultsTest {

    static final String QUERY = "{ cases(first: 1) { totalCount } }";

    @Test
    void withKeycloakDownIssuedTokensKeepWorkingAndTheApiStaysUp() {
        String issued = Tokens.of("sup.amani");
        String tampered = withKid(Tokens.of("cw.amani"), "a-key-keycloak-never-had");
        ok(issued, QUERY, null);
        assertEquals(401, RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + tampered)
                .body(Map.of("query", QUERY)).post("/graphql").statusCode(), "a token no known key verifies is refused");
        TestStack.withKeycloakPaused(() -> {
            assertFalse(answers(TestStack.keycloak().issuer() + "/protocol/openid-connect/token"), "Keycloak is down: no new logins");
            for (int i = 0; i < 5; i++) {
                long started = System.currentTimeMillis();
                JsonPath answer = call(issued, QUERY);
                long took = System.currentTimeMillis() - started;
                assertTrue(answer.getInt("data.cases.totalCount") > 0, "a token issued before the outage keeps working");
                assertTrue(took < 2_000, "without waiting for Keycloak: " + took + " ms");
            }
            assertEquals(401, RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + tampered)
                    .body(Map.of("query", QUERY)).post("/graphql").statusCode(), "and nothing else gets in");
            assertEquals("UP", RestAssured.get("/q/health/live").then().extract().jsonPath().getString("status"), "the API stays up");
            assertEquals("UP", RestAssured.get("/q/health/ready").then().extract().jsonPath().getString("status"));
        });
        ok(Tokens.of("cw.amani"), QUERY, null);
    }

    @Test
    void postgresStoppedUnderLoadLeavesEveryReferralWithItsAuditEntryOrNeither() throws Exception {
        String caseId = Cases.open("cw.amani", "Under load " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String token = Tokens.of("cw.amani");
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Integer> codes = new ConcurrentHashMap<>();
        List<Long> slowest = new CopyOnWriteArrayList<>(List.of(0L));
        ExecutorService load = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            load.submit(() -> {
                while (running.get()) {
                    long started = System.currentTimeMillis();
                    JsonPath answer = call(token, Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.CLINIC_CARE)));
                    slowest.add(System.currentTimeMillis() - started);
                    List<Object> errors = answer.getList("errors");
                    codes.merge(errors == null || errors.isEmpty() ? "OK" : answer.getString("errors[0].extensions.code"), 1, Integer::sum);
                }
                return null;
            });
        }
        Thread.sleep(1_500);
        TestStack.withPostgresStopped(() -> sleep(4_000));
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && !"UP".equals(RestAssured.get("/q/health/ready").then().extract().jsonPath().getString("status"))) {
            sleep(250);
        }
        int okBefore = codes.getOrDefault("OK", 0);
        sleep(2_000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));
        System.out.println("PostgreSQL stopped under load: " + codes + ", slowest answer " + slowest.stream().mapToLong(l -> l).max().orElse(0) + " ms");

        assertEquals(Set.of(), Set.copyOf(codes.keySet().stream().filter(c -> !Set.of("OK", "UNAVAILABLE").contains(c)).toList()),
                "only successes and UNAVAILABLE: " + codes);
        assertTrue(codes.getOrDefault("UNAVAILABLE", 0) > 0, "requests during the outage were refused: " + codes);
        assertTrue(codes.getOrDefault("OK", 0) > okBefore, "and succeed again afterwards without a restart: " + codes);
        assertTrue(slowest.stream().mapToLong(l -> l).max().orElse(0) < 15_000, "every request answered within a bounded time");
        UUID id = Cases.uuid(caseId);
        assertEquals(0, Db.count("""
                select count(*) from referral r where r.case_id = ? and not exists (
                  select 1 from audit_entry a where a.target_id = r.id and a.action = 'referral.create' and a.allowed)""", id),
                "every stored referral has its audit entry");
        assertEquals(0, Db.count("""
                select count(*) from audit_entry a where a.case_id = ? and a.action = 'referral.create' and a.allowed
                and not exists (select 1 from referral r where r.id = a.target_id)""", id), "every audit entry has its referral");
        assertEquals(0, Db.count("""
                select count(*) from referral r where r.case_id = ? and (select count(*) from referral_event e where e.referral_id = r.id) <> 1""", id),
                "and its first history entry");
    }

    private static boolean answers(String url) {
        try {
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The same token with another key id in its header: its signature cannot be checked with any key the API has. */
    private static String withKid(String token, String kid) {
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replaceAll("\"kid\"\\s*:\\s*\"[^\"]*\"", "\"kid\":\"" + kid + "\"");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
