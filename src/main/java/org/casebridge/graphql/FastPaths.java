package org.casebridge.graphql;

import graphql.schema.GraphQLSchema;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one switch over Casebridge's fast paths into SmallRye, graphql-java and Quarkus (README "Performance"):
 * {@code casebridge.graphql.fast-paths} (default {@code true}; {@code CASEBRIDGE_GRAPHQL_FAST_PATHS=false}). Off, every
 * fast path leaves the stock behaviour in place: SmallRye's fetchers, graphql-java's own chain, SmallRye's response
 * writing, OIDC on every request, Quarkus's own shutdown accounting.
 *
 * <p>A fast path that depends on an internal with no supported interface checks at startup, once, that the internal
 * still behaves as it assumes ({@link #selfCheck}); if it does not, one warning names it and the stock behaviour stays —
 * never a failure per request. {@link #status()} tells which are in use (logged at startup, read by FastPathsTest).
 */
public final class FastPaths {

    public static final String SWITCH = "casebridge.graphql.fast-paths";

    private static final Logger LOG = Logger.getLogger(FastPaths.class);
    private static final Map<String, Boolean> IN_USE = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> CHECKED = new ConcurrentHashMap<>();

    private FastPaths() {
    }

    /** The switch, as configured (system property, environment, application.properties). */
    public static boolean enabled() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(SWITCH, Boolean.class).orElse(true);
        } catch (RuntimeException noConfigYet) {
            return Boolean.parseBoolean(System.getProperty(SWITCH, "true"));
        }
    }

    /**
     * Whether the fast path {@code name} is used: only with the switch on and when its self-check holds
     * ({@link #selfCheck}). Recorded for {@link #status()}.
     */
    public static boolean use(String name, Supplier<String> selfCheck) {
        boolean use = enabled() && selfCheck(name, selfCheck);
        IN_USE.put(name, use);
        return use;
    }

    /**
     * Runs the self-check of {@code name} once (later calls answer the same): null from it means the internal behaves as
     * the fast path assumes; anything else (or an exception) is logged once as a warning and answers false.
     */
    public static boolean selfCheck(String name, Supplier<String> selfCheck) {
        return CHECKED.computeIfAbsent(name, n -> {
            String problem;
            try {
                problem = selfCheck.get();
            } catch (RuntimeException | LinkageError e) {
                problem = e.toString();
            }
            if (problem != null) {
                LOG.warnf("Fast path %s is off, the stock behaviour is used instead: %s (README \"Performance\")", n, problem);
                return false;
            }
            return true;
        });
    }

    /** Each fast path checked so far, and whether it is in use. */
    public static Map<String, Boolean> status() {
        return Map.copyOf(IN_USE);
    }

    /**
     * At startup: the self-checks of the fast paths SmallRye only reaches when it builds graphql-java's engine, at the
     * first request, run now (their answers are kept), and one line tells which fast paths are in use.
     */
    @Singleton
    static class AtStartup {
        void check(@Observes StartupEvent startup, Instance<GraphQLSchema> schema) {
            if (enabled()) {
                selfCheck(ResultJson.NAME, ResultJson::selfCheck);
                if (schema.isResolvable()) {
                    selfCheck(SmallRyeWithoutSelection.NAME, () -> InstrumentationInstaller.smallRyeServesQueries(schema.get()));
                }
                LOG.infof("Fast paths (%s): %s", SWITCH, CHECKED);
            } else {
                LOG.infof("%s=false: SmallRye's, graphql-java's and Quarkus's stock behaviour throughout", SWITCH);
            }
        }
    }
}
