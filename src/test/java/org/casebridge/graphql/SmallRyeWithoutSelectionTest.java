package org.casebridge.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.GraphQLObjectType;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.schema.model.Execute;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.OperationType;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SmallRye's fetchers see no selection, and everything else of the environment; other fetchers are left alone. */
class SmallRyeWithoutSelectionTest {

    @Test
    void smallRyesFetchersSeeAnEmptySelectionAndTheRestOfTheEnvironment() {
        DataFetchingEnvironment environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .source("a referral").arguments(Map.of("first", 20)).build();
        DataFetchingEnvironment shown = SmallRyeWithoutSelection.withoutSelection(environment);

        DataFetchingFieldSelectionSet selection = shown.getSelectionSet();
        assertEquals(List.of(), selection.getFields());
        assertTrue(selection.getImmediateFields().isEmpty());
        assertEquals("a referral", shown.getSource());
        assertEquals(20, (int) shown.getArgument("first"));
    }

    @Test
    void onlySmallRyesFetchersAreWrappedAndTheySeeNoSelection() throws Exception {
        SmallRyeWithoutSelection instrumentation = new SmallRyeWithoutSelection();
        DataFetcher<?> ours = environment -> "plain";
        assertSame(ours, instrumentation.instrumentDataFetcher(ours, null, null));

        Reference list = new Reference();
        list.setClassName(List.class.getName());
        Operation batch = new Operation("org.casebridge.referral.ReferralApi", "history", "history", "history", list,
                OperationType.QUERY, Execute.DEFAULT);
        Reference referral = new Reference();
        referral.setName("Referral");
        batch.setSourceFieldOn(referral);
        List<DataFetchingEnvironment> seen = new ArrayList<>();
        DataFetcher<?> smallRyes = new BatchDataFetcher<>(batch, new Type()) {
            @Override
            public Object get(DataFetchingEnvironment environment) {
                seen.add(environment);
                return null;
            }
        };
        DataFetchingFieldSelectionSet selection = DataFetchingFieldSelectionSetImpl.newCollector(null,
                GraphQLObjectType.newObject().name("Referral").build(), () -> null);
        DataFetchingEnvironment environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .source("a referral").selectionSet(selection).build();

        instrumentation.instrumentDataFetcher(smallRyes, null, null).get(environment);

        assertEquals(1, seen.size());
        assertNotSame(selection, seen.get(0).getSelectionSet());
        assertEquals(List.of(), seen.get(0).getSelectionSet().getFields());
        assertEquals("a referral", seen.get(0).getSource());
    }
}
