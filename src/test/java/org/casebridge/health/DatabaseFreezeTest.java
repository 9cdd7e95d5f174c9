package org.casebridge.health;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.json.Json;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.GraphQLClient;
import org.casebridge.support.TestStack;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PostgreSQL process frozen (SIGSTOP) for longer than any request may wait, under a mixed load of reads and
 * createReferral, then resumed (SIGCONT): what a network partition or a stuck volume does. The connections stay open,
 * so only the API's own bounds (README "Bad days") can end the waiting.
 */
@QuarkusTest
class DatabaseFreezeTest {

    /** README "Bad days": a request on a hung database answers UNAVAILABLE within this ({@code casebridge.request.deadline}). */
    static final Duration BOUND = Duration.ofSeconds(10);
    /**
     * What this test allows beyond the bound: the bound is a timeout property, not a speed, but on this 2-core machine
     * (load average near 30 during the freeze: 7 load threads, the API, PostgreSQL's and Keycloak's processes) writing
     * and reading an answer, a token refresh or a garbage collection each take time: 1.5 s for that scheduling, and
     * nothing for the pool's own waits (before, a connection the pool was still looking for at the deadline ended up to
     * 3.6 s after it).
     */
    static final Duration ALLOWANCE = Duration.ofMillis(1_500);
    /** An answer later than this breaks the bound; the client stops waiting then and counts the request as HUNG. */
    static final Duration PATIENCE = BOUND.plus(ALLOWANCE);
    /**
     * Readiness gives up on the database after 1.5 s ({@code casebridge.database.readiness-timeout}) and answers within
     * half a second more (runtime/DatabaseReadiness): a probe later than that, plus the allowance, counts as HUNG.
     */
    static final Duration PROBE_PATIENCE = Duration.ofSeconds(2).plus(ALLOWANCE);
    /** Far longer than PATIENCE: without the bounds, every request would wait for the thaw and count as hung. */
    static final Duration FROZEN = PATIENCE.plusSeconds(15);

    static final String READ = "{ cases(first: 5) { totalCount edges { node { id caseNumber } } } }";
    static final String NO_DATABASE = "{ __typename }";

    enum Kind { READ, WRITE, NO_DATABASE }

    /** One answer: OK (data, no error), the set of error codes, or HUNG (no answer within PATIENCE). */
    record Answer(Kind kind, String note, String outcome, boolean duringFreeze, long millis) {
        boolean ok() {
            return "OK".equals(outcome);
        }
    }

    private final Map<String, Long> probeMillis = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool()).build();

    @Test
    void aFrozenDatabaseAnswersUnavailableWithinTheBoundFreesTheWorkersAndLosesNothing() throws Exception {
        String caseId = Cases.open("cw.amani", "Frozen database " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String run = UUID.randomUUID().toString().substring(0, 8);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean frozen = new AtomicBoolean(false);
        AtomicInteger sent = new AtomicInteger();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> readiness = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> liveness = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(7);
        ConcurrentLinkedQueue<String> loadFailures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < 3; t++) {
            load.submit(() -> keepLoading(running, loadFailures,
                    () -> answers.add(post(Tokens.of("cw.amani"), Kind.READ, READ, Map.of(), null, frozen))));
            load.submit(() -> keepLoading(running, loadFailures, () -> {
                String note = "freeze " + run + " " + sent.incrementAndGet();
                Map<String, Object> input = Cases.referralInput(caseId, Cases.CLINIC_CARE);
                input.put("note", note);
                input.put("idempotencyKey", UUID.randomUUID().toString());
                answers.add(post(Tokens.of("cw.amani"), Kind.WRITE, Cases.CREATE_REFERRAL, Map.of("i", input), note, frozen));
            }));
        }
        load.submit(() -> keepLoading(running, loadFailures, () -> {
            answers.add(post(Tokens.of("cw.amani"), Kind.NO_DATABASE, NO_DATABASE, Map.of(), null, frozen));
            sleep(500);
        }));

        sleep(2_000);
        TestStack.withPostgresFrozen(() -> {
            frozen.set(true);
            long started = System.nanoTime();
            while (System.nanoTime() - started < FROZEN.toNanos()) {
                readiness.add(probe("/q/health/ready", "frozen"));
                liveness.add(probe("/q/health/live", "frozen"));
                sleep(1_000);
            }
            frozen.set(false);
        });
        List<String> readinessAfter = new ArrayList<>();
        for (int i = 0; i < 120 && !"UP".equals(last(readinessAfter)); i++) {
            readinessAfter.add(probe("/q/health/ready", "thawed"));
            sleep(500);
        }
        int answersBeforeRecovery = answers.size();
        sleep(3_000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(PATIENCE.toSeconds() + 10, TimeUnit.SECONDS), "the load stopped");

        List<Answer> all = List.copyOf(answers);
        Map<String, Long> summary = all.stream().collect(Collectors.groupingBy(
                a -> a.kind() + (a.duringFreeze() ? " frozen " : " thawed ") + a.outcome(), TreeMap::new, Collectors.counting()));
        Map<String, Long> slowest = all.stream().collect(Collectors.groupingBy(a -> a.kind() + (a.duringFreeze() ? " frozen" : " thawed"),
                TreeMap::new, Collectors.reducing(0L, Answer::millis, Math::max)));
        System.out.println("Database frozen for " + FROZEN.toSeconds() + " s under load: " + summary + "; slowest answer (ms) " + slowest
                + "; answers later than the bound (within the allowance) " + count(all, a -> a.millis() > BOUND.toMillis())
                + "; readiness while frozen " + readiness + ", then " + readinessAfter + "; liveness " + Set.copyOf(liveness)
                + "; slowest probe (ms) " + probeMillis + "; failures of the load itself (not answers) " + loadFailures);

        assertEquals(List.of(), all.stream().filter(a -> !a.ok() && !"UNAVAILABLE".equals(a.outcome())
                        || a.millis() > PATIENCE.toMillis()).toList(),
                "every answer has data or UNAVAILABLE, within the bound of " + BOUND.toSeconds() + " s and this test's allowance of "
                        + ALLOWANCE.toMillis() / 1000.0 + " s");
        assertTrue(count(all, a -> a.kind() == Kind.READ && "UNAVAILABLE".equals(a.outcome())) > 0, "reads were refused while frozen: " + summary);
        assertTrue(count(all, a -> a.kind() == Kind.WRITE && "UNAVAILABLE".equals(a.outcome())) > 0, "writes were refused while frozen: " + summary);
        assertTrue(count(all, a -> a.kind() == Kind.NO_DATABASE && a.ok() && a.duringFreeze()) > 0,
                "a request that needs no database was answered while the database was still frozen: " + summary);

        assertTrue(readiness.contains("DOWN"), "readiness went DOWN while frozen: " + readiness);
        assertTrue(readiness.stream().allMatch(r -> r.equals("UP") || r.equals("DOWN")),
                "and always answered, within " + PROBE_PATIENCE.toMillis() + " ms: " + readiness);
        assertEquals("UP", last(readinessAfter), "readiness is UP again after the thaw, without a restart: " + readinessAfter);
        assertEquals(Set.of("UP"), Set.copyOf(liveness), "liveness stays UP: the API is not restarted for its database");
        List<Answer> afterRecovery = all.subList(answersBeforeRecovery, all.size());
        // On a slow machine the load may have ended before its first answer after the thaw: ask once more ourselves.
        assertTrue(count(afterRecovery, a -> a.kind() == Kind.READ && a.ok()) > 0
                || eventuallyOk(() -> post(Tokens.of("cw.amani"), Kind.READ, READ, Map.of(), null, new AtomicBoolean())),
                "reads succeed again: " + summary);
        String lastNote = "freeze " + run + " after the thaw";
        Map<String, Object> lastInput = Cases.referralInput(caseId, Cases.CLINIC_CARE);
        lastInput.put("note", lastNote);
        lastInput.put("idempotencyKey", UUID.randomUUID().toString());
        assertTrue(count(afterRecovery, a -> a.kind() == Kind.WRITE && a.ok()) > 0
                || eventuallyOk(() -> post(Tokens.of("cw.amani"), Kind.WRITE, Cases.CREATE_REFERRAL, Map.of("i", lastInput), lastNote,
                        new AtomicBoolean())),
                "writes succeed again: " + summary);

        UUID id = Cases.uuid(caseId);
        assertEquals(0, Db.count("""
                select count(*) from referral r where r.case_id = ? and (
                  (select count(*) from referral_event e where e.referral_id = r.id) <> 1
                  or not exists (select 1 from audit_entry a where a.target_id = r.id and a.action = 'referral.create' and a.allowed))""", id),
                "every stored referral has its first history entry and its audit entry");
        assertEquals(0, Db.count("""
                select count(*) from audit_entry a where a.case_id = ? and a.action = 'referral.create' and a.allowed
                and not exists (select 1 from referral r where r.id = a.target_id)""", id), "every audit entry has its referral");
        for (Answer write : all.stream().filter(a -> a.kind() == Kind.WRITE).toList()) {
            long stored = Db.count("select count(*) from referral where case_id = ? and note = ?", id, write.note());
            if (write.ok()) {
                assertEquals(1, stored, "an answered createReferral is stored: " + write);
            } else {
                assertTrue(stored <= 1, "a refused one is stored whole (its commit may have reached the database) or not at all: " + write);
            }
        }
    }

    /**
     * A database that answers, but not in time: createReferral waits on a lock held longer than the statement timeout.
     * The server cancels the statement (57014), the request answers UNAVAILABLE at createReferral and nothing is
     * stored; without the bound the request waited as long as the lock was held.
     */
    @Test
    void aWriteWaitingLongerThanTheStatementTimeoutAnswersUnavailableAndStoresNothing() throws Exception {
        String caseId = Cases.open("cw.amani", "Locked out " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String note = "locked " + UUID.randomUUID();
        Map<String, Object> input = Cases.referralInput(caseId, Cases.CLINIC_CARE);
        input.put("note", note);
        Answer answer;
        try (Connection blocker = TestStack.postgres().superuserConnection(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("lock table referral in access exclusive mode");
            java.util.concurrent.Future<Answer> pending = Executors.newSingleThreadExecutor().submit(() ->
                    post(Tokens.of("cw.amani"), Kind.WRITE, Cases.CREATE_REFERRAL, Map.of("i", input), note, new AtomicBoolean()));
            try {
                answer = pending.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                answer = new Answer(Kind.WRITE, note, "HUNG", false, PATIENCE.toMillis());
            } finally {
                blocker.rollback();
            }
        }
        assertEquals("UNAVAILABLE", answer.outcome(), "the statement timeout ended the wait: " + answer);
        UUID id = Cases.uuid(caseId);
        assertEquals(0, Db.count("select count(*) from referral where case_id = ?", id), "no referral was stored");
        assertEquals(0, Db.count("select count(*) from audit_entry where case_id = ? and action = 'referral.create' and allowed", id),
                "nor its audit entry");
    }

    /**
     * A database that answers every statement within the statement timeout, but the write's transaction outlives its
     * own timeout (10 s, {@code CASEBRIDGE_DB_TRANSACTION_TIMEOUT}): triggers make the idempotency key's, the referral's
     * and its history entry's inserts take 4 s each (the statement timeout is 5 s, the socket timeout 8 s). The
     * transaction is rolled back by its timeout, the request answers UNAVAILABLE at createReferral, and nothing of the
     * write is stored: no key, no referral, no history entry, no audit entry.
     */
    @Test
    void aWriteWhoseTransactionOutlivesItsTimeoutAnswersUnavailableAndStoresNothing() throws Exception {
        String caseId = Cases.open("cw.amani", "Slow transaction " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String key = UUID.randomUUID().toString();
        String note = "slow " + key;
        Map<String, Object> input = Cases.referralInput(caseId, Cases.CLINIC_CARE);
        input.put("note", note);
        input.put("idempotencyKey", key);
        String slowed = "(select result_id from idempotency_key where idempotency_key = '" + key + "')";
        try (Connection admin = TestStack.postgres().superuserConnection(); Statement s = admin.createStatement()) {
            // one branch per table: NEW has only its own table's columns
            s.execute("create function test_slow_insert() returns trigger language plpgsql as $$ begin "
                    + "if TG_TABLE_NAME = 'idempotency_key' then if NEW.idempotency_key = '" + key + "' then perform pg_sleep(4); end if; "
                    + "elsif TG_TABLE_NAME = 'referral' then if NEW.id = " + slowed + " then perform pg_sleep(4); end if; "
                    + "elsif NEW.referral_id = " + slowed + " then perform pg_sleep(4); end if; "
                    + "return NEW; end $$");
            for (String table : List.of("idempotency_key", "referral", "referral_event")) {
                s.execute("create trigger test_slow_insert before insert on " + table + " for each row execute function test_slow_insert()");
            }
            Answer answer;
            try {
                answer = post(Tokens.of("cw.amani"), Kind.WRITE, Cases.CREATE_REFERRAL, Map.of("i", input), note, new AtomicBoolean());
            } finally {
                for (String table : List.of("idempotency_key", "referral", "referral_event")) {
                    s.execute("drop trigger test_slow_insert on " + table);
                }
                s.execute("drop function test_slow_insert()");
            }
            assertEquals("UNAVAILABLE", answer.outcome(), "the transaction timeout ended the write: " + answer);
        }
        UUID id = Cases.uuid(caseId);
        assertEquals(0, Db.count("select count(*) from idempotency_key where idempotency_key = ?", key), "no idempotency key was stored");
        assertEquals(0, Db.count("select count(*) from referral where case_id = ?", id), "no referral");
        assertEquals(0, Db.count("select count(*) from referral_event e join referral r on r.id = e.referral_id where r.case_id = ?", id),
                "no history entry");
        assertEquals(0, Db.count("select count(*) from audit_entry where case_id = ? and action = 'referral.create'", id), "no audit entry");
    }

    /**
     * The CSV export is not GraphQL, so GraphQL's error translation never sees its failures: on a frozen database it
     * answered 500 with a stack trace. It answers 503 with the usual error shape and code, and nothing of a class or
     * a stack.
     */
    @Test
    void aCsvExportOnAFrozenDatabaseAnswersUnavailableWithACodeNotAStackTrace() {
        String token = Tokens.of("lead.borno");
        // a month not exported before in this run, so that its release must be read from the database
        String period = "2024-" + String.format("%02d", 1 + new java.util.Random().nextInt(12));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/aggregates/sessions.csv?period=" + period))
                .timeout(PATIENCE).header("Authorization", "Bearer " + token).GET().build();
        java.util.concurrent.atomic.AtomicReference<Object> answer = new java.util.concurrent.atomic.AtomicReference<>();
        TestStack.withPostgresFrozen(() -> {
            try {
                answer.set(http.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (Exception e) {
                answer.set(e);
            }
        });
        assertTrue(answer.get() instanceof HttpResponse<?>, "the export answered within " + PATIENCE.toSeconds() + " s: " + answer.get());
        HttpResponse<?> response = (HttpResponse<?>) answer.get();
        String body = String.valueOf(response.body());
        assertEquals(503, response.statusCode(), body);
        assertEquals("UNAVAILABLE", JsonPath.from(body).getString("errors[0].extensions.code"), body);
        assertTrue(!body.contains("Exception") && !body.contains("at org.") && !body.contains("at io."), "no class or stack: " + body);
    }

    /**
     * Review 29 (finding 6): the CSV export is inside the circuit like every resolver. On a frozen database, an export
     * whose connection got no answer is evidence like a GraphQL request's: the circuit opens (the export never told it,
     * and nothing else here asks the database: no GraphQL, no readiness probe). While it is open, the next export is
     * refused before it asks the pool for a connection, with the circuit's own message (before, it waited for its
     * socket timeout like the first and answered "temporarily unavailable"). After the thaw, a probe closes it again.
     */
    @Test
    void aCsvExportOfAFrozenDatabaseOpensTheCircuitAndIsRefusedAtOnceWhileItIsOpen() {
        String token = Tokens.of("lead.borno");
        java.util.Random random = new java.util.Random();
        // months not exported before in this run, so that their releases must be read from the database
        String first = "2023-" + String.format("%02d", 1 + random.nextInt(6));
        String second = "2023-" + String.format("%02d", 7 + random.nextInt(6));
        java.util.concurrent.atomic.AtomicReference<Object> given = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Object> refused = new java.util.concurrent.atomic.AtomicReference<>();
        List<Double> circuit = new ArrayList<>();
        TestStack.withPostgresFrozen(() -> {
            given.set(export(token, first));
            // the circuit opens once a probe confirms the given-up connection: wait for it (a bounded wait, not a timed assertion)
            for (int i = 0; i < 20 && (circuit.isEmpty() || last(circuit) == 0); i++) {
                circuit.add(circuitOpen());
                if (last(circuit) == 0) {
                    sleep(250);
                }
            }
            refused.set(export(token, second));
        });
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 120 && !"UP".equals(last(after)); i++) {
            after.add(probe("/q/health/ready", "thawed")); // a probe that answers closes the circuit for the other tests
            sleep(500);
        }
        assertTrue(given.get() instanceof HttpResponse<?> r && r.statusCode() == 503, "control: the first export answered 503: " + given.get());
        assertEquals(1.0, last(circuit), "the export's connection got no answer: the circuit opened (casebridge_database_circuit_open " + circuit + ")");
        assertTrue(refused.get() instanceof HttpResponse<?>, "the second export answered: " + refused.get());
        HttpResponse<?> response = (HttpResponse<?>) refused.get();
        String body = String.valueOf(response.body());
        assertEquals(503, response.statusCode(), body);
        assertEquals("UNAVAILABLE", JsonPath.from(body).getString("errors[0].extensions.code"), body);
        assertEquals("The database is not answering; retry shortly", JsonPath.from(body).getString("errors[0].message"),
                "refused by the open circuit before it asked the pool: " + body);
    }

    private Object export(String token, String period) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/aggregates/sessions.csv?period=" + period))
                .timeout(PATIENCE).header("Authorization", "Bearer " + token).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return e;
        }
    }

    /** {@code casebridge_database_circuit_open} at /q/metrics (needs no database). */
    private static double circuitOpen() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^casebridge_database_circuit_open(?:\\{[^}]*})? (\\S+)$",
                java.util.regex.Pattern.MULTILINE).matcher(metrics);
        assertTrue(m.find(), "casebridge_database_circuit_open at /q/metrics");
        return Double.parseDouble(m.group(1));
    }

    /**
     * Review 29 (finding 3): a live database's lock wait must not open the circuit for every caller. Root field a of
     * one mutation waits on a row lock until the statement timeout (5 s: the database answers 57014, no circuit); eight
     * stale updates answer CONFLICT at once; root field b then begins with about 4.9 s left, above the 3 s reserve, so
     * its connection's socket timeout (the time left) is below the statement timeout and its own wait on a row lock ends
     * at the client first. That is no evidence that the database does not answer: it answered every statement it was
     * sent, and the locks stand for any concurrent transaction holding the rows. Another agency's directory read after
     * it answers with data; it answered UNAVAILABLE "The database is not answering" while a given-up connection opened
     * the circuit by itself.
     */
    @Test
    void aLockWaitOfALiveDatabaseDoesNotOpenTheCircuitForOtherCallers() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(GraphQLClient.ok(Tokens.of("admin.stluke"), CREATE_SERVICE, Map.of("i", Map.of("type", "OTHER",
                    "name", "Locked service " + i + " " + UUID.randomUUID()))).getString("data.createService.service.id"));
        }
        StringBuilder document = new StringBuilder("mutation { ");
        document.append(UPDATE_SERVICE.formatted("a", ids.get(0), 0, "a")).append(' ');
        for (int i = 0; i < 8; i++) {
            document.append(UPDATE_SERVICE.formatted("stale" + i, ids.get(2), 99, "stale")).append(' '); // CONFLICT at once
        }
        document.append(UPDATE_SERVICE.formatted("b", ids.get(1), 0, "b")).append(" }");
        JsonPath attacker;
        JsonPath victim;
        try (Connection holder = TestStack.postgres().superuserConnection()) {
            holder.setAutoCommit(false);
            try (java.sql.PreparedStatement lock = holder.prepareStatement("select id from agency_service where id in (?, ?) for update")) {
                lock.setObject(1, GlobalId.decode(ids.get(0), "id").uuid());
                lock.setObject(2, GlobalId.decode(ids.get(1), "id").uuid());
                lock.executeQuery().close();
            }
            attacker = GraphQLClient.call(Tokens.of("admin.stluke"), document.toString(), Map.of());
            victim = GraphQLClient.call(Tokens.of("pr.safehaven"), DIRECTORY_READ, Map.of());
            holder.rollback();
        } finally {
            // before the fix the circuit was open here: the next probe closes it again (cleanup, not an assertion)
            for (int i = 0; i < 50 && GraphQLClient.call(Tokens.of("pr.safehaven"), DIRECTORY_READ, Map.of()).get("errors") != null; i++) {
                sleep(200);
            }
            Db.execute("update agency_service set retired_at = now(), accepting_referrals = false where name like 'Locked service %'");
        }
        assertEquals("UNAVAILABLE", GraphQLClient.errorsByPath(attacker).get("a"),
                "control: a waited on its lock until the statement timeout: " + attacker.prettify());
        assertNull(victim.get("errors"), "another agency's read after the request " + attacker.prettify() + " answered " + victim.prettify());
    }

    static final String CREATE_SERVICE = "mutation($i: CreateServiceInput!) { createService(input: $i) { service { id } } }";
    static final String UPDATE_SERVICE = "%s: updateService(input: {id: \"%s\", version: %d, name: \"%s\"}) { service { id } }";
    static final String DIRECTORY_READ = "{ services(first: 1) { totalCount } }";

    private Answer post(String token, Kind kind, String document, Map<String, ?> variables, String note, AtomicBoolean frozen) {
        String body = Json.createObjectBuilder(Map.of("query", document, "variables", variables)).build().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/graphql"))
                .timeout(PATIENCE).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long started = System.nanoTime();
        try {
            JsonPath answer = JsonPath.from(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            List<String> codes = answer.getList("errors.extensions.code");
            String outcome = codes == null || codes.isEmpty() ? "OK" : String.join(",", new java.util.TreeSet<>(codes));
            return new Answer(kind, note, outcome, frozen.get(), millisSince(started));
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(kind, note, "HUNG", frozen.get(), millisSince(started));
        } catch (Exception e) {
            return new Answer(kind, note, "NO ANSWER (" + e.getClass().getSimpleName() + ")", frozen.get(), millisSince(started));
        }
    }

    /** A probe's status, or HUNG when it gave none within PROBE_PATIENCE; its answer time is kept in probeMillis. */
    private String probe(String path, String phase) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path)).timeout(PROBE_PATIENCE).build();
        long started = System.nanoTime();
        try {
            return JsonPath.from(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).getString("status");
        } catch (java.net.http.HttpTimeoutException e) {
            return "HUNG";
        } catch (Exception e) {
            return "NO ANSWER (" + e.getClass().getSimpleName() + ")";
        } finally {
            probeMillis.merge(path + " " + phase, millisSince(started), Math::max);
        }
    }

    /** Runs one step of the load after another; a failure of the test's own machinery is kept, not the end of the thread. */
    private static void keepLoading(AtomicBoolean running, ConcurrentLinkedQueue<String> failures, Runnable step) {
        while (running.get()) {
            try {
                step.run();
            } catch (RuntimeException | AssertionError e) {
                failures.add(e.toString());
                sleep(200);
            }
        }
    }

    /** True when the request, repeated for up to 20 s, is answered with data (the same idempotency key each time). */
    private static boolean eventuallyOk(java.util.function.Supplier<Answer> request) {
        for (long until = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < until; sleep(500)) {
            if (request.get().ok()) {
                return true;
            }
        }
        return false;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static long count(List<Answer> answers, Predicate<Answer> which) {
        return answers.stream().filter(which).count();
    }

    private static <T> T last(List<T> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
