package org.casebridge.deploy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import io.smallrye.graphql.client.vertx.dynamic.VertxDynamicGraphQLClientBuilder;
import io.smallrye.graphql.client.websocket.WebsocketSubprotocol;
import org.casebridge.support.Cases;
import org.casebridge.support.Postgres;
import org.casebridge.support.TestStack;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged application (the production profile, configured only by environment) on one
 * fresh database: they migrate once, an event raised on one reaches a subscriber of the other, the expiry job
 * marks a referral once, their DEBUG logs hold none of the survivor's identity, and both stop gracefully, without
 * waiting for a subscriber that is still connected.
 * A {@code @QuarkusTest} only to share the test run's PostgreSQL and Keycloak (they live in its class loader).
 */
@QuarkusTest
class ReplicasTest {

    /** The suite's casebridge.graphql.fast-paths, handed to the replicas (CI runs the suite both ways). */
    private static final boolean FAST_PATHS = Boolean.parseBoolean(System.getProperty("casebridge.graphql.fast-paths", "true"));

    static final String NAME = "Replica Canary " + UUID.randomUUID();
    static final String PHONE = "+234 555 019 9876";
    static final String ADDRESS = "Canary Street 9, Gwange";

    record Replica(Process process, int port, Path log) {
        String url() {
            return "http://localhost:" + port + "/graphql";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Replica start(String name, String database, String keys) throws IOException {
        Postgres postgres = TestStack.postgres();
        int port = freePort();
        Path log = Path.of("target", "replica-" + name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("casebridge.app", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + postgres.port() + "/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", TestStack.keycloak().issuer());
        env.put("CASEBRIDGE_IDENTITY_KEYS", "k1:" + keys);
        env.put("CASEBRIDGE_IDENTITY_ACTIVE_KEY", "k1");
        env.put("CASEBRIDGE_DEMO_DATA_ENABLED", "true");
        env.put("CASEBRIDGE_REFERRAL_EXPIRY_EVERY", "1s");
        env.put("QUARKUS_LOG_LEVEL", "DEBUG");
        env.put("CASEBRIDGE_GRAPHQL_FAST_PATHS", String.valueOf(FAST_PATHS));
        return new Replica(builder.start(), port, log);
    }

    private static void await(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static boolean ready(Replica replica) {
        try {
            return RestAssured.given().baseUri("http://localhost:" + replica.port()).get("/q/health/ready").statusCode() == 200;
        } catch (Exception e) { // not listening yet (RestAssured rethrows ConnectException unchecked)
            return false;
        }
    }

    private static JsonPath call(Replica replica, String user, String document, Map<String, ?> variables) {
        JsonPath answer = RestAssured.given().baseUri("http://localhost:" + replica.port()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + Tokens.of(user))
                .body(Map.of("query", document, "variables", variables)).post("/graphql").then().extract().jsonPath();
        assertNull(answer.get("errors"), answer::prettify);
        return answer;
    }

    private static DynamicGraphQLClient subscriber(Replica replica, String user) throws Exception {
        return new VertxDynamicGraphQLClientBuilder().url(replica.url()).subprotocols(WebsocketSubprotocol.GRAPHQL_TRANSPORT_WS)
                .initPayload(Map.of("Authorization", "Bearer " + Tokens.of(user))).build();
    }

    private static List<Object[]> query(Connection connection, String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void twoReplicasShareNothingButTheDatabase() throws Exception {
        String database = "casebridge_replicas_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = TestStack.postgres().superuserConnection(); Statement s = admin.createStatement()) {
            s.execute("create database " + database + " owner " + Postgres.USER);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String keys = Base64.getEncoder().encodeToString(key);
        Replica a = start("a", database, keys);
        Replica b = start("b", database, keys);
        try {
            await(() -> ready(a) && ready(b), 120, "both replicas become ready on one fresh database");
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + TestStack.postgres().port() + "/" + database,
                    Postgres.USER, TestStack.postgres().password())) {
                List<Object[]> migrations = query(db, "select version, count(*) from flyway_schema_history where success group by version");
                assertTrue(migrations.size() >= 3, "all migrations applied");
                assertTrue(migrations.stream().allMatch(m -> ((Number) m[1]).intValue() == 1), "each migration applied once");

                List<Response> heardOnA = new CopyOnWriteArrayList<>();
                try (DynamicGraphQLClient subscriber = subscriber(a, "pr.stluke")) {
                    subscriber.subscription("subscription { referralEvents { referralId status } }").subscribe().with(heardOnA::add);
                    Thread.sleep(1_500);

                    // a full referral flow on replica B, with identity values that must never reach a log
                    String caseId = call(b, "cw.amani", "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id } } }",
                            Map.of("i", Map.of("identity", Map.of("fullName", NAME, "phone", PHONE, "address", ADDRESS),
                                    "safetyPlan", "Canary safety plan", "incident", "Canary incident", "intakeNotice", Cases.intakeNotice())))
                            .getString("data.openCase.case.id");
                    call(b, "cw.amani", "mutation($i: RecordConsentInput!) { recordConsent(input: $i) { consent { id } } }",
                            Map.of("i", Map.of("caseId", caseId, "recipientAgencyCode", "STLUKE", "categories", List.of("IDENTITY", "CASE_SUMMARY"),
                                    "purpose", "REFERRAL", "givenBy", "SURVIVOR", "obtainedHow", "WRITTEN")));
                    String referral = call(b, "cw.amani", Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.CLINIC_CARE)))
                            .getString("data.createReferral.referral.id");
                    assertEquals(NAME, call(a, "pr.stluke", "query($id: ID!) { referral(id: $id) { case { identity { fullName } } } }",
                            Map.of("id", referral)).getString("data.referral.case.identity.fullName"));

                    await(() -> heardOnA.stream().anyMatch(r -> r.getData() != null && !r.getData().isNull("referralEvents")
                            && referral.equals(r.getData().getJsonObject("referralEvents").getString("referralId"))), 15,
                            "an event raised on replica B reaches a subscriber of replica A");

                // both replicas run the expiry job every second: the referral expires once
                String uuid = Cases.uuid(referral).toString();
                try (Statement s = db.createStatement()) {
                    s.execute("update referral set response_due_at = now() - interval '1 second' where id = '" + uuid + "'");
                }
                await(() -> {
                    try {
                        return "EXPIRED".equals(query(db, "select status from referral where id = '" + uuid + "'").get(0)[0]);
                    } catch (SQLException e) {
                        return false;
                    }
                }, 20, "the expiry job runs");
                Thread.sleep(3_000);
                assertEquals(1L, query(db, "select count(*) from referral_event where to_status = 'EXPIRED' and referral_id = '" + uuid + "'").get(0)[0]);
                assertEquals(1L, query(db, "select count(*) from audit_entry where action = 'referral.expire' and target_id = '" + uuid + "'").get(0)[0]);
                }
            }

            // a subscriber still connected when its replica stops: the socket is closed, shutdown does not wait for it
            AtomicBoolean socketEnded = new AtomicBoolean();
            try (DynamicGraphQLClient lingering = subscriber(a, "pr.stluke")) {
                lingering.subscription("subscription { referralEvents { referralId } }").subscribe()
                        .with(event -> { }, failure -> socketEnded.set(true), () -> socketEnded.set(true));
                Thread.sleep(1_500);
                a.process().destroy();
                await(socketEnded::get, 10, "the subscription socket ends when its replica stops");
            }
            assertTrue(Files.readString(a.log()).contains("closed 1 subscription socket"), "replica A closed the socket");
        } finally {
            a.process().destroy();
            b.process().destroy();
            for (Replica replica : List.of(a, b)) {
                assertTrue(replica.process().waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
            }
        }
        for (Replica replica : List.of(a, b)) {
            String log = Files.readString(replica.log());
            assertTrue(log.contains("\"level\":\"DEBUG\""), "the replica logged at DEBUG, as JSON lines");
            assertTrue(log.contains("stopped in"), "graceful shutdown");
            if (FAST_PATHS) { // off, Quarkus's own accounting waits for the socket's upgrade request (runtime/SubscriptionSockets)
                assertFalse(log.contains("Timed out waiting for graceful shutdown"), replica.log() + ": shutdown waited for a request");
            }
            for (String secret : List.of(NAME, PHONE, ADDRESS, "Canary safety plan", "Canary incident")) {
                assertFalse(log.contains(secret), replica.log() + " contains survivor information: " + secret);
            }
        }
    }
}
