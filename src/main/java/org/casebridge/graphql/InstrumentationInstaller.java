package org.casebridge.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds Casebridge's instrumentations to the chain SmallRye builds (depth and complexity limits, query cache),
 * keeping SmallRye's: each capability's instrumentation bean first, then {@link ErrorTranslation} last, so
 * that every error any of them produces leaves the API translated.
 */
@ApplicationScoped
public class InstrumentationInstaller {

    void install(@Observes GraphQL.Builder builder, @Any Instance<Instrumentation> ours, ErrorTranslation errors) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            List<Instrumentation> chain = new ArrayList<>();
            if (field.get(builder) instanceof Instrumentation existing) {
                chain.add(existing);
            }
            ours.stream().filter(i -> !(i instanceof ErrorTranslation)).forEach(chain::add);
            chain.add(errors);
            builder.instrumentation(new ChainedInstrumentation(chain));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot install Casebridge's GraphQL instrumentation", e);
        }
    }
}
