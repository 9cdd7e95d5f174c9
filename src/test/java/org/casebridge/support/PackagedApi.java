package org.casebridge.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged application ({@code target/quarkus-app}, built before the tests run) as a process of its own, in the
 * production profile, configured only by environment, against a database of the test run's PostgreSQL and its
 * Keycloak. A test can stop it gracefully or kill it outright ({@code kill -9}) and start another on the same
 * database.
 */
public final class PackagedApi implements AutoCloseable {

    /** A fresh database for packaged APIs, and the identity keyring they share (one per database, as in production). */
    public record Database(String name, String keys) {
        public static Database fresh(String prefix) {
            String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection admin = TestStack.postgres().superuserConnection(); Statement s = admin.createStatement()) {
                s.execute("create database " + name + " owner " + Postgres.USER);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return new Database(name, Base64.getEncoder().encodeToString(key));
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + TestStack.postgres().port() + "/" + name;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), Postgres.USER, TestStack.postgres().password());
        }
    }

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApi(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application with demo data on {@code database}; {@code env} adds or overrides settings. */
    public static PackagedApi start(String name, Database database, Map<String, String> env) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "packaged-" + name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("casebridge.app", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", TestStack.postgres().password());
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", TestStack.keycloak().issuer());
        environment.put("CASEBRIDGE_IDENTITY_KEYS", "k1:" + database.keys());
        environment.put("CASEBRIDGE_IDENTITY_ACTIVE_KEY", "k1");
        environment.put("CASEBRIDGE_DEMO_DATA_ENABLED", "true");
        environment.put("CASEBRIDGE_GRAPHQL_FAST_PATHS", System.getProperty("casebridge.graphql.fast-paths", "true"));
        environment.putAll(env);
        return new PackagedApi(builder.start(), port, log);
    }

    public PackagedApi awaitReady() throws InterruptedException {
        await(() -> {
            try {
                return RestAssured.given().baseUri(baseUri()).get("/q/health/ready").statusCode() == 200;
            } catch (Exception notListeningYet) { // RestAssured rethrows ConnectException unchecked
                return false;
            }
        }, 120, "the packaged API becomes ready (log: " + log + ")");
        return this;
    }

    public String baseUri() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** A GraphQL request as {@code user}: the answer, errors or not. */
    public JsonPath call(String user, String document, Map<String, ?> variables) {
        return RestAssured.given().baseUri(baseUri()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + Tokens.of(user))
                .body(Map.of("query", document, "variables", variables)).post("/graphql").then().extract().jsonPath();
    }

    /** A GraphQL request that must succeed. */
    public JsonPath ok(String user, String document, Map<String, ?> variables) {
        JsonPath answer = call(user, document, variables);
        assertNull(answer.get("errors"), answer::prettify);
        return answer;
    }

    /** Stops the process as a crash would: SIGKILL, no shutdown hook, nothing flushed or released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed process ends");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public static void await(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(condition.getAsBoolean(), what);
    }
}
