package org.casebridge.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's run command ({@code mvn -Pdemo package}): a real PostgreSQL whose data survives restarts
 * ({@code .casebridge/postgres-data}), a real Keycloak with the demo realm, and the API on port 8080 with demo
 * data. Ctrl-C stops all three. {@code -Dcasebridge.api-command="src/image/run.sh <image>"} runs the API from a
 * container image instead of the jar (src/image/check.sh); that command is configured by the environment alone.
 */
public final class LocalStack {

    static final int API_PORT = 8080;
    static final int KEYCLOAK_PORT = 8180;
    static final int POSTGRES_PORT = 15432;

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("casebridge.home", ".casebridge"));
        Path app = Path.of(System.getProperty("casebridge.app", "target/quarkus-app/quarkus-run.jar"));

        System.out.println("Starting PostgreSQL (data in " + home.resolve("postgres-data") + ") and Keycloak ...");
        Postgres postgres = new Postgres(home.resolve("postgres-data"), POSTGRES_PORT, "casebridge-demo").start();
        KeycloakServer keycloak = new KeycloakServer(KeycloakServer.distribution(), KEYCLOAK_PORT, home.resolve("keycloak.log"));
        Process[] api = new Process[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Casebridge, Keycloak and PostgreSQL ...");
            if (api[0] != null) {
                api[0].destroy();
                try {
                    api[0].waitFor(25, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            keycloak.close();
            postgres.close();
            System.out.println("Stopped.");
        }));
        keycloak.start(Path.of("keycloak-realm"));

        String java = ProcessHandle.current().info().command().orElse("java");
        String apiCommand = System.getProperty("casebridge.api-command", "");
        api[0] = new ProcessBuilder(apiCommand.isBlank()
                ? List.of(java, "-Dquarkus.profile=demo", "-jar", app.toString())
                : List.of(apiCommand.trim().split("\\s+")))
                .inheritIO().start();
        awaitReady();
        printBanner(keycloak);
        System.exit(api[0].waitFor());
    }

    private static void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + API_PORT + "/q/health/ready")).build();
        for (int i = 0; i < 240; i++) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The API did not become ready on port " + API_PORT);
    }

    private static void printBanner(KeycloakServer keycloak) {
        System.out.printf("""

                ==========================================================================
                 Casebridge is running (demo data; demo passwords are for this machine only)
                   Web app          : http://localhost:%1$d/app/  (sign in as a demo user below)
                   GraphQL endpoint : http://localhost:%1$d/graphql
                   GraphiQL         : http://localhost:%1$d/q/graphql-ui  (add header Authorization: Bearer <token>)
                   SDL              : http://localhost:%1$d/graphql/schema.graphql
                   Health           : http://localhost:%1$d/q/health
                   Keycloak         : %2$s  (admin console: admin / admin)

                 Demo users (password "demo"):
                   cw.amani, cw2.amani  caseworker    AMANI (Borno)       sup.amani      supervisor AMANI
                   admin.amani          agency-admin  AMANI               pr.stluke      provider   STLUKE (Borno)
                   admin.stluke         agency-admin  STLUKE              pr.lawcentre   provider   LAWCENTRE (Borno)
                   cw.kindred           caseworker    KINDRED (Adamawa)   sup.kindred    supervisor KINDRED
                   pr.safehaven         provider      SAFEHAVEN (Adamawa) admin.safehaven agency-admin SAFEHAVEN
                   fac.borno, fac2.borno facilitator                      lead.borno, lead.adamawa  state-lead
                   auditor              auditor
                 Agency systems (client credentials): stluke-system / demo-stluke-secret,
                   lawcentre-system / demo-lawcentre-secret, safehaven-system / demo-safehaven-secret

                 Get a token:
                   TOKEN=$(curl -s -d grant_type=password -d client_id=casebridge-cli -d username=cw.amani -d password=demo %2$s/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                   curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"query":"{ agencies { edges { node { code name } } } }"}' http://localhost:%1$d/graphql

                 Ctrl-C stops the API, Keycloak and PostgreSQL.
                ==========================================================================
                """, API_PORT, keycloak.issuer());
    }
}
