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
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;
import jakarta.enterprise.inject.Any;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Adds Casebridge's instrumentations to the chain SmallRye builds (depth and complexity limits, query cache),
 * keeping SmallRye's: {@link SmallRyeWithoutSelection} first, each capability's instrumentation bean, then
 * {@link ErrorTranslation}, so that every error any of them produces leaves the API translated, and last
 * {@link ResultJson}, which hands the finished result to SmallRye's response writer as JSON.
 *
 * <p>A SmallRye {@link EventingService} (META-INF/services) rather than a CDI observer of {@code GraphQL.Builder}:
 * the observer needs {@code quarkus.smallrye-graphql.events.enabled}, which also fires CDI events around every
 * single field fetch — in the benchmark that event resolution was the largest item of the API's own CPU time.
 * What SmallRye has set on graphql-java's builder (which has no getters) is read from a {@link GraphQL} built from it,
 * through graphql-java's public getters.
 *
 * <p>Fast paths ({@link FastPaths}): {@link SmallRyeWithoutSelection}, {@link ResultJson} and {@link FieldHooksWhereUsed}.
 * With {@code casebridge.graphql.fast-paths=false} the chain is graphql-java's own {@link ChainedInstrumentation} of
 * SmallRye's members and Casebridge's functional ones (limits, gate, audit, error translation) only.
 */
public class InstrumentationInstaller implements EventingService {

    static final String FIELD_HOOKS = "FieldHooksWhereUsed";

    /** The instrumentation last installed, for FastPathsTest. */
    static volatile Instrumentation installed;

    /** No key: SmallRye then always enables this service, so no setting can switch the limits off. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GraphQL smallRyes = builder.build();
        List<Instrumentation> chain = new ArrayList<>();
        Instrumentation existing = smallRyes.getInstrumentation();
        if (existing instanceof ChainedInstrumentation smallRye) {
            chain.addAll(smallRye.getInstrumentations());
        } else if (existing != null && existing != SimplePerformantInstrumentation.INSTANCE) {
            chain.add(existing);
        }
        GraphQLSchema schema = smallRyes.getGraphQLSchema();
        if (FastPaths.use(SmallRyeWithoutSelection.NAME, () -> smallRyeServesQueries(schema))) {
            chain.add(new SmallRyeWithoutSelection());
        }
        Arc.container().select(Instrumentation.class, Any.Literal.INSTANCE).stream()
                .filter(i -> !(i instanceof ErrorTranslation)).forEach(chain::add);
        chain.add(Arc.container().select(ErrorTranslation.class).get());
        if (FastPaths.use(ResultJson.NAME, ResultJson::selfCheck)) {
            chain.add(new ResultJson());
        }
        Instrumentation instrumentation = FastPaths.use(FIELD_HOOKS, () -> null)
                ? new FieldHooksWhereUsed(chain) : new ChainedInstrumentation(chain);
        installed = instrumentation;
        return builder.instrumentation(instrumentation);
    }

    /** Null when SmallRye's own fetchers serve the root query fields, which is what SmallRyeWithoutSelection wraps. */
    static String smallRyeServesQueries(GraphQLSchema schema) {
        GraphQLObjectType query = schema.getQueryType();
        boolean any = query.getFieldDefinitions().stream().anyMatch(field -> SmallRyeWithoutSelection.isSmallRyes(
                schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(query, field), field)));
        return any ? null : "no query field is served by SmallRye's AbstractDataFetcher any more, so there is nothing to spare";
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

        private final boolean fieldExecution;
        private final boolean fieldFetching;
        private final boolean fieldCompletion;
        private final boolean listCompletion;
        private final boolean executeObject;
        /** The members that wrap data fetchers. */
        private final Instrumentation[] fetcherInstrumenting;

        FieldHooksWhereUsed(List<Instrumentation> members) {
            super(members);
            fieldExecution = anyOverrides(members, "beginFieldExecution");
            fieldFetching = anyOverrides(members, "beginFieldFetching", "beginFieldFetch");
            fieldCompletion = anyOverrides(members, "beginFieldCompletion");
            listCompletion = anyOverrides(members, "beginFieldListCompletion");
            executeObject = anyOverrides(members, "beginExecuteObject");
            fetcherInstrumenting = members.stream().filter(member -> anyOverrides(List.of(member), "instrumentDataFetcher"))
                    .toArray(Instrumentation[]::new);
        }

        private static boolean anyOverrides(List<Instrumentation> members, String... hooks) {
            Set<String> names = Set.of(hooks);
            return members.stream().flatMap(member -> Arrays.stream(member.getClass().getMethods()))
                    .anyMatch(method -> names.contains(method.getName()) && !NO_OPS.contains(method.getDeclaringClass()));
        }

        /**
         * graphql-java asks every member to wrap every field's fetcher; only the members that do are asked here, each
         * with its own state, through the chain's protected {@code chainedConsume} (graphql-java's supported way to
         * reach the members' states).
         */
        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            if (fetcherInstrumenting.length == 0) {
                return fetcher;
            }
            DataFetcher<?>[] wrapped = {fetcher};
            chainedConsume(state, (member, memberState) -> {
                for (Instrumentation wrapping : fetcherInstrumenting) {
                    if (wrapping == member) {
                        wrapped[0] = member.instrumentDataFetcher(wrapped[0], parameters, memberState);
                        return;
                    }
                }
            });
            return wrapped[0];
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
