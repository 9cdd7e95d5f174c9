package org.casebridge.runtime;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * The worker pool's default size: twice the cores the API may use, where Quarkus's default is 200 threads. A request
 * is CPU work between short database round trips; with more threads than that, requests only take turns on the
 * same cores, each finishing later (issue 8: 200 → 4 threads on 2 cores took the list's p99 at concurrency 16 from
 * 86–116 ms to 56 ms). {@code QUARKUS_THREAD_POOL_MAX_THREADS} overrides it, e.g. for a database many milliseconds
 * away.
 */
public class WorkerThreads implements ConfigSource {

    static final String MAX_THREADS = "quarkus.thread-pool.max-threads";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(MAX_THREADS);
    }

    @Override
    public String getValue(String propertyName) {
        if (!MAX_THREADS.equals(propertyName)) {
            return null;
        }
        return String.valueOf(2 * Runtime.getRuntime().availableProcessors());
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(MAX_THREADS, getValue(MAX_THREADS));
    }

    /** Below application.properties (250), system properties and the environment: any of them wins. */
    @Override
    public int getOrdinal() {
        return 200;
    }

    @Override
    public String getName() {
        return "casebridge-worker-threads";
    }
}
