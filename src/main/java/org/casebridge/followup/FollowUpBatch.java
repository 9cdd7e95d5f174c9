package org.casebridge.followup;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The follow-ups read together: a page of them, the follow-ups of a page of cases, or one recorded with its next. A
 * field of one follow-up that asks the consent policy for that follow-up (and is audited for it), such as its
 * {@code safetyAnswers}, reads its rows for all of them at its first call: one statement for the batch, whatever its
 * size, while the policy is asked where the read audit sees it, in the field's own resolver. (A batched
 * {@code @Source List} resolver runs when graphql-java dispatches the batch, outside any one field.)
 */
final class FollowUpBatch {

    private final Set<UUID> followUpIds;
    private final Map<String, Map<UUID, ? extends List<?>>> read = new HashMap<>();

    FollowUpBatch(Set<UUID> followUpIds) {
        this.followUpIds = Set.copyOf(followUpIds);
    }

    /** The rows of {@code what} for one follow-up of the batch, read for the whole batch the first time they are asked for. */
    @SuppressWarnings("unchecked")
    synchronized <V> List<V> rows(String what, UUID followUpId, Function<Collection<UUID>, Map<UUID, List<V>>> readAll) {
        Map<UUID, List<V>> all = (Map<UUID, List<V>>) read.computeIfAbsent(what, w -> readAll.apply(followUpIds));
        return all.getOrDefault(followUpId, List.of());
    }
}
