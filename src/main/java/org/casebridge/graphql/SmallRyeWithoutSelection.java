package org.casebridge.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.SelectedField;
import io.smallrye.graphql.execution.datafetcher.AbstractDataFetcher;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;

import java.util.List;
import java.util.Map;

/**
 * SmallRye's own fetchers (queries, mutations, batched fields) are shown an empty selection set. Before each call
 * SmallRye writes the field's whole sub-selection out as JSON, twice, for {@code Context.getSelectedFields()} — for a
 * page of referrals that is the whole page's tree, 7% of the request's CPU in the benchmark (issue 8) — and no
 * Casebridge resolver asks for it. graphql-java executes with the real selection; only SmallRye's copy is empty.
 *
 * <p>First among Casebridge's instrumentations (graphql/InstrumentationInstaller), so that it sees SmallRye's
 * fetchers before any other wrapper hides them. A fast path ({@link FastPaths}): not installed with the switch off,
 * nor when the schema's query fetchers are not SmallRye's (the installer checks). The empty selection is graphql-java's
 * public {@link DataFetchingFieldSelectionSet} interface, implemented here, not its internal collector.
 */
public final class SmallRyeWithoutSelection extends SimplePerformantInstrumentation {

    static final String NAME = "SmallRyeWithoutSelection";

    /** Selects nothing. */
    static final DataFetchingFieldSelectionSet NONE = new DataFetchingFieldSelectionSet() {
        @Override
        public boolean contains(String fieldGlobPattern) {
            return false;
        }

        @Override
        public boolean containsAnyOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public boolean containsAllOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public List<SelectedField> getFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getImmediateFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getFields(String fieldGlobPattern, String... fieldGlobPatterns) {
            return List.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey() {
            return Map.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey(String fieldGlobPattern, String... fieldGlobPatterns) {
            return Map.of();
        }
    };

    /** Whether graphql-java would hand this fetcher to SmallRye's machinery, which is what this wrapper is for. */
    static boolean isSmallRyes(DataFetcher<?> fetcher) {
        return fetcher instanceof AbstractDataFetcher<?, ?> || fetcher instanceof BatchDataFetcher<?>;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!isSmallRyes(fetcher)) {
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
