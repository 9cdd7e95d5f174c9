package org.casebridge.health;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker pool is sized by the cores (runtime/WorkerThreads), not Quarkus's 200 threads. */
@QuarkusTest
class WorkerThreadsTest {

    @Test
    void theWorkerPoolHasTwoThreadsPerCoreAndAtLeastFour() {
        int cores = Runtime.getRuntime().availableProcessors();
        int expected = Math.max(4, 2 * cores);
        assertEquals(expected, ConfigProvider.getConfig().getValue("quarkus.thread-pool.max-threads", Integer.class));
        long workers = Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(thread -> thread.getThreadName().startsWith("executor-thread-")).count();
        assertTrue(workers <= expected, workers + " worker threads on " + cores + " cores");
    }
}
