package org.casebridge.health;

import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.support.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker pool is sized by the cores (runtime/WorkerThreads), not Quarkus's 200 threads. */
@QuarkusTest
class WorkerThreadsTest {

    @Test
    void theWorkerPoolHasTwoThreadsPerCoreAndAtLeastFour() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int expected = Math.max(4, 2 * cores);
        assertEquals(expected, ConfigProvider.getConfig().getValue("quarkus.thread-pool.max-threads", Integer.class));

        // four times as many requests at once as the pool may have threads: Quarkus's default pool would grow for them
        String token = Tokens.of("pr.stluke");
        ExecutorService clients = Executors.newFixedThreadPool(4 * expected);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 4 * expected * 5).<Callable<Integer>>mapToObj(i ->
                    () -> ok(token, "{ agencies(first: 5) { edges { node { code } } } }", null).getList("data.agencies.edges").size())
                    .toList();
            for (Future<Integer> answer : clients.invokeAll(calls)) {
                assertEquals(5, answer.get());
            }
        } finally {
            clients.shutdownNow();
        }
        long workers = Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(thread -> thread.getThreadName().startsWith("executor-thread-")).count();
        assertTrue(workers <= expected, workers + " worker threads on " + cores + " cores");
    }
}
