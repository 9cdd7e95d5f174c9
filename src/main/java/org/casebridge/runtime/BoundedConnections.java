package org.casebridge.runtime;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Bounds each pooled connection's work by the deadline of the request that takes it (README "Bad days"): its socket
 * timeout is the time the request has left, at most the configured one and at least {@link #FLOOR_MILLIS}, so a
 * database that stops answering gives a request back near its deadline whatever it did before. Work outside a request
 * (jobs, the events listener) gets the configured socket timeout. Agroal does not restore a connection's network
 * timeout when it is returned, so it is set at every acquisition.
 * <p>
 * It never refuses a connection: Agroal calls this hook after the connection has joined the caller's transaction, and
 * a throw here returns it to the pool while that transaction still holds it (two borrowers, a rollback on another's
 * work). A request that is already late is refused before it runs (graphql/ExecutionAdmission); the floor leaves a
 * late commit or audit entry the time to finish on a database that answers.
 */
@Singleton
public class BoundedConnections implements AgroalPoolInterceptor {

    /** Enough for a COMMIT or an audit entry on a database that answers; a hung one still ends soon after. */
    static final int FLOOR_MILLIS = 2_000;
    private static final Logger LOG = Logger.getLogger(BoundedConnections.class);

    private final RequestDeadline deadline;
    private final int socketTimeoutMillis;

    public BoundedConnections(RequestDeadline deadline,
                              @ConfigProperty(name = "quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout") int socketTimeoutSeconds) {
        this.deadline = deadline;
        this.socketTimeoutMillis = socketTimeoutSeconds * 1000;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        Long remaining = deadline.remainingNanos();
        int millis = remaining == null ? socketTimeoutMillis
                : (int) Math.max(FLOOR_MILLIS, Math.min(socketTimeoutMillis, remaining / 1_000_000));
        try {
            connection.setNetworkTimeout(Runnable::run, millis);
        } catch (SQLException | RuntimeException e) {
            // a broken connection: its next statement fails and answers UNAVAILABLE; never thrown from the hook
            LOG.debugf(e, "Could not set a connection's network timeout");
        }
    }

}
