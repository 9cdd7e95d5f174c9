package org.casebridge.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;
import jakarta.enterprise.inject.Any;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Adds Casebridge's instrumentations to the chain SmallRye builds (depth and complexity limits, query cache),
 * keeping SmallRye's: {@link SmallRyeWithoutSelection} first, each capability's instrumentation bean, then
 * {@link ErrorTranslation}, so that every error any of them produces leaves the API translated, and last
 * {@link ResultJson}, which hands the finished result to SmallRye's response writer as JSON.
 *
 * <p>A SmallRye {@link EventingService} (META-INF/services) rather than a CDI observer of {@code GraphQL.Builder}:
 * the observer needs {@code quarkus.smallrye-graphql.events.enabled}, which also fires CDI events around every
 * single field fetch — in the benchmark that event resolution was the largest item of the API's own CPU time.
 */
public class InstrumentationInstaller implements EventingService {

    /** No key: SmallRye then always enables this service, so no setting can switch the limits off. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>();
        Object existing = builderField(builder, "instrumentation");
        if (existing instanceof ChainedInstrumentation smallRye) {
            chain.addAll(smallRye.getInstrumentations());
        } else if (existing instanceof Instrumentation single) {
            chain.add(single);
        }
        chain.add(new SmallRyeWithoutSelection());
        Arc.container().select(Instrumentation.class, Any.Literal.INSTANCE).stream()
                .filter(i -> !(i instanceof ErrorTranslation)).forEach(chain::add);
        chain.add(Arc.container().select(ErrorTranslation.class).get());
        chain.add(new ResultJson());
        return builder.instrumentation(new FieldHooksWhereUsed(chain));
    }

    /** What SmallRye has set on graphql-java's builder, which has no getters. */
    static Object builderField(GraphQL.Builder builder, String name) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("graphql-java's GraphQL.Builder no longer has " + name, e);
        }
    }

    /**
     * graphql-java's chain calls every member at every field — execution, fetching, completion, each object — and
     * gathers their contexts to call back, even when no member looks at fields: a tenth of a list request's CPU in the
     * benchmark (issue 8). This chain skips the field hooks that no member overrides, and asks only the members that wrap
     * data fetchers to wrap one; everything else is graphql-java's.
     */
    static final class FieldHooksWhereUsed extends ChainedInstrumentation {
        private static final Set<Class<?>> NO_OPS = Set.of(Instrumentation.class, SimpleInstrumentation.class,
                SimplePerformantInstrumentation.class);
        /** The members' states inside graphql-java's chain state, a private list. */
        private static final MethodHandle MEMBER_STATES = memberStatesGetter();

        private final boolean fieldExecution;
        private final boolean fieldFetching;
        private final boolean fieldCompletion;
        private final boolean listCompletion;
        private final boolean executeObject;
        /** The members that wrap data fetchers, by their place in the chain (and in its state). */
        private final int[] fetcherInstrumenting;

        FieldHooksWhereUsed(List<Instrumentation> members) {
            super(members);
            fieldExecution = anyOverrides(members, "beginFieldExecution");
            fieldFetching = anyOverrides(members, "beginFieldFetching", "beginFieldFetch");
            fieldCompletion = anyOverrides(members, "beginFieldCompletion");
            listCompletion = anyOverrides(members, "beginFieldListCompletion");
            executeObject = anyOverrides(members, "beginExecuteObject");
            fetcherInstrumenting = IntStream.range(0, members.size())
                    .filter(i -> anyOverrides(List.of(members.get(i)), "instrumentDataFetcher")).toArray();
        }

        private static boolean anyOverrides(List<Instrumentation> members, String... hooks) {
            Set<String> names = Set.of(hooks);
            return members.stream().flatMap(member -> Arrays.stream(member.getClass().getMethods()))
                    .anyMatch(method -> names.contains(method.getName()) && !NO_OPS.contains(method.getDeclaringClass()));
        }

        /** graphql-java asks every member to wrap every field's fetcher; only the members that do are asked here. */
        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            for (int i : fetcherInstrumenting) {
                fetcher = instrumentations.get(i).instrumentDataFetcher(fetcher, parameters, memberState(state, i));
            }
            return fetcher;
        }

        private static InstrumentationState memberState(InstrumentationState chainState, int member) {
            try {
                return (InstrumentationState) ((List<?>) MEMBER_STATES.invokeExact((Object) chainState)).get(member);
            } catch (Throwable e) {
                throw new IllegalStateException("Cannot read the state of GraphQL instrumentation " + member, e);
            }
        }

        private static MethodHandle memberStatesGetter() {
            try {
                Field states = Class.forName(ChainedInstrumentation.class.getName() + "$ChainedInstrumentationState")
                        .getDeclaredField("instrumentationStates");
                states.setAccessible(true);
                return MethodHandles.lookup().unreflectGetter(states).asType(MethodType.methodType(List.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("graphql-java's chained instrumentation state has changed", e);
            }
        }

        @Override
        public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
            return fieldExecution ? super.beginFieldExecution(parameters, state) : null;
        }

        @Override
        public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                                                                      InstrumentationState state) {
            return fieldFetching ? super.beginFieldFetching(parameters, state) : null;
        }

        @Override
        public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                   InstrumentationState state) {
            return fieldCompletion ? super.beginFieldCompletion(parameters, state) : null;
        }

        @Override
        public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                       InstrumentationState state) {
            return listCompletion ? super.beginFieldListCompletion(parameters, state) : null;
        }

        @Override
        public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                      InstrumentationState state) {
            return executeObject ? super.beginExecuteObject(parameters, state) : null;
        }
    }
}
