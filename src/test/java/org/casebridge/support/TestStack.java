package org.casebridge.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One real PostgreSQL and one real Keycloak per test run, shared by every test class: started on first use,
 * stopped when the test JVM exits.
 */
@WithTestResource(value = TestStack.class, scope = TestResourceScope.GLOBAL)
public class TestStack implements QuarkusTestResourceLifecycleManager {

    private static Postgres postgres;
    private static KeycloakServer keycloak;
    private static Path dataDirectory;

    @Override
    public Map<String, String> start() {
        ensureStarted();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", postgres.password(),
                "quarkus.oidc.auth-server-url", keycloak.issuer());
    }

    @Override
    public void stop() {
        // shared by all test classes; stopped by the shutdown hook when the test JVM exits
    }

    /** Set once both are up: after that, finding them takes no lock (withPostgresFrozen holds it for the whole freeze). */
    private static volatile boolean started;

    public static void ensureStarted() {
        if (!started) {
            startOnce();
        }
    }

    private static synchronized void startOnce() {
        if (postgres != null) {
            return;
        }
        try {
            dataDirectory = Files.createTempDirectory("casebridge-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path target = Path.of("target");
        CompletableFuture<KeycloakServer> kc = CompletableFuture.supplyAsync(() ->
                new KeycloakServer(KeycloakServer.distribution(), freePort(), target.resolve("keycloak-test.log"))
                        .start(Path.of("keycloak-realm")));
        postgres = new Postgres(dataDirectory, freePort(), "test-" + UUID.randomUUID()).start();
        keycloak = kc.join();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            keycloak.close();
            postgres.close();
            deleteRecursively(dataDirectory);
        }));
        started = true;
    }

    public static Postgres postgres() {
        ensureStarted();
        return postgres;
    }

    public static KeycloakServer keycloak() {
        ensureStarted();
        return keycloak;
    }

    /** Stops PostgreSQL, runs {@code whileDown}, and starts it again on the same port and data. */
    public static synchronized void withPostgresStopped(Runnable whileDown) {
        postgres.close();
        try {
            whileDown.run();
        } finally {
            postgres.start();
        }
    }

    /**
     * Freezes every PostgreSQL process (SIGSTOP) while {@code whileFrozen} runs, and always resumes them (SIGCONT):
     * the test classes after it share this server.
     */
    public static synchronized void withPostgresFrozen(Runnable whileFrozen) {
        try {
            postgres.signal("STOP");
            whileFrozen.run();
        } finally {
            postgres.signal("CONT");
        }
    }

    public static synchronized void withKeycloakPaused(Runnable whileDown) {
        keycloak.pause();
        try {
            whileDown.run();
        } finally {
            keycloak.resume();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory
        }
    }
}
