package org.casebridge.agency;

import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public class ServiceConnection extends Connection<ServiceNode, ServiceConnection.ServiceEdge> {

    public record ServiceEdge(@NonNull String cursor, @NonNull ServiceNode node) implements Edge<ServiceNode> {
    }

    ServiceConnection(PageRequest page, List<ServiceOffering> rows, long totalCount) {
        super(page, rows, s -> s.id.toString(), ServiceNode::of, ServiceEdge::new, totalCount);
    }
}
