package org.casebridge.runtime;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
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
 */
@Singleton
public class SubscriptionSockets {

    private static final Logger LOG = Logger.getLogger(SubscriptionSockets.class);
    private static final MethodHandle REQUEST_DONE = requestDone();

    private final Map<HttpConnection, QuarkusRequestWrapper> open = new ConcurrentHashMap<>();
    private volatile boolean closing;

    void track(@Observes Filters filters) {
        filters.register(rc -> {
            if ("websocket".equalsIgnoreCase(rc.request().getHeader("Upgrade"))) {
                if (closing) {
                    rc.response().setStatusCode(503).putHeader("Retry-After", "1").end();
                    return;
                }
                QuarkusRequestWrapper upgrade = QuarkusRequestWrapper.get(rc.request());
                HttpConnection connection = rc.request().connection();
                if (upgrade != null && connection instanceof ConnectionBase base) {
                    open.put(connection, upgrade);
                    base.closeFuture().onComplete(closed -> done(open.remove(connection)));
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

    private static void done(QuarkusRequestWrapper upgrade) {
        if (upgrade == null) {
            return;
        }
        try {
            REQUEST_DONE.invoke(upgrade);
        } catch (Throwable e) {
            LOG.warn("Could not mark a closed subscription socket's request done; shutdown may wait for it", e);
        }
    }

    /** {@code QuarkusRequestWrapper.done()} is what the response's end would call; it is package-private. */
    private static MethodHandle requestDone() {
        try {
            return MethodHandles.privateLookupIn(QuarkusRequestWrapper.class, MethodHandles.lookup())
                    .findVirtual(QuarkusRequestWrapper.class, "done", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Quarkus changed QuarkusRequestWrapper; revisit SubscriptionSockets", e);
        }
    }
}
