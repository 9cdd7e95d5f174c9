package org.casebridge.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;
import jakarta.enterprise.inject.Any;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

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
            if (field.get(builder) instanceof Instrumentation existing) {
                chain.add(existing);
            }
            Arc.container().select(Instrumentation.class, Any.Literal.INSTANCE).stream()
                    .filter(i -> !(i instanceof ErrorTranslation)).forEach(chain::add);
            chain.add(Arc.container().select(ErrorTranslation.class).get());
            return builder.instrumentation(new ChainedInstrumentation(chain));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot install Casebridge's GraphQL instrumentation", e);
        }
    }
}
