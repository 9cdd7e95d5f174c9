package org.casebridge.casefile;

import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public class CaseConnection extends Connection<CaseView, CaseConnection.CaseEdge> {

    public record CaseEdge(@NonNull String cursor, @NonNull CaseView node) implements Edge<CaseView> {
    }

    CaseConnection(PageRequest page, List<CaseView> rows, long totalCount) {
        super(page, rows, c -> PageRequest.TimeAndId.key(c.file().openedAt, c.file().id), c -> c, CaseEdge::new, totalCount);
    }
}
