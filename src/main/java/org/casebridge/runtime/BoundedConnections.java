package org.casebridge.runtime;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Bounds each pooled connection's work by the deadline of the request that takes it (README "Bad days"): its socket
 * timeout is the time the request has left, at most the configured one, so a database that stops answering gives a
 * request back by its deadline whatever it did before; a request past its deadline gets no connection
 * (UNAVAILABLE). Work outside a request (jobs, the events listener) gets the configured socket timeout. Agroal does
 * not restore a connection's network timeout when it is returned, so it is set at every acquisition.
 */
@Singleton
public class BoundedConnections implements AgroalPoolInterceptor {

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
        if (remaining != null && remaining <= 0) {
            throw unchecked(new SQLTransientConnectionException("The request's time for database work is spent", "08001"));
        }
        int millis = remaining == null ? socketTimeoutMillis : (int) Math.max(1, Math.min(socketTimeoutMillis, remaining / 1_000_000));
        try {
            connection.setNetworkTimeout(Runnable::run, millis);
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    /** Agroal's interceptor may not declare the SQLException that getConnection() throws; it is thrown as it is. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException unchecked(Throwable e) throws E {
        throw (E) e;
    }
}
