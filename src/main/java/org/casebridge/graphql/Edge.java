package org.casebridge.graphql;

/** An edge of a {@link Connection}: each list declares its own record ({@code ServiceEdge}) for its schema name. */
public interface Edge<N> {
    String cursor();

    N node();
}
