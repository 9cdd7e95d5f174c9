package org.casebridge.insight;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.LocalDate;

@GraphQLApi
public class InsightApi {

    private final InsightService insight;

    public InsightApi(InsightService insight) {
        this.insight = insight;
    }

    @Query
    @Description("State leads: supervision observation ratings per area for the state (default: yours), disclosure-controlled.")
    public AggregateTable supervisionRatings(String state, @NonNull LocalDate from, @NonNull LocalDate to) {
        return insight.supervisionRatings(state, from, to);
    }
}
