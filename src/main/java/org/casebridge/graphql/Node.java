package org.casebridge.graphql;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** An object that can be refetched on its own with {@code node(id:)}. */
@Interface
@Name("Node")
public interface Node {
    @Id
    @NonNull
    String getId();
}
