package org.casebridge.runtime;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
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
 * Readiness of the database, on a connection of its own with a short timeout ({@code casebridge.database.readiness-timeout}).
 * The stock check borrows a pooled connection, and on a database that no longer answers waited as long as any
 * request, past the probe's own timeout. Probes run on one thread of their own, never on a worker thread (all of them may
 * be waiting on the database), and a probe that arrives while one is running shares its answer.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class);
    static final String NAME = "Database connections health check";

    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Duration timeout;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "casebridge-database-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Boolean> running = CompletableFuture.completedFuture(false);
    private Connection connection; // used on the prober thread only

    public DatabaseReadiness(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                             @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                             @ConfigProperty(name = "casebridge.database.readiness-timeout") Duration timeout) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.timeout = timeout;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(this::probe)
                .ifNoItem().after(timeout.plusMillis(500)).recoverWithItem(false)
                .map(up -> HealthCheckResponse.named(NAME).status(up).build());
    }

    private synchronized CompletableFuture<Boolean> probe() {
        if (running.isDone()) {
            running = CompletableFuture.supplyAsync(this::answers, prober);
        }
        return running;
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
            LOG.debugf("Database readiness: no answer (%s)", e.getMessage());
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
