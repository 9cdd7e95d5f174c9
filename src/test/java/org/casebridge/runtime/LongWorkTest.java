package org.casebridge.runtime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Database work has bounds suited to its kind (README "Bad days"): a request's statements 5 s on the server and 8 s
 * on the socket; work long by nature (the reporting rebuild, a release) its own bound for the rest of its transaction,
 * and the connection's socket timeout given back before it returns to the pool.
 */
@QuarkusTest
class LongWorkTest {

    @Inject
    EntityManager em;

    @Test
    void longWorkHasItsOwnBoundsForItsTransactionOnlyAndGivesTheSocketTimeoutBack() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals("5s", statementTimeout(), "a request's statements: CASEBRIDGE_DB_STATEMENT_TIMEOUT");
            assertEquals(8_000, networkTimeout(), "and its connection's socket timeout: CASEBRIDGE_DB_SOCKET_TIMEOUT");
            try (LongWork rebuild = LongWork.within(em, Duration.ofSeconds(900))) {
                assertEquals("15min", statementTimeout(), "the rebuild's statements: casebridge.reporting.rebuild-timeout");
                assertEquals(905_000, networkTimeout(), "its socket: 5 s beyond, so that a live server answers first");
            }
            assertEquals(8_000, networkTimeout(), "the socket timeout is given back before the connection returns to the pool");
        });
        QuarkusTransaction.requiringNew().run(() -> assertEquals("5s", statementTimeout(), "the next transaction has the request's bound again"));
    }

    private String statementTimeout() {
        return (String) em.createNativeQuery("show statement_timeout").getSingleResult();
    }

    private int networkTimeout() {
        return em.unwrap(Session.class).doReturningWork(java.sql.Connection::getNetworkTimeout);
    }
}
