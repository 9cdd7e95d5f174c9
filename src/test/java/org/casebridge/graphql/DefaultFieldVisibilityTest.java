package org.casebridge.graphql;

import graphql.GraphQL;
import graphql.Scalars;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.BlockedFields;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The schema SmallRye hands over with the unset setting read as a blocking pattern is served with the default. */
class DefaultFieldVisibilityTest {

    @Test
    void theUnsetSettingGivesGraphqlJavasDefaultVisibilityAndTheSameAnswers() {
        GraphQLObjectType query = GraphQLObjectType.newObject().name("Query")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("greeting").type(Scalars.GraphQLString))
                .build();
        GraphQLSchema asSmallRyeBuildsIt = GraphQLSchema.newSchema().query(query)
                .codeRegistry(GraphQLCodeRegistry.newCodeRegistry()
                        .dataFetcher(FieldCoordinates.coordinates("Query", "greeting"),
                                (DataFetcher<String>) env -> "hello")
                        .fieldVisibility(BlockedFields.newBlock().addPattern("default").build()).build())
                .build();

        GraphQL graphQL = DefaultFieldVisibility.withDefaultVisibility(GraphQL.newGraphQL(asSmallRyeBuildsIt)).build();

        assertSame(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY,
                graphQL.getGraphQLSchema().getCodeRegistry().getFieldVisibility());
        assertSame(query, graphQL.getGraphQLSchema().getQueryType());
        Map<String, Object> data = graphQL.execute("{ greeting }").getData();
        assertEquals(Map.of("greeting", "hello"), data);
        assertInstanceOf(BlockedFields.class, asSmallRyeBuildsIt.getCodeRegistry().getFieldVisibility());
    }
}
