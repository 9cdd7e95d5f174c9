package org.casebridge.graphql;

public record PageInfo(boolean hasNextPage, String endCursor) {
}
