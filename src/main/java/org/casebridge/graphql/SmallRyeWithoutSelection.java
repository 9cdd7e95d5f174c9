package org.casebridge.graphql;

import graphql.Scalars;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.DelegatingDataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.AbstractDataFetcher;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;

/**
 * SmallRye's own fetchers (queries, mutations, batched fields) are shown an empty selection set. Before each call
 * SmallRye writes the field's whole sub-selection out as JSON, twice, for {@code Context.getSelectedFields()} — for a
 * page of referrals that is the whole page's tree, 7% of the request's CPU in the benchmark (issue 8) — and no
 * Casebridge resolver asks for it. graphql-java executes with the real selection; only SmallRye's copy is empty.
 *
 * <p>First among Casebridge's instrumentations (graphql/InstrumentationInstaller), so that it sees SmallRye's
 * fetchers before any other wrapper hides them.
 */
public final class SmallRyeWithoutSelection extends SimplePerformantInstrumentation {

    private static final DataFetchingFieldSelectionSet NONE =
            DataFetchingFieldSelectionSetImpl.newCollector(null, Scalars.GraphQLString, () -> null);

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!(fetcher instanceof AbstractDataFetcher<?, ?> || fetcher instanceof BatchDataFetcher<?>)) {
            return fetcher;
        }
        return environment -> fetcher.get(withoutSelection(environment));
    }

    static DataFetchingEnvironment withoutSelection(DataFetchingEnvironment environment) {
        return new DelegatingDataFetchingEnvironment(environment) {
            @Override
            public DataFetchingFieldSelectionSet getSelectionSet() {
                return NONE;
            }
        };
    }
}
