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
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;
import jakarta.enterprise.inject.Any;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds Casebridge's instrumentations to the chain SmallRye builds (depth and complexity limits, query cache),
 * keeping SmallRye's: each capability's instrumentation bean first, then {@link ErrorTranslation} last, so
 * that every error any of them produces leaves the API translated.
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
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            List<Instrumentation> chain = new ArrayList<>();
            Object existing = field.get(builder);
            if (existing instanceof ChainedInstrumentation smallRye) {
                chain.addAll(smallRye.getInstrumentations());
            } else if (existing instanceof Instrumentation single) {
                chain.add(single);
            }
            Arc.container().select(Instrumentation.class, Any.Literal.INSTANCE).stream()
                    .filter(i -> !(i instanceof ErrorTranslation)).forEach(chain::add);
            chain.add(Arc.container().select(ErrorTranslation.class).get());
            return builder.instrumentation(new FieldHooksWhereUsed(chain));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot install Casebridge's GraphQL instrumentation", e);
        }
    }

    /**
     * graphql-java's chain calls every member at every field — execution, fetching, completion, each object — and
     * gathers their contexts to call back, even when no member looks at fields: a tenth of a list request's CPU in the
     * benchmark (issue 8). This chain skips the field hooks that no member overrides; everything else is graphql-java's.
     */
    static final class FieldHooksWhereUsed extends ChainedInstrumentation {
        private static final Set<Class<?>> NO_OPS = Set.of(Instrumentation.class, SimpleInstrumentation.class,
                SimplePerformantInstrumentation.class);

        private final boolean fieldExecution;
        private final boolean fieldFetching;
        private final boolean fieldCompletion;
        private final boolean listCompletion;
        private final boolean executeObject;

        FieldHooksWhereUsed(List<Instrumentation> members) {
            super(members);
            Set<String> overridden = members.stream().flatMap(member -> Arrays.stream(member.getClass().getMethods()))
                    .filter(method -> method.getName().startsWith("begin") && !NO_OPS.contains(method.getDeclaringClass()))
                    .map(Method::getName).collect(Collectors.toSet());
            fieldExecution = overridden.contains("beginFieldExecution");
            fieldFetching = overridden.contains("beginFieldFetching") || overridden.contains("beginFieldFetch");
            fieldCompletion = overridden.contains("beginFieldCompletion");
            listCompletion = overridden.contains("beginFieldListCompletion");
            executeObject = overridden.contains("beginExecuteObject");
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
