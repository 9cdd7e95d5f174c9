package org.casebridge.runtime;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * The worker pool's default size: twice the cores the API may use, at least four, where Quarkus's default is 200
 * threads. A request is CPU work between short database round trips; with more threads than that, requests only take
 * turns on the same cores, each finishing later and costing more CPU in switches (issue 8, 2 cores: 200 threads
 * gave the list's p99 at concurrency 16 86–116 ms, 8 threads 47–67 ms, 4 threads 36–56 ms). The floor keeps a
 * one-core pod (k8s/) answering while an aggregate waits on the database. {@code QUARKUS_THREAD_POOL_MAX_THREADS}
 * overrides it, e.g. for a database many milliseconds away.
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
        return String.valueOf(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
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
