package org.casebridge.graphql;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeReference;
import graphql.schema.GraphQLUnionType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static graphql.schema.GraphQLTypeReference.typeRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** No schema transformed by StrictScalars refers to a named type through an instance other than the type map's. */
class SameTypeInstancesTest {

    /**
     * Schemas shaped as SmallRye builds them (every reference a type reference, cycles through an interface and a
     * union, Int arguments and input fields to make strict), with the additional types in many orders.
     */
    @Test
    void strictScalarsNeverServesTwoInstancesOfOneType() {
        Random random = new Random(27);
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < 200; run++) {
            GraphQLSchema schema = cyclicSchema(random);
            GraphQLSchema strict = StrictScalars.strict(schema);
            List<String> strays = SameTypeInstances.strayReferences(strict);
            if (!strays.isEmpty()) {
                failures.add("run " + run + ": " + strays);
            }
            assertEquals(List.of(), SameTypeInstances.strayReferences(SameTypeInstances.servable(strict, schema, "test")));
        }
        assertEquals(List.of(), failures, "transformed schemas holding two instances of one type");
    }

    /**
     * graphql-java resolves type references in place, and a transformed schema shares what the transformation did not
     * change with the schema it started from; building the original again (each build of SmallRye's GraphQL runs
     * StrictScalars on the same schema) re-points those shared references at the new build's instances.
     */
    @Test
    void aStrictSchemaStaysConsistentWhenItsOriginalIsTransformedAgain() {
        Random random = new Random(72);
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < 50; run++) {
            GraphQLSchema schema = cyclicSchema(random);
            GraphQLSchema strict = StrictScalars.strict(schema);
            StrictScalars.strict(schema);
            List<String> strays = SameTypeInstances.strayReferences(strict);
            if (!strays.isEmpty()) {
                failures.add("run " + run + ": " + strays);
            }
        }
        assertEquals(List.of(), failures, "strict schemas holding two instances of one type once their original was transformed again");
    }

    /**
     * The check finds a field whose type is a second instance of a type, and such a schema is not served. graphql-java
     * resolves a type reference by setting the field's type in place, so a field shared by two schemas (as a
     * transformation shares what it did not change) ends up pointing at the second schema's instance.
     */
    @Test
    void aSecondInstanceOfATypeIsFoundAndNotServed() {
        GraphQLObjectType table = GraphQLObjectType.newObject().name("AggregateTable")
                .field(f -> f.name("rows").type(Scalars.GraphQLInt)).build();
        GraphQLObjectType query = GraphQLObjectType.newObject().name("Query")
                .field(f -> f.name("needs").type(typeRef("AggregateTable"))).build();
        GraphQLSchema first = GraphQLSchema.newSchema().query(query).additionalType(table).build();
        assertEquals(List.of(), SameTypeInstances.strayReferences(first));

        GraphQLObjectType secondTable = table.transform(b -> b.description("a copy"));
        GraphQLSchema second = GraphQLSchema.newSchema().query(query).additionalType(secondTable).build();

        assertEquals(List.of(), SameTypeInstances.strayReferences(second));
        assertEquals(List.of("Query.needs: AggregateTable"), SameTypeInstances.strayReferences(first));
        assertSame(second, SameTypeInstances.servable(second, first, "test"));
        GraphQLSchema stock = SameTypeInstances.servable(first, first, "test");
        assertEquals(List.of(), SameTypeInstances.strayReferences(stock));
        assertSame(table, stock.getType("AggregateTable"));
    }

    private static GraphQLSchema cyclicSchema(Random random) {
        List<GraphQLNamedType> additional = new ArrayList<>();
        GraphQLInterfaceType node = GraphQLInterfaceType.newInterface().name("Node")
                .field(f -> f.name("id").type(GraphQLNonNull.nonNull(Scalars.GraphQLID))).build();
        additional.add(node);
        GraphQLInputObjectType period = GraphQLInputObjectType.newInputObject().name("ReportingPeriodInput")
                .field(f -> f.name("month").type(GraphQLNonNull.nonNull(Scalars.GraphQLInt)))
                .field(f -> f.name("year").type(GraphQLNonNull.nonNull(typeRef("Int")))).build();
        additional.add(period);
        int count = 6 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String next = "T" + ((i + 1) % count);
            String other = "T" + random.nextInt(count);
            GraphQLObjectType.Builder type = GraphQLObjectType.newObject().name("T" + i).withInterface(typeRef("Node"))
                    .field(f -> f.name("id").type(GraphQLNonNull.nonNull(Scalars.GraphQLID)))
                    .field(f -> f.name("next").type(typeRef(next)))
                    .field(f -> f.name("others").type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(typeRef(other)))))
                            .argument(GraphQLArgument.newArgument().name("first").type(Scalars.GraphQLInt))
                            .argument(GraphQLArgument.newArgument().name("period").type(GraphQLNonNull.nonNull(typeRef("ReportingPeriodInput")))))
                    .field(f -> f.name("entry").type(typeRef("Entry")));
            additional.add(type.build());
        }
        additional.add(GraphQLUnionType.newUnionType().name("Entry")
                .possibleTypes(typeRef("T0"), typeRef("T" + (count - 1))).build());
        additional.add(GraphQLObjectType.newObject().name("Plain").description("nothing strict: left as it is")
                .field(f -> f.name("text").type(Scalars.GraphQLString))
                .field(f -> f.name("t0").type(typeRef("T0")))
                .field(f -> f.name("period").type(Scalars.GraphQLString)
                        .argument(GraphQLArgument.newArgument().name("period").type(typeRef("ReportingPeriodInput"))))
                .build());
        Collections.shuffle(additional, random);
        GraphQLObjectType query = GraphQLObjectType.newObject().name("Query")
                .field(f -> f.name("t0").type(typeRef("T0")).argument(GraphQLArgument.newArgument().name("period")
                        .type(GraphQLNonNull.nonNull(typeRef("ReportingPeriodInput")))))
                .field(f -> f.name("plain").type(typeRef("Plain")))
                .field(f -> f.name("node").type(typeRef("Node"))
                        .argument(GraphQLArgument.newArgument().name("id").type(GraphQLNonNull.nonNull(Scalars.GraphQLID))))
                .build();
        GraphQLCodeRegistry.Builder codes = GraphQLCodeRegistry.newCodeRegistry()
                .typeResolver("Node", env -> env.getSchema().getObjectType("T0"))
                .typeResolver("Entry", env -> env.getSchema().getObjectType("T0"));
        return GraphQLSchema.newSchema().query(query).additionalTypes(Set.copyOf(additional)).codeRegistry(codes.build()).build();
    }
}
