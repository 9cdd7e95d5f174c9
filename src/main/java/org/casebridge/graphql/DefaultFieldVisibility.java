package org.casebridge.graphql;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;

/**
 * SmallRye reads the unset field visibility ({@code "default"}) as a list of one pattern to block, so graphql-java
 * matched a regular expression against "Type.field" at every field of every response without ever blocking one:
 * 2% of a list request's CPU in the benchmark (issue 8). With the setting at its default, the schema in use gets
 * graphql-java's own default visibility; any other setting (patterns, {@code no-introspection}) stays SmallRye's.
 * Only graphql-java's public API: the schema is read from a {@link GraphQL} built from the builder.
 *
 * <p>A fast path ({@link FastPaths}): with {@code casebridge.graphql.fast-paths=false} SmallRye's visibility stays.
 */
public class DefaultFieldVisibility implements EventingService {

    /** No key: SmallRye then always enables this service. */
    @Override
    public String getConfigKey() {
        return null;
    }

    static final String NAME = "DefaultFieldVisibility";

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        if (!Config.FIELD_VISIBILITY_DEFAULT.equals(Config.get().getFieldVisibility()) || !FastPaths.use(NAME, () -> null)) {
            return builder;
        }
        return withDefaultVisibility(builder);
    }

    static GraphQL.Builder withDefaultVisibility(GraphQL.Builder builder) {
        GraphQLSchema schema = builder.build().getGraphQLSchema();
        GraphQLSchema withDefault = schema.transformWithoutTypes(without -> without.codeRegistry(schema.getCodeRegistry()
                .transform(registry -> registry.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY))));
        return builder.schema(SameTypeInstances.servable(withDefault, schema, NAME));
    }
}
