package org.casebridge.access;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.introspection.IntrospectionDataFetcher;
import graphql.schema.DataFetcher;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

/**
 * Introspection ({@code __schema}, {@code __type}) answers authenticated callers only; anonymous callers learn
 * nothing about the schema. The SDL file is behind authentication too (application.properties).
 */
@Singleton // no client proxy between graphql-java and the hooks it calls for every field
@Unremovable // looked up by graphql/InstrumentationInstaller, not injected
public class IntrospectionGuard implements Instrumentation {

    private final CurrentCaller currentCaller;

    public IntrospectionGuard(CurrentCaller currentCaller) {
        this.currentCaller = currentCaller;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!(fetcher instanceof IntrospectionDataFetcher)) {
            return fetcher; // asked first: parameters.getField() builds the field's whole DataFetchingEnvironment
        }
        String field = parameters.getField().getName();
        if (!field.equals("__schema") && !field.equals("__type")) {
            return fetcher;
        }
        return environment -> {
            currentCaller.get();
            return fetcher.get(environment);
        };
    }
}
