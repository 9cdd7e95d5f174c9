package org.casebridge.runtime;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Each HTTP request's deadline ({@code casebridge.request.deadline} after it arrived, README "Bad days"), the one place
 * that bounds a request's database work as a whole: the time it waited for a worker thread counts, and so does every
 * statement before the one running. {@link BoundedConnections} gives each connection a request takes the time left
 * as its socket timeout and refuses a connection once none is left; {@code graphql/ExecutionAdmission} refuses a request
 * that waited for a worker thread past it. A subscription socket's handshake has none: a subscription lives on. Only a
 * real handshake to the GraphQL path ({@link #isSubscriptionHandshake}): an {@code Upgrade} header alone on a POST, or a
 * handshake's headers on a GET to any other path (a CSV export, a page), does not take a request out of its bound.
 */
@Singleton
public class RequestDeadline {

    private static final String KEY = "casebridge.deadline";

    private final long boundNanos;
    private final CurrentVertxRequest current;
    /** The path graphql-ws sockets are served on (SmallRye's, below the HTTP root), without a trailing slash. */
    private final String socketPath;

    public RequestDeadline(@ConfigProperty(name = "casebridge.request.deadline") Duration bound, CurrentVertxRequest current,
                           @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String httpRoot,
                           @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String graphqlRoot) {
        this.boundNanos = bound.toNanos();
        this.current = current;
        this.socketPath = withoutTrailingSlash(graphqlRoot.startsWith("/") ? graphqlRoot
                : (httpRoot.endsWith("/") ? httpRoot : httpRoot + "/") + graphqlRoot);
    }

    void stamp(@Observes Filters filters) {
        filters.register(context -> {
            if (!isSubscriptionHandshake(context)) {
                context.put(KEY, System.nanoTime() + boundNanos);
            }
            context.next();
        }, 10_000);
    }

    /**
     * A websocket handshake (RFC 6455, section 4.1): a GET whose {@code Connection} header names {@code upgrade}, with
     * {@code Upgrade: websocket} and a {@code Sec-WebSocket-Key}. Any other request is an ordinary one, whatever its headers.
     */
    public static boolean isWebSocketUpgrade(HttpServerRequest request) {
        String connection = request.getHeader("Connection");
        return request.method() == HttpMethod.GET && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                && connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("upgrade")
                && request.getHeader("Sec-WebSocket-Key") != null;
    }

    /**
     * A subscription socket's handshake: a websocket handshake ({@link #isWebSocketUpgrade}) to the GraphQL path, the
     * only path that serves sockets. The one kind of request without a deadline, and the one SubscriptionSockets tracks.
     */
    public boolean isSubscriptionHandshake(RoutingContext context) {
        return isWebSocketUpgrade(context.request()) && socketPath.equals(withoutTrailingSlash(context.normalizedPath()));
    }

    private static String withoutTrailingSlash(String path) {
        return path != null && path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Nanoseconds left before the current request's deadline (negative once passed), or null outside a request that has one. */
    public Long remainingNanos() {
        RoutingContext context = currentRequest();
        Long deadline = context == null ? null : context.get(KEY);
        return deadline == null ? null : deadline - System.nanoTime();
    }

    /** True when the current request has a deadline and it has passed. */
    public boolean passed() {
        Long remaining = remainingNanos();
        return remaining != null && remaining <= 0;
    }

    /**
     * Work long by nature, with a bound of its own ({@link LongWork}, a release of aggregates), moves the current
     * request's deadline to at least {@code bound} from now.
     */
    public void atLeast(Duration bound) {
        RoutingContext context = currentRequest();
        Long deadline = context == null ? null : context.get(KEY);
        if (deadline != null) {
            context.put(KEY, Math.max(deadline, System.nanoTime() + bound.toNanos()));
        }
    }

    private RoutingContext currentRequest() {
        return Arc.container().requestContext().isActive() ? current.getCurrent() : null;
    }
}
