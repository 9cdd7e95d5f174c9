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
 */
public class DefaultFieldVisibility implements EventingService {

    /** No key: SmallRye then always enables this service. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        if (!Config.FIELD_VISIBILITY_DEFAULT.equals(Config.get().getFieldVisibility())) {
            return builder;
        }
        GraphQLSchema schema = (GraphQLSchema) InstrumentationInstaller.builderField(builder, "graphQLSchema");
        return builder.schema(schema.transformWithoutTypes(without -> without.codeRegistry(schema.getCodeRegistry()
                .transform(registry -> registry.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY)))));
    }
}
