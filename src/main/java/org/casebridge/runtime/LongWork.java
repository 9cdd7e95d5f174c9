package org.casebridge.runtime;

import io.quarkus.arc.Arc;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.time.Duration;

/**
 * The request bounds of README "Bad days" (statement timeout, socket timeout), widened for the rest of one transaction
 * whose work is long by nature: the reporting rebuild, a release. The statement timeout is set for the transaction only
 * ({@code set_config(…, true)}); the connection's socket timeout is given back on {@link #close()}, before the commit,
 * because the pool does not restore it. Inside a request, the request's deadline ({@link RequestDeadline}) moves to the
 * end of these bounds too, so that what the request does after the long work still gets a connection.
 */
public final class LongWork implements AutoCloseable {

    /** Beyond the statement timeout, so that a live server always answers first (with 57014). */
    private static final Duration SOCKET_MARGIN = Duration.ofSeconds(5);

    private final Session session;
    private final int socketTimeoutBefore;

    private LongWork(Session session, int socketTimeoutBefore) {
        this.session = session;
        this.socketTimeoutBefore = socketTimeoutBefore;
    }

    public static LongWork within(EntityManager em, Duration bound) {
        Arc.container().instance(RequestDeadline.class).get().atLeast(bound.plus(SOCKET_MARGIN));
        Session session = em.unwrap(Session.class);
        int before = session.doReturningWork(connection -> {
            int was = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, (int) bound.plus(SOCKET_MARGIN).toMillis());
            return was;
        });
        em.createNativeQuery("select set_config('statement_timeout', ?1, true)").setParameter(1, bound.toMillis() + "ms").getSingleResult();
        return new LongWork(session, before);
    }

    @Override
    public void close() {
        session.doWork(connection -> {
            if (!connection.isClosed()) {
                connection.setNetworkTimeout(Runnable::run, socketTimeoutBefore);
            }
        });
    }
}
