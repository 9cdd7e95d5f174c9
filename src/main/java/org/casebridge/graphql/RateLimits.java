package org.casebridge.graphql;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.config.ConfigMapping;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Budgets of requests and of query cost per client, per window: a resource limit like {@link DocumentCost}, checked
 * by the {@link RequestGate} with the document's cost before anything runs. Who may do what is the access policy's
 * business; this only stops one client from taking a replica's worker threads and database connections from the
 * others, whoever it is.
 *
 * <p>Each caller (the token's subject; a service account is its client's only subject) has a budget, and so has
 * each agency (the token's {@code agency} claim, all its callers together). A caller without a token is counted by
 * its address. A request is admitted when it fits both of its budgets; a refused one takes nothing from either, so
 * a caller flooding past its own budget leaves its agency's budget to its colleagues. A window begins with a key's
 * first request and lasts {@code casebridge.rate-limit.window}; the next request after it begins a fresh one.
 *
 * <p>Budgets are per replica, in memory: they protect what is per replica (worker threads, connection pool), cost
 * nothing per request and still hold when the database hangs. At N replicas a client may spend up to N budgets.
 */
@ApplicationScoped
public class RateLimits {

    @ConfigMapping(prefix = "casebridge.rate-limit")
    public interface Config {
        Duration window();

        /** Each caller's budget. */
        Budget caller();

        /** Each agency's budget, its callers together. */
        Budget agency();

        /** The budget of each caller of these clients (by client id), instead of {@link #caller()}. */
        Map<String, Budget> clients();

        /** The budget of these agencies (by agency code), instead of {@link #agency()}. */
        Map<String, Budget> agencies();

        /** The budget of callers without a token from these addresses (a partner's gateway), instead of {@link #caller()}. */
        Map<String, Budget> addresses();

        /** The cost of one CSV export: what the same table costs asked in GraphQL. */
        int exportCost();
    }

    public interface Budget {
        /** Requests per window. */
        int requests();

        /** Query cost per window: the selections {@link DocumentCost} counts, summed over the window's requests. */
        long cost();
    }

    /** Why a request was refused, and when the budget it passed begins afresh. */
    record Refusal(String message, long retryAfterSeconds) {
    }

    /** What a key has spent in its current window, which ends at {@code ends} (nanoTime). */
    private record Spent(long ends, int requests, long cost) {
    }

    private final Config config;
    private final long windowNanos;
    private final Map<String, Spent> spent = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final Counter admittedCost;

    public RateLimits(Config config, MeterRegistry metrics) {
        this.config = config;
        this.windowNanos = config.window().toNanos();
        this.metrics = metrics;
        this.nextSweep = new AtomicLong(System.nanoTime() + windowNanos);
        this.admittedCost = Counter.builder("casebridge.graphql.admitted.cost")
                .description("Query cost (DocumentCost's selections) of the requests the rate limits admitted").register(metrics);
    }

    int exportCost() {
        return config.exportCost();
    }

    /** Takes one request of {@code cost} from the budgets of the HTTP request's caller and agency, or says why not. */
    Refusal take(RoutingContext context, int cost) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        return take(identity, addressOf(context), cost);
    }

    /** The client's address as Quarkus sees it (behind a proxy, with quarkus.http.proxy.* set, the client's own). */
    static String addressOf(RoutingContext context) {
        SocketAddress address = context == null ? null : context.request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    /**
     * Takes one request of {@code cost} from the budgets of {@code identity}'s caller and agency, or says why not; a
     * caller without a token is counted by {@code address}.
     */
    Refusal take(SecurityIdentity identity, String address, int cost) {
        long now = System.nanoTime();
        sweep(now);
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return admitted(take("address:" + address, config.addresses().getOrDefault(address, config.caller()), "caller", cost, now), cost);
        }
        String client = token.getClaim("azp");
        String callerKey = "caller:" + token.getSubject();
        Refusal refusal = take(callerKey, client == null ? config.caller() : config.clients().getOrDefault(client, config.caller()),
                "caller", cost, now);
        String agency = token.getClaim("agency");
        if (refusal != null || agency == null) {
            return admitted(refusal, cost);
        }
        refusal = take("agency:" + agency, config.agencies().getOrDefault(agency, config.agency()), "agency", cost, now);
        if (refusal != null) {
            spent.computeIfPresent(callerKey, (key, s) -> s.ends() > now ? new Spent(s.ends(), s.requests() - 1, s.cost() - cost) : s);
        }
        return admitted(refusal, cost);
    }

    private Refusal admitted(Refusal refusal, int cost) {
        if (refusal == null) {
            admittedCost.increment(cost);
        }
        return refusal;
    }

    private Refusal take(String key, Budget budget, String scope, int cost, long now) {
        Refusal[] refusal = {null};
        spent.compute(key, (k, before) -> {
            Spent current = before == null || before.ends() <= now ? new Spent(now + windowNanos, 0, 0) : before;
            String passed = current.requests() + 1 > budget.requests() ? "requests"
                    : current.cost() + cost > budget.cost() ? "cost" : null;
            if (passed == null) {
                return new Spent(current.ends(), current.requests() + 1, current.cost() + cost);
            }
            refusal[0] = refuse(scope, passed, budget, current.ends() - now);
            return current;
        });
        return refusal[0];
    }

    private Refusal refuse(String scope, String passed, Budget budget, long remainingNanos) {
        refused.computeIfAbsent(scope + "/" + passed, k -> Counter.builder("casebridge.graphql.rate.limited")
                .description("Requests refused with 429 because a rate-limit budget was spent")
                .tag("scope", scope).tag("budget", passed).register(metrics)).increment();
        long retryAfter = Math.max(1, (remainingNanos + 999_999_999L) / 1_000_000_000L);
        String whose = scope.equals("agency") ? "Your agency's" : "Your";
        String what = passed.equals("requests") ? budget.requests() + " requests" : "query cost of " + budget.cost() + " fields";
        return new Refusal(whose + " budget of " + what + " per " + describe(config.window()) + " is spent; retry in "
                + retryAfter + " s", retryAfter);
    }

    private static String describe(Duration window) {
        return window.toSeconds() % 60 == 0 ? window.toMinutes() + " min" : window.toSeconds() + " s";
    }

    /** Once a window, forgets the keys whose window has ended (a new window starts from nothing anyway). */
    private void sweep(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + windowNanos)) {
            spent.values().removeIf(s -> s.ends() <= now);
        }
    }
}
