package org.casebridge.bench;

import org.casebridge.casefile.IdentityCipher;
import org.casebridge.casefile.SurvivorIdentity;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.KeycloakServer;
import org.casebridge.support.Postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rerunnable benchmark of issue 8 ({@code mvn -Pbench package}, README "Performance"): starts PostgreSQL, Keycloak
 * and the packaged API, seeds the benchmark volume, takes real tokens, drives each operation with autocannon at
 * concurrency 1, 16 and 64, runs the SQL each operation needs directly with pgbench at the same concurrency, and
 * prints one table. SQL statements per request come from pg_stat_statements; peak RSS from /proc (VmHWM).
 */
public final class Benchmark {

    static final String IDENTITY_KEY = "bench-1:9Ixz6X77kW8SDt/5e1zzwSpOxI94VMT7BSoJ4/WPKgY=";
    static final int[] CONCURRENCY = {1, 16, 64};

    record Operation(String name, String user, String query, Map<String, Object> variables, String rawScript) {
    }

    record Row(String operation, int concurrency, double throughput, double p50, double p99, long errors, double statements,
               double raw, long rssMiB, Cpu cpu) {
    }

    /** CPU time during one load run, from /proc: the API's and PostgreSQL's per request, and how busy the machine was. */
    record Cpu(double apiMsPerRequest, double postgresMsPerRequest, double machineBusyPercent) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        Path home = Path.of("target/bench");
        // bench.reuse keeps an earlier run's seeded database (for profiling; reported figures come from a fresh seed)
        boolean reuse = Boolean.getBoolean("bench.reuse") && Files.isDirectory(home.resolve("pg/base"));
        if (!reuse) {
            deleteRecursively(home);
        }
        Files.createDirectories(home);
        Postgres postgres = new Postgres(home.resolve("pg"), freePort(), "bench")
                .withServerConfig("shared_preload_libraries", "pg_stat_statements")
                .withServerConfig("pg_stat_statements.track_utility", "off")
                .withServerConfig("pg_stat_statements.track_planning", "on")
                .withServerConfig("shared_buffers", "512MB")
                .start();
        KeycloakServer keycloak = new KeycloakServer(KeycloakServer.distribution(), freePort(), home.resolve("keycloak.log"));
        Process api = null;
        Process stock = null;
        try {
            keycloak.start(Path.of("keycloak-realm"));
            int apiPort = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + System.getProperty("bench.xmx", "256m"), "-XX:+UseSerialGC"));
            if (Boolean.getBoolean("bench.jfr")) {
                command.add("-XX:FlightRecorderOptions:stackdepth=256");
                command.add("-XX:StartFlightRecording=filename=" + home.resolve("api.jfr").toAbsolutePath() + ",settings=profile");
            }
            // experiments with the API's settings, e.g. -Dbench.api-args="-Dquarkus.thread-pool.max-threads=8"
            command.addAll(Arrays.stream(System.getProperty("bench.api-args", "").split(" +")).filter(a -> !a.isBlank()).toList());
            api = startApi(command, apiPort, postgres, keycloak, home.resolve("api.log"), List.of(
                    // the reporting tables are first rebuilt after the seeding (about 100 s), then every 5 minutes
                    // as in production — so rebuilds also run during the measurements, as they would
                    "-Dcasebridge.reporting.first-refresh-after=" + System.getProperty("bench.first-rebuild-after", "180s"),
                    // the webhook lag row posts to a receiver on loopback
                    "-Dcasebridge.webhook.allow-loopback=true"));
            String url = "http://localhost:" + apiPort;
            awaitReady(url + "/q/health/ready");
            System.out.println("Seeding the benchmark volume ...");
            long seeding = System.currentTimeMillis();
            Map<String, String> ids = reuse ? reuse(postgres) : seed(postgres);
            System.out.printf("Seeded in %d s%n", (System.currentTimeMillis() - seeding) / 1000);

            longLivedTokens(keycloak);
            Map<String, String> tokens = new LinkedHashMap<>();
            for (String user : List.of("pr.stluke", "cw.amani", "lead.borno")) {
                tokens.put(user, token(keycloak, user));
            }
            String caseId = GlobalId.encode("Case", UUID.fromString(ids.get("CASE")));
            // (b) reads another case than the one (d) adds referrals to: in the soak they run together for 10 minutes
            String readCaseId = GlobalId.encode("Case", UUID.fromString(ids.get("READ_CASE")));
            String serviceId = GlobalId.encode("Service", UUID.fromString(ids.get("SERVICE")));
            // the aggregates of a released month: the last closed one (released on the first request, then read as stored)
            LocalDate lastMonth = LocalDate.now().withDayOfMonth(1).minusMonths(1);
            ids.put("PERIOD", "%04d-%02d".formatted(lastMonth.getYear(), lastMonth.getMonthValue()));
            List<Operation> operations = List.of(
                    new Operation("(a) referralsReceived(first: 20)", "pr.stluke", """
                            { referralsReceived(first: 20) { totalCount edges { node { id status urgency updatedAt note
                              service { name type } fromAgency { code } case { caseNumber summary { needs riskLevel ageBand } }
                              history { toStatus at actorName } } } } }""", Map.of(), "referrals-received.sql"),
                    new Operation("(b) case(id:) with referrals, follow-ups", "cw.amani", """
                            query($id: ID!) { case(id: $id) { caseNumber status identity { fullName } summary { riskLevel needs }
                              referrals { status service { name } history { toStatus } } followUps { scheduledAt status } } }""",
                            Map.of("id", readCaseId), "case-read.sql"),
                    new Operation("(c) needs + case-management aggregates", "lead.borno", """
                            query($p: ReportingPeriodInput!) {
                              needsAssessment(period: $p) { needs { grandTotal { value } } sessions { grandTotal { value } }
                                participants { grandTotal { value } } followUpRequests { grandTotal { value } } topThemes { theme } }
                              caseManagementIndicators(period: $p) { referrals { grandTotal { value } }
                                byServiceType { acceptanceRate medianMinutesToAccept } followUpTimeliness { grandTotal { value } }
                                closureReasons { grandTotal { value } } feedbackSatisfaction { grandTotal { value } }
                                supervisionRatings { grandTotal { value } } } }""", Map.of("p", Map.of("year", lastMonth.getYear(), "month",
                                lastMonth.getMonthValue())), "aggregates.sql"),
                    new Operation("(d) createReferral", "cw.amani", """
                            mutation($i: CreateReferralInput!) { createReferral(input: $i) { referral { id status } } }""",
                            Map.of("i", Map.of("caseId", caseId, "serviceId", serviceId, "urgency", "URGENT", "note", "Needs care")),
                            "create-referral.sql"));

            String only = System.getProperty("bench.only", "");
            if (!only.isBlank()) {
                operations = operations.stream().filter(op -> only.contains(op.name().substring(1, 2))).toList();
            }
            if (operations.stream().anyMatch(op -> op.user().equals("lead.borno"))) {
                awaitReportingRebuild(url, tokens.get("lead.borno"), home.resolve("api.log"));
            }
            Path autocannon = installAutocannon(home);
            long soak = Long.getLong("bench.soak", 0);
            if (soak > 0) {
                soak(autocannon, url, postgres, api.pid(), operations, tokens, soak);
                return;
            }
            List<Row> rows = new ArrayList<>();
            for (Operation op : operations) {
                String body = json(Map.of("query", op.query(), "variables", op.variables()));
                String token = tokens.get(op.user());
                String sample = post(url + "/graphql", token, body);
                if (!sample.startsWith("{\"data\"") || sample.contains("\"errors\"")) {
                    throw new IllegalStateException(op.name() + " answers with errors: " + sample);
                }
                // the JIT compiles the hot paths first: a warm-up at the middle concurrency, not measured
                autocannon(autocannon, url + "/graphql", token, body, 16, Integer.getInteger("bench.warmup", 10));
                double statements = statementsPerRequest(postgres, url, token, body, home.resolve("statements-" + op.rawScript().replace(".sql", ".txt")));
                Path script = rawScript(home, op.rawScript(), ids);
                for (int c : CONCURRENCY) {
                    Row row = measure(op.name(), autocannon, url, api.pid(), home, token, body, c, seconds, statements,
                            pgbench(postgres, script, c, seconds));
                    rows.add(row);
                    System.out.println(format(row));
                }
            }
            // (d) again with a partner's endpoint registered for referral.requested: delivery lag from commit to receipt
            Operation creating = operations.stream().filter(op -> op.name().startsWith("(d)")).findFirst().orElse(null);
            if (creating != null && !Boolean.getBoolean("bench.skip-webhooks")) {
                String lag = webhookLag(autocannon, url, tokens.get(creating.user()), token(keycloak, "admin.stluke"), creating, seconds);
                System.out.println(lag);
                Files.writeString(home.resolve("webhook-lag.txt"), lag + "\n");
            }
            // (a) again with casebridge.graphql.fast-paths=false in a second API process, each concurrency on then off,
            // back to back, so that every run measures what the fast paths are worth on the machine as it is then
            Operation listing = operations.stream().filter(op -> op.name().startsWith("(a)")).findFirst().orElse(null);
            if (listing != null && !Boolean.getBoolean("bench.skip-fast-paths-off")) {
                int offPort = freePort();
                List<String> noRecording = command.stream().filter(arg -> !arg.startsWith("-XX:StartFlightRecording")).toList();
                stock = startApi(noRecording, offPort, postgres, keycloak, home.resolve("api-fast-paths-off.log"), List.of(
                        "-Dcasebridge.graphql.fast-paths=false",
                        // its jobs stay off: the first API runs them against the same database
                        "-Dcasebridge.reporting.refresh-every=off", "-Dcasebridge.referral-expiry.every=off"));
                String stockUrl = "http://localhost:" + offPort;
                awaitReady(stockUrl + "/q/health/ready");
                String body = json(Map.of("query", listing.query(), "variables", listing.variables()));
                String token = tokens.get(listing.user());
                String sample = post(stockUrl + "/graphql", token, body);
                if (!sample.startsWith("{\"data\"") || sample.contains("\"errors\"")) {
                    throw new IllegalStateException(listing.name() + " answers with errors with the fast paths off: " + sample);
                }
                autocannon(autocannon, stockUrl + "/graphql", token, body, 16, Integer.getInteger("bench.warmup", 10));
                double statements = statementsPerRequest(postgres, stockUrl, token, body, home.resolve("statements-fast-paths-off.txt"));
                Path script = rawScript(home, listing.rawScript(), ids);
                for (int c : CONCURRENCY) {
                    double raw = pgbench(postgres, script, c, seconds);
                    for (boolean on : new boolean[] {true, false}) {
                        Row row = measure(listing.name().substring(0, 4) + "fast paths " + (on ? "on" : "off"), autocannon,
                                on ? url : stockUrl, on ? api.pid() : stock.pid(), home, token, body, c, seconds,
                                on ? rows.stream().filter(r -> r.operation().equals(listing.name())).findFirst()
                                        .map(Row::statements).orElse(statements) : statements, raw);
                        rows.add(row);
                        System.out.println(format(row));
                    }
                }
            }
            String table = table(rows, seconds);
            System.out.println("\n" + table);
            Files.writeString(home.resolve("results.md"), table);
        } finally {
            for (Process process : java.util.Arrays.asList(api, stock)) {
                if (process != null) {
                    process.destroy();
                    process.waitFor();
                }
            }
            keycloak.close();
            postgres.close();
        }
        System.exit(0);
    }

    /**
     * Delivery lag under (d)'s load at 1 and at 16 connections: a receiver on loopback takes every referral.requested notice,
     * and the lag of each is its receipt minus the payload's timestamp (the change's time, taken just before its
     * commit), after the last notices have drained (no new one for 5 s).
     */
    static String webhookLag(Path autocannon, String url, String token, String adminToken, Operation creating, int seconds) throws Exception {
        List<Long> lags = java.util.Collections.synchronizedList(new ArrayList<>());
        Pattern timestamp = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 100);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            long received = System.currentTimeMillis();
            Matcher m = timestamp.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (m.find()) lags.add(received - java.time.Instant.parse(m.group(1)).toEpochMilli());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String registered = post(url + "/graphql", adminToken, json(Map.of("query", """
                    mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }""",
                    "variables", Map.of("i", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "eventTypes", List.of("REFERRAL_REQUESTED"))))));
            if (registered.contains("\"errors\"")) {
                throw new IllegalStateException("registering the benchmark's webhook endpoint failed: " + registered);
            }
            String body = json(Map.of("query", creating.query(), "variables", creating.variables()));
            List<String> lines = new ArrayList<>();
            for (int connections : new int[] {1, 16}) {
                lags.clear();
                Map<String, Double> load = autocannon(autocannon, url + "/graphql", token, body, connections, seconds);
                int seen = -1;
                while (seen != lags.size()) {
                    seen = lags.size();
                    Thread.sleep(5_000);
                }
                List<Long> sorted = lags.stream().sorted().toList();
                lines.add(sorted.isEmpty()
                        ? "webhook lag under (d) createReferral at %d connections: no notice received".formatted(connections)
                        : "webhook lag under (d) createReferral at %d connections (%.0f requests/s): %d notices, p50 %d ms, p99 %d ms, max %d ms"
                                .formatted(connections, load.get("rps"), sorted.size(), sorted.get(sorted.size() / 2),
                                        sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                                        sorted.get(sorted.size() - 1)));
            }
            return String.join("\n", lines);
        } finally {
            receiver.stop(0);
        }
    }

    /** The packaged API with the benchmark's database, Keycloak and identity key, and {@code settings}. */
    static Process startApi(List<String> command, int port, Postgres postgres, KeycloakServer keycloak, Path log,
                            List<String> settings) throws IOException {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(),
                "-Dquarkus.datasource.username=" + Postgres.USER, "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dquarkus.oidc.auth-server-url=" + keycloak.issuer(),
                "-Dcasebridge.identity.keys=" + IDENTITY_KEY, "-Dcasebridge.identity.active-key=bench-1",
                // one user per operation at up to 64 connections: the rate limits count, but never refuse
                "-Dcasebridge.rate-limit.caller.requests=" + Integer.MAX_VALUE, "-Dcasebridge.rate-limit.caller.cost=" + Long.MAX_VALUE,
                "-Dcasebridge.rate-limit.agency.requests=" + Integer.MAX_VALUE, "-Dcasebridge.rate-limit.agency.cost=" + Long.MAX_VALUE));
        all.addAll(settings);
        all.addAll(List.of("-Dcasebridge.log.json=false", "-jar", "target/quarkus-app/quarkus-run.jar"));
        return new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** One measured run of {@code body} against the API at {@code url} (process {@code apiPid}). */
    static Row measure(String name, Path autocannon, String url, long apiPid, Path home, String token, String body, int c,
                       int seconds, double statements, double raw) throws Exception {
        double errorsBefore = graphqlErrors(url);
        long[] before = cpuTicks(apiPid, home.resolve("pg"));
        Map<String, Double> load = autocannon(autocannon, url + "/graphql", token, body, c, seconds);
        Cpu cpu = cpu(before, cpuTicks(apiPid, home.resolve("pg")), load.get("rps") * seconds);
        load.put("errors", load.get("errors") + graphqlErrors(url) - errorsBefore);
        return new Row(name, c, load.get("rps"), load.get("p50"), load.get("p99"), load.get("errors").longValue(),
                statements, raw, rssMiB(apiPid), cpu);
    }

    // --- seeding -----------------------------------------------------------------------------------------

    /**
     * The seeded database of an earlier run, without the referrals that run's (d) and soak created: they all go to
     * the agency (a) reads, and would grow its list far past the seeded volume.
     */
    static Map<String, String> reuse(Postgres postgres) throws Exception {
        try (Connection c = postgres.superuserConnection(); Statement s = c.createStatement()) {
            String created = "select id from referral where requested_by_subject <> 'bench'";
            s.execute("delete from referral_event where referral_id in (" + created + ")");
            s.execute("delete from case_closure_carried_referral where referral_id in (" + created + ")");
            s.execute("delete from referral where requested_by_subject <> 'bench'");
            s.execute("vacuum analyze referral, referral_event");
            return ids(c);
        }
    }

    static Map<String, String> ids(Connection c) throws SQLException {
        Map<String, String> ids = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select (select id from agency where code = 'STLUKE'), (select id from agency where code = 'AMANI'),
                       (select id from survivor_case where caseworker_name = 'cw.amani' and case_number like 'BENCH-%'
                        order by case_number limit 1),
                       (select id from survivor_case where caseworker_name = 'cw.amani' and case_number like 'BENCH-%'
                        order by case_number offset 1 limit 1)""")) {
            rs.next();
            ids.put("STLUKE", rs.getString(1));
            ids.put("AMANI", rs.getString(2));
            ids.put("CASE", rs.getString(3));
            ids.put("READ_CASE", rs.getString(4));
        }
        ids.put("SERVICE", "b0000000-0000-4000-8000-000000000001");
        return ids;
    }

    static Map<String, String> seed(Postgres postgres) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        try (Connection c = postgres.superuserConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute(resource("db/demo/01-directory.sql"));
            s.execute(Files.readString(Path.of("src/bench/seed.sql")));
            IdentityCipher cipher = new IdentityCipher(IDENTITY_KEY, "bench-1");
            List<UUID> amani = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select id from survivor_case where caseworker_name = 'cw.amani' and case_number like 'BENCH-%' order by case_number limit 2000""")) {
                while (rs.next()) {
                    amani.add((UUID) rs.getObject(1));
                }
            }
            try (PreparedStatement seal = c.prepareStatement("update survivor_case set identity_key_id = ?, identity_sealed = ? where id = ?")) {
                for (UUID id : amani) {
                    IdentityCipher.Sealed sealed = cipher.seal(id, new SurvivorIdentity("Bench Survivor " + id.toString().substring(0, 8),
                            LocalDate.of(1995, 5, 5), "+234 800 000 0000", "Maiduguri"));
                    seal.setString(1, sealed.keyId());
                    seal.setBytes(2, sealed.bytes());
                    seal.setObject(3, id);
                    seal.addBatch();
                }
                seal.executeBatch();
            }
            UUID benchCase = amani.get(0);
            ids.putAll(ids(c));
            s.execute("insert into consent (id, case_id, recipient_agency_id, categories, purpose, given_by, obtained_how, valid_from, "
                    + "recorded_by_subject, recorded_at) values (gen_random_uuid(), '" + benchCase + "', '" + ids.get("STLUKE")
                    + "', '{CASE_SUMMARY}', 'REFERRAL', 'SURVIVOR', 'WRITTEN', now() - interval '1 day', 'bench', now())");
            s.execute("vacuum analyze");
            try (ResultSet rs = s.executeQuery("""
                    select (select count(*) from agency), (select count(*) from survivor_case), (select count(*) from referral),
                           (select count(*) from referral_event), (select count(*) from audit_entry), (select count(*) from fg_session),
                           (select count(*) from referral r join agency t on t.id = r.to_agency_id where t.code = 'STLUKE')""")) {
                rs.next();
                System.out.printf("Volume: %d agencies, %d cases, %d referrals, %d history entries, %d audit entries, %d sessions; "
                        + "%d referrals received by STLUKE%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7));
            }
        }
        return ids;
    }

    /** Waits until the API has rebuilt its reporting tables after the seeding, and prints how long the rebuild took. */
    static void awaitReportingRebuild(String url, String token, Path apiLog) throws Exception {
        java.time.OffsetDateTime seeded = java.time.OffsetDateTime.now();
        LocalDate lastMonth = LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        String body = json(Map.of("query", "query($p: ReportingPeriodInput!) { caseManagementIndicators(period: $p) { asOf } }",
                "variables", Map.of("p", Map.of("year", lastMonth.getYear(), "month", lastMonth.getMonthValue()))));
        for (int i = 0; i < 400; i++) {
            Matcher asOf = Pattern.compile("\"asOf\":\"([^\"]+)\"").matcher(post(url + "/graphql", token, body));
            if (asOf.find() && java.time.OffsetDateTime.parse(asOf.group(1)).isAfter(seeded)) {
                Matcher took = Pattern.compile("Reporting tables rebuilt in (\\d+) ms").matcher(Files.readString(apiLog));
                String last = null;
                while (took.find()) {
                    last = took.group(1);
                }
                System.out.printf("Reporting tables rebuilt on the seeded volume in %s ms%n", last);
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The reporting tables were not rebuilt within 400 s of the seeding");
    }

    // --- measuring ---------------------------------------------------------------------------------------

    /**
     * Statements the API's database user ran per request, over 20 requests one after the other (each statement in
     * {@code report}). Twice, keeping the round with fewer: the API's own jobs (referral expiry every minute, the
     * reporting rebuild every five) run as the same user and can fall into one round of a second, not into both.
     */
    static double statementsPerRequest(Postgres postgres, String url, String token, String body, Path report) throws Exception {
        double fewest = Double.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            try (Connection c = postgres.superuserConnection(); Statement s = c.createStatement()) {
                s.execute("select pg_stat_statements_reset()");
                for (int i = 0; i < 20; i++) {
                    post(url + "/graphql", token, body);
                }
                StringBuilder perStatement = new StringBuilder("calls  plans  plan ms  exec ms  rows/call  statement\n");
                long calls = 0;
                try (ResultSet rs = s.executeQuery("""
                        select calls, plans, mean_plan_time, mean_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                        from pg_stat_statements where userid = (select oid from pg_roles where rolname = 'casebridge')
                        order by calls desc, total_exec_time desc""")) {
                    while (rs.next()) {
                        calls += rs.getLong(1);
                        perStatement.append(String.format("%5d  %5d  %7.3f  %7.3f  %9.1f  %s%n", rs.getLong(1), rs.getLong(2),
                                rs.getDouble(3), rs.getDouble(4), rs.getDouble(5) / rs.getLong(1), rs.getString(6)));
                    }
                }
                if (calls / 20.0 < fewest) {
                    fewest = calls / 20.0;
                    // where the database's time per request goes: planned each time or not, how long each statement runs
                    Files.writeString(report, perStatement);
                }
            }
        }
        return fewest;
    }

    /** The sum of one metric's series at /q/metrics. */
    static double metric(String url, String name) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double total = 0;
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.E+]+)$").matcher(metrics);
        while (m.find()) {
            total += Double.parseDouble(m.group(2));
        }
        return total;
    }

    /** GraphQL errors answered so far (they travel with HTTP 200, so autocannon does not see them). */
    static double graphqlErrors(String url) throws Exception {
        return metric(url, "casebridge_graphql_errors_total");
    }

    static Path installAutocannon(Path home) throws Exception {
        Path prefix = home.resolve("node").toAbsolutePath();
        Files.createDirectories(prefix);
        run(List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", "--no-package-lock", "--silent",
                "autocannon@7"), null);
        return prefix.resolve("node_modules/.bin/autocannon");
    }

    static Map<String, Double> autocannon(Path autocannon, String url, String token, String body, int connections, int seconds)
            throws Exception {
        String out = run(List.of(autocannon.toString(), "-c", String.valueOf(connections), "-d", String.valueOf(seconds), "-m", "POST",
                "-H", "Authorization=Bearer " + token, "-H", "Content-Type=application/json", "-b", body, "-j", "-t", "30", url), null);
        String json = out.substring(out.indexOf('{'));
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("rps", number(json, "\"requests\":\\{[^}]*\"average\":([0-9.]+)"));
        result.put("p50", number(json, "\"latency\":\\{[^}]*\"p50\":([0-9.]+)"));
        result.put("p99", number(json, "\"latency\":\\{[^}]*\"p99\":([0-9.]+)"));
        result.put("errors", number(json, "\"errors\":([0-9]+)") + number(json, "\"non2xx\":([0-9]+)") + number(json, "\"timeouts\":([0-9]+)"));
        return result;
    }

    static double pgbench(Postgres postgres, Path script, int clients, int seconds) throws Exception {
        String out = run(List.of("pgbench", "-n", "-M", "prepared", "-h", "localhost", "-p", String.valueOf(postgres.port()), "-U", Postgres.USER,
                "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds),
                "-f", script.toString(), Postgres.DATABASE), Map.of("PGPASSWORD", postgres.password()));
        return number(out, "tps = ([0-9.]+)");
    }

    static Path rawScript(Path home, String name, Map<String, String> ids) throws IOException {
        String sql = Files.readString(Path.of("src/bench/raw").resolve(name));
        for (Map.Entry<String, String> id : ids.entrySet()) {
            sql = sql.replace("${" + id.getKey() + "}", id.getValue());
        }
        // pgbench wants one statement per line
        sql = sql.replaceAll("\\s*\\n\\s*(?!$)", " ").replace("; ", ";\n");
        Path script = home.resolve("raw-" + name);
        Files.writeString(script, sql + "\n");
        return script;
    }

    /** Clock ticks (1/100 s) of CPU used so far by the API, by PostgreSQL and its backends, and by the machine (busy, all). */
    static long[] cpuTicks(long apiPid, Path postgresData) throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
        long postgres = ProcessHandle.of(postmaster).map(p -> Stream.concat(Stream.of(p), p.descendants())
                .mapToLong(h -> processTicks(h.pid())).sum()).orElse(0L);
        String[] machine = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long all = 0;
        for (int i = 1; i <= 8; i++) {
            all += Long.parseLong(machine[i]);
        }
        long idle = Long.parseLong(machine[4]) + Long.parseLong(machine[5]);
        return new long[] {processTicks(apiPid), postgres, all - idle, all};
    }

    static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException e) {
            return 0; // a backend that ended
        }
    }

    static Cpu cpu(long[] before, long[] after, double requests) {
        double msPerTick = 10;
        return new Cpu((after[0] - before[0]) * msPerTick / requests, (after[1] - before[1]) * msPerTick / requests,
                100.0 * (after[2] - before[2]) / Math.max(1, after[3] - before[3]));
    }

    static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /**
     * The soak of issue 9: all four operations at once (4 connections each) for {@code seconds}, sampling every 30 s the
     * API's heap (from /q/metrics), its resident memory and the database connections it holds.
     */
    static void soak(Path autocannon, String url, Postgres postgres, long apiPid, List<Operation> operations, Map<String, String> tokens,
                     long seconds) throws Exception {
        System.out.printf("Soak: %d s of mixed load%n", seconds);
        double errorsBefore = graphqlErrors(url);
        double abandonedBefore = metric(url, "casebridge_graphql_abandoned_total");
        List<java.util.concurrent.CompletableFuture<Map<String, Double>>> runs = new ArrayList<>();
        for (Operation op : operations) {
            String body = json(Map.of("query", op.query(), "variables", op.variables()));
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return autocannon(autocannon, url + "/graphql", tokens.get(op.user()), body, 4, (int) seconds);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long end = System.currentTimeMillis() + seconds * 1000;
        System.out.println("| minute | heap used MiB | live after last full GC MiB | RSS MiB | DB connections of the API | GraphQL errors |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        while (System.currentTimeMillis() < end) {
            Thread.sleep(30_000);
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double heap = 0;
            Matcher m = Pattern.compile("jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)").matcher(metrics);
            while (m.find()) {
                heap += Double.parseDouble(m.group(1));
            }
            long connections;
            try (Connection c = postgres.superuserConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where usename = 'casebridge'")) {
                rs.next();
                connections = rs.getLong(1);
            }
            System.out.printf("| %5.1f | %6.0f | %6.0f | %5d | %3d | %4.0f |%n", (seconds * 1000 - (end - System.currentTimeMillis())) / 60000.0,
                    heap / 1024 / 1024, metric(url, "jvm_gc_live_data_size_bytes") / 1024 / 1024, rssMiB(apiPid), connections,
                    graphqlErrors(url) - errorsBefore);
        }
        System.out.printf("GraphQL errors during the soak: %.0f; requests abandoned by their client (the load tool stopping): %.0f%n",
                graphqlErrors(url) - errorsBefore, metric(url, "casebridge_graphql_abandoned_total") - abandonedBefore);
        for (int i = 0; i < operations.size(); i++) {
            Map<String, Double> result = runs.get(i).get();
            System.out.printf("%-42s %8.1f req/s  p99 %6.1f ms  errors %.0f%n", operations.get(i).name(), result.get("rps"),
                    result.get("p99"), result.get("errors"));
        }
    }

    // --- output ------------------------------------------------------------------------------------------

    static String format(Row r) {
        return String.format("| %-42s | %3d | %8.1f | %7.1f | %7.1f | %6d | %5.1f | %8.1f | %5.0f%% | %5.1f | %5.1f | %4.0f%% | %5d |",
                r.operation(), r.concurrency(), r.throughput(), r.p50(), r.p99(), r.errors(), r.statements(), r.raw(),
                r.raw() > 0 ? 100 * r.throughput() / r.raw() : 0, r.cpu().apiMsPerRequest(), r.cpu().postgresMsPerRequest(),
                r.cpu().machineBusyPercent(), r.rssMiB());
    }

    static String table(List<Row> rows, int seconds) {
        StringBuilder out = new StringBuilder();
        out.append("Casebridge benchmark, ").append(LocalDateTime.now().withNano(0)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(seconds).append(" s per run\n\n");
        out.append("| operation | conc. | req/s | p50 ms | p99 ms | errors | SQL/req | raw SQL tx/s | API/raw | API CPU ms/req "
                + "| PG CPU ms/req | machine busy | peak RSS MiB |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        rows.forEach(r -> out.append(format(r)).append('\n'));
        return out.toString();
    }

    // --- plumbing ----------------------------------------------------------------------------------------

    /** The run outlasts the realm's 5-minute access tokens, and autocannon cannot refresh one: 2 hours, for this realm only. */
    static void longLivedTokens(KeycloakServer keycloak) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USER + "&password=" + KeycloakServer.ADMIN_PASSWORD;
        String admin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                                + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> updated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/"
                        + KeycloakServer.REALM)).header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\": 7200}")).build(), HttpResponse.BodyHandlers.ofString());
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("Could not lengthen token lifetimes: " + updated.statusCode() + " " + updated.body());
        }
    }

    static String token(KeycloakServer keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=casebridge-cli&username=" + user + "&password=demo";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("No token for " + user + ": " + response.body());
        }
        return m.group(1);
    }

    static String post(String url, String token, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String json(Object value) {
        return jakarta.json.bind.JsonbBuilder.create().toJson(value);
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static String run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (env != null) {
            builder.environment().putAll(env);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed: " + out);
        }
        return out;
    }

    static void awaitReady(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 480; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The API did not become ready: " + url);
    }

    static String resource(String name) throws IOException {
        try (var in = Benchmark.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Benchmark() {
    }
}
