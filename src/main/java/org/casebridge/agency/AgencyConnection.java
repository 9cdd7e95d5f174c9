package org.casebridge.agency;

import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public class AgencyConnection extends Connection<AgencyNode, AgencyConnection.AgencyEdge> {

    public record AgencyEdge(@NonNull String cursor, @NonNull AgencyNode node) implements Edge<AgencyNode> {
    }

    AgencyConnection(PageRequest page, List<Agency> rows, long totalCount) {
        super(page, rows, a -> a.id.toString(), AgencyNode::of, AgencyEdge::new, totalCount);
    }
}
