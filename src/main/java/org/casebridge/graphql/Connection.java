package org.casebridge.graphql;

import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A Relay connection page. Concrete subclasses give each list its schema name ({@code ServiceConnection},
 * {@code ServiceEdge}). Pages are keyset pages: the cursor is the opaque sort key of the edge, so rows
 * inserted while a client pages never make it see an item twice or skip one.
 */
public abstract class Connection<N, E extends Edge<N>> {

    private final List<E> edges;
    private final PageInfo pageInfo;
    private final int totalCount;

    protected <R> Connection(PageRequest page, List<R> rowsPlusOne, Function<R, String> sortKey,
                             Function<R, N> toNode, BiFunction<String, N, E> toEdge, long totalCount) {
        boolean hasNext = rowsPlusOne.size() > page.first();
        List<R> rows = hasNext ? rowsPlusOne.subList(0, page.first()) : rowsPlusOne;
        this.edges = rows.stream().map(r -> toEdge.apply(PageRequest.cursor(sortKey.apply(r)), toNode.apply(r))).toList();
        this.pageInfo = new PageInfo(hasNext, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        this.totalCount = Math.toIntExact(totalCount);
    }

    @NonNull
    public List<@NonNull E> getEdges() {
        return edges;
    }

    @NonNull
    public PageInfo getPageInfo() {
        return pageInfo;
    }

    public int getTotalCount() {
        return totalCount;
    }
}
