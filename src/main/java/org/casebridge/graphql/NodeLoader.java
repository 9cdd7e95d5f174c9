package org.casebridge.graphql;

import java.util.Optional;
import java.util.UUID;

/** Each capability registers one loader per {@link Node} type so that {@code node(id:)} can refetch it. */
public interface NodeLoader {

    /** The type prefix of the global IDs this loader resolves. */
    String type();

    /** The node, or empty when it does not exist or the caller may not see it: both answer {@code NOT_FOUND}. */
    Optional<? extends Node> load(UUID id);
}
