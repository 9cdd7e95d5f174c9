package org.casebridge.graphql;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * How {@code node(id:)} refetches one type of {@link Node}: each capability produces one per type it owns.
 * The load answers empty when the node does not exist or the caller may not see it: both are {@code NOT_FOUND}.
 */
public record NodeLoader(String type, Function<UUID, Optional<? extends Node>> load) {
}
