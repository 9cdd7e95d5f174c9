package org.casebridge.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A batched {@code @Source} field answers one entry per source, in the sources' order (graphql-java pairs them by
 * position): a source named twice gets its group twice, a source with none gets an empty list or null. Without Quarkus.
 */
class BatchOrderTest {

    record Source(String key) {
    }

    private static final List<Source> SOURCES = List.of(new Source("b"), new Source("a"), new Source("none"), new Source("b"));
    private static final Map<String, List<Integer>> GROUPS = Map.of("a", List.of(1, 2), "b", List.of(3), "unasked", List.of(9));

    @Test
    void eachSourceGetsItsGroupInTheSourcesOrderAndEmptyWhereItHasNone() {
        assertEquals(List.of(List.of(3), List.of(1, 2), List.of(), List.of(3)), Rows.inOrderOf(SOURCES, GROUPS, Source::key));
    }

    @Test
    void groupsReadByTheSourcesKeysAreAskedForOnceWithEveryKeyInOrder() {
        List<List<String>> asked = new ArrayList<>();
        List<List<Integer>> answer = Rows.readInOrderOf(SOURCES, Source::key, keys -> {
            asked.add(List.copyOf(keys));
            return GROUPS;
        });
        assertEquals(List.of(List.of("b", "a", "none", "b")), asked);
        assertEquals(List.of(List.of(3), List.of(1, 2), List.of(), List.of(3)), answer);
    }

    @Test
    void aSingleValueFieldAnswersNullForASourceWithNone() {
        assertEquals(Arrays.asList("B", "A", null, "B"), Rows.singleInOrderOf(SOURCES, Map.of("a", "A", "b", "B"), Source::key));
    }
}
