package org.casebridge.health;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import org.casebridge.runtime.ShutdownReadiness;
import org.casebridge.support.TestStack;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stops the shared PostgreSQL for a moment; the pool revalidates idle connections, so later tests are unaffected. */
@QuarkusTest
class HealthTest {

    private static JsonPath readiness() {
        return RestAssured.get("/q/health/ready").then().extract().jsonPath();
    }

    private static String databaseStatus(JsonPath health) {
        return health.getString("checks.find { it.name == 'Database connections health check' }.status");
    }

    @Test
    void theProbesTheManifestsUseAnswer() {
        for (String probe : java.util.List.of("/q/health/started", "/q/health/ready", "/q/health/live")) {
            assertEquals("UP", RestAssured.get(probe).then().statusCode(200).extract().jsonPath().getString("status"), probe);
        }
    }

    /**
     * Readiness is made of checks that never need a worker thread (runtime/DatabaseReadiness, runtime/ShutdownReadiness):
     * Quarkus's own graceful-shutdown check, a blocking one, is replaced, not doubled.
     */
    @Test
    void readinessHoldsTheDatabaseAndTheShutdownChecksOnly() {
        assertEquals(java.util.List.of("Database connections health check", "Graceful Shutdown"),
                readiness().getList("checks.name").stream().sorted().toList());
        ShutdownReadiness shutdown = new ShutdownReadiness();
        assertEquals(HealthCheckResponse.Status.UP, shutdown.call().await().indefinitely().getStatus());
        shutdown.shuttingDown(new ShutdownDelayInitiatedEvent());
        assertEquals(HealthCheckResponse.Status.DOWN, shutdown.call().await().indefinitely().getStatus(),
                "DOWN from the start of the shutdown delay");
    }

    @Test
    void readinessReportsTheDatabaseAndIsDownWithoutIt() throws InterruptedException {
        JsonPath up = readiness();
        assertEquals("UP", up.getString("status"));
        assertEquals("UP", databaseStatus(up));

        String token = Tokens.of("cw.amani");
        TestStack.withPostgresStopped(() -> {
            JsonPath down = readiness();
            assertEquals("DOWN", down.getString("status"));
            assertEquals("DOWN", databaseStatus(down));
            long started = System.currentTimeMillis();
            error(call(token, "{ agencies { totalCount } }"), "UNAVAILABLE");
            long took = System.currentTimeMillis() - started;
            assertTrue(took < 10_000, "answered in " + took + " ms");
        });

        long deadline = System.currentTimeMillis() + 20_000;
        while (!"UP".equals(readiness().getString("status")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals("UP", readiness().getString("status"), "recovers without restarting the API");
        // A pooled connection broken by the restart may answer one request UNAVAILABLE before the pool drops it;
        // readiness checks on a connection of its own, so the pool recovers on its own schedule.
        while (call(Tokens.of("cw.amani"), "{ agencies { totalCount } }").get("errors") != null
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        ok(Tokens.of("cw.amani"), "{ agencies { totalCount } }", null);
    }
}
