package org.casebridge.runtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the API knows of the database's answering (README "Bad days"), from probes on a connection of its own with a
 * short timeout ({@code casebridge.database.readiness-timeout}) and from requests whose database work got no answer.
 * <p>
 * Once the database is known not to answer — a probe got no answer, whether readiness asked for it or a request whose
 * connection was given up ({@link #notAnswering}) — the circuit is open: database work is refused at once ({@code graphql/ExecutionAdmission}: UNAVAILABLE at each resolver)
 * instead of waiting in the pool, which on a hung database validates idle connections and opens new ones before any
 * deadline can act. Work that needs no database is not affected. While it is open, each refused request makes sure a
 * probe is under way (one at a time, at most every {@link #PROBE_EVERY_NANOS}); the first probe begun after it opened
 * that answers closes it, so the API recovers by itself after the thaw.
 * <p>
 * Probes run on one thread of their own, never on a worker thread (all of them may be waiting on the database), and a
 * probe asked for while one runs shares its answer.
 */
@Singleton
public class DatabaseCircuit {

    private static final Logger LOG = Logger.getLogger(DatabaseCircuit.class);
    private static final long PROBE_EVERY_NANOS = 500_000_000L;

    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Duration timeout;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "casebridge-database-probe");
        thread.setDaemon(true);
        return thread;
    });
    /** When the circuit opened (nanoTime), or null while it is closed. */
    private volatile Long openedAt;
    private CompletableFuture<Boolean> running = CompletableFuture.completedFuture(true);
    private long runningSince = System.nanoTime() - PROBE_EVERY_NANOS;
    private Connection connection; // used on the prober thread only

    public DatabaseCircuit(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                           @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                           @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                           @ConfigProperty(name = "casebridge.database.readiness-timeout") Duration timeout,
                           MeterRegistry metrics) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.timeout = timeout;
        Gauge.builder("casebridge.database.circuit.open", this, c -> c.openedAt == null ? 0 : 1)
                .description("1 while database work is refused at once because the database does not answer").register(metrics);
    }

    /** The probe's own timeout: readiness waits for an answer at most a little longer. */
    public Duration timeout() {
        return timeout;
    }

    /** Whether database work may start now. While the circuit is open it makes sure a probe is on its way. */
    public boolean closed() {
        if (openedAt == null) {
            return true;
        }
        probe(false);
        return openedAt == null;
    }

    /**
     * A request's database work got no answer (its connection was given up or could not be had in time). That alone is
     * no proof that the database does not answer: a connection whose socket timeout the request's deadline shortened
     * below the statement timeout gives up on a live database's lock wait, and a pool busy with such waits has no
     * connection in time. So it asks for a probe (shared with one under way), and only a probe without an answer opens
     * the circuit: on a hung database within the probe's timeout, on a live one never.
     */
    public void notAnswering() {
        probe(true);
    }

    /** A probe of the database, shared with one already under way; false when it gave no answer in time. */
    public synchronized CompletableFuture<Boolean> probe() {
        return probe(true);
    }

    private synchronized CompletableFuture<Boolean> probe(boolean asked) {
        long now = System.nanoTime();
        if (running.isDone() && (asked || now - runningSince >= PROBE_EVERY_NANOS)) {
            long since = now;
            runningSince = since;
            running = CompletableFuture.supplyAsync(this::answers, prober).thenApply(up -> {
                settle(up, since);
                return up;
            });
        }
        return running;
    }

    private void settle(boolean up, long probeStarted) {
        Long opened = openedAt;
        if (!up) {
            open("the database gave no answer to a probe within " + timeout.toMillis() + " ms");
        } else if (opened != null && probeStarted - opened >= 0) {
            openedAt = null;
            LOG.info("The database answers again: database work is admitted");
        }
    }

    private synchronized void open(String why) {
        if (openedAt == null) {
            openedAt = System.nanoTime();
            LOG.warnf("Database work is refused at once until the database answers a probe: %s", why);
        }
    }

    private boolean answers() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = connect();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            }
            return true;
        } catch (SQLException e) {
            LOG.debugf("Database probe: no answer (%s)", e.getMessage());
            closeConnection();
            return false;
        }
    }

    /** pgjdbc's connect, login and socket timeouts are whole seconds; the probe's own timeout is set in milliseconds after. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("ApplicationName", "casebridge-readiness");
        Connection opened = DriverManager.getConnection(url, properties);
        opened.setNetworkTimeout(prober, (int) timeout.toMillis());
        return opened;
    }

    @PreDestroy
    void stop() {
        prober.submit(this::closeConnection);
        prober.shutdown();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
