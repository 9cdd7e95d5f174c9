package org.casebridge.graphql;

import graphql.schema.GraphQLSchema;
import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The schema the running API executes refers to each named type through the one instance its type map holds, for
 * every field, argument, input field, interface, union member and directive argument: otherwise graphql-java refuses
 * correct requests ("objects of type 'AggregateTable' can never be of type 'AggregateTable'").
 */
@QuarkusTest
class ServedSchemaTypesTest {

    @Test
    void everyReferenceIsTheTypeMapsInstance() {
        // a fragment spread on a type reached through a field, and a variable of an input type: what was refused
        Map<String, Object> data = ok(Tokens.of("cw.amani"), """
                query Probe($name: String!) { __type(name: $name) { ...TypeFields } }
                fragment TypeFields on __Type { name fields { name } }""", Map.of("name", "Query")).get("data");
        assertNotNull(data.get("__type"));

        // each of SmallRye's GraphQL builds may be the one kept, and a later build could corrupt an earlier one
        assertFalse(StrictScalars.SERVED.isEmpty(), "StrictScalars handed SmallRye no schema");
        for (GraphQLSchema served : StrictScalars.SERVED) {
            assertEquals(List.of(), SameTypeInstances.strayReferences(served), "references to a second instance of a type");
        }
    }
}
