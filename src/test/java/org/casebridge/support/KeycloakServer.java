package org.casebridge.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak: the server distribution Maven unpacked into {@code .casebridge/}, run as a child process
 * in dev mode with an in-memory store, importing the realm from {@code keycloak-realm/} at every start.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "casebridge";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final Path home;
    private final int port;
    private final Path log;
    private Process process;

    public KeycloakServer(Path home, int port, Path log) {
        this.home = home;
        this.port = port;
        this.log = log;
    }

    public static Path distribution() {
        Path casebridgeHome = Path.of(System.getProperty("casebridge.home", ".casebridge"));
        Path home = casebridgeHome.resolve("keycloak-" + System.getProperty("keycloak.version", "26.7.3"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked in " + home + "; run it through Maven (mvn verify)");
        }
        return home;
    }

    public KeycloakServer start(Path realmDirectory) {
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            try (var realms = Files.list(realmDirectory)) {
                for (Path realm : realms.filter(p -> p.toString().endsWith(".json")).toList()) {
                    Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            home.resolve("bin/kc.sh").toFile().setExecutable(true);
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + (port + 1), "--import-realm", "--db=dev-mem",
                    "--hostname-strict=false", "--log-level=WARN"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            process = builder.start();
            awaitRealm(Duration.parse(System.getProperty("casebridge.keycloak.start-timeout", "PT4M")));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not start", e);
        }
    }

    private void awaitRealm(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration")).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + timeout + "; see " + log);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** Freezes the server (SIGSTOP): it accepts connections and answers nothing, as a hung or unreachable one would. */
    public void pause() {
        signal("-STOP");
    }

    public void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        List<String> command = new java.util.ArrayList<>(List.of("kill", signal, String.valueOf(process.pid())));
        process.descendants().forEach(p -> command.add(String.valueOf(p.pid())));
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
