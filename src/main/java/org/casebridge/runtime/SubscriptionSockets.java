package org.casebridge.runtime;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.casebridge.graphql.FastPaths;
import org.jboss.logging.Logger;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscription sockets and graceful shutdown. Quarkus counts an HTTP request as in flight until its response
 * ends, and the request a websocket was upgraded from never ends: every replica that had ever served a subscriber
 * waited out the whole shutdown timeout. So here a socket's upgrade request counts as done when the socket closes,
 * and when shutdown begins the open sockets are closed and new ones refused (503), so that clients reconnect to
 * another replica; every replica hears every event from the database.
 *
 * <p>Counting the upgrade request done calls Quarkus's package-private {@code QuarkusRequestWrapper.done()}, which no
 * interface offers: a fast path ({@link FastPaths}). It is looked up once at startup; with
 * {@code casebridge.graphql.fast-paths=false}, or when Quarkus no longer has it, one warning is logged and Quarkus's
 * own accounting stays: the sockets are still closed at shutdown, but shutdown waits for their requests up to
 * {@code quarkus.shutdown.timeout}.
 */
@Singleton
public class SubscriptionSockets {

    private static final Logger LOG = Logger.getLogger(SubscriptionSockets.class);
    static final String NAME = "SubscriptionSockets (an upgrade request is done when its socket closes)";
    private static final String UNTRACKED = "SubscriptionSockets (sockets closed at shutdown)";

    /** Null when the fast path is off. */
    private final MethodHandle requestDone = FastPaths.use(NAME, SubscriptionSockets::selfCheck) ? lookUpDone() : null;

    /** Each connection that carried a handshake, with the last handshake's request: one entry and one close listener each. */
    private final Map<HttpConnection, QuarkusRequestWrapper> open = new ConcurrentHashMap<>();
    private final RequestDeadline deadline;
    private volatile boolean closing;

    public SubscriptionSockets(RequestDeadline deadline) {
        this.deadline = deadline;
    }

    void track(@Observes Filters filters) {
        filters.register(rc -> {
            // the GraphQL path's handshakes only (RequestDeadline exempts the same ones from their deadline): a GET
            // elsewhere with a handshake's headers is an ordinary request
            if (deadline.isSubscriptionHandshake(rc)) {
                if (closing) {
                    rc.response().setStatusCode(503).putHeader("Retry-After", "1").end();
                    return;
                }
                QuarkusRequestWrapper upgrade = QuarkusRequestWrapper.get(rc.request());
                HttpConnection connection = rc.request().connection();
                if (upgrade != null && connection instanceof ConnectionBase base) {
                    // once per connection: a keep-alive connection may carry any number of handshakes that fail (each
                    // one's response ends it as usual); the last is the one marked done when the connection closes
                    if (open.put(connection, upgrade) == null) {
                        base.closeFuture().onComplete(closed -> done(open.remove(connection)));
                    }
                } else if (upgrade != null) {
                    FastPaths.selfCheck(UNTRACKED, () -> "a websocket's connection is a "
                            + (connection == null ? "null" : connection.getClass().getName())
                            + ", not a Vert.x ConnectionBase whose close can be observed: it is not closed at shutdown");
                }
            }
            rc.next();
        }, 100);
    }

    void closeOnShutdown(@Observes ShutdownDelayInitiatedEvent shutdown) {
        closing = true;
        List<HttpConnection> sockets = List.copyOf(open.keySet());
        sockets.forEach(HttpConnection::close);
        LOG.infof("Shutting down: closed %d subscription socket(s)", sockets.size());
    }

    private void done(QuarkusRequestWrapper upgrade) {
        if (upgrade == null || requestDone == null) {
            return;
        }
        try {
            requestDone.invoke(upgrade);
        } catch (Throwable e) {
            LOG.warn("Could not mark a closed subscription socket's request done; shutdown may wait for it", e);
        }
    }

    /** Null when Quarkus still has the package-private {@code QuarkusRequestWrapper.done()}, else what is missing. */
    static String selfCheck() {
        try {
            findDone();
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "Quarkus's QuarkusRequestWrapper.done() cannot be reached (" + e + ")";
        }
    }

    /** {@code QuarkusRequestWrapper.done()} is what the response's end would call; it is package-private. */
    private static MethodHandle findDone() throws ReflectiveOperationException {
        return MethodHandles.privateLookupIn(QuarkusRequestWrapper.class, MethodHandles.lookup())
                .findVirtual(QuarkusRequestWrapper.class, "done", MethodType.methodType(void.class));
    }

    private static MethodHandle lookUpDone() {
        try {
            return findDone();
        } catch (ReflectiveOperationException e) {
            return null; // the self-check has said so
        }
    }
}
