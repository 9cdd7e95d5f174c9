package org.casebridge.graphql;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * graphql-java matches types by identity: a fragment's type condition, a variable's type against its argument's. A
 * transformed schema that refers to one named type through two instances refuses correct requests ("objects of type
 * 'AggregateTable' can never be of type 'AggregateTable'", "Variable 'period' of type 'ReportingPeriodInput!' used in
 * position expecting type 'ReportingPeriodInput!'"). graphql-java's SchemaTransformer left such a schema in some JVM
 * starts (its traversal order follows identity hashes), so no transformed schema of ours is served without this check.
 */
final class SameTypeInstances {

    private static final Logger LOG = Logger.getLogger(SameTypeInstances.class);

    private SameTypeInstances() {
    }

    /**
     * Every reference to a named type (field and argument types, input fields, interfaces, union members, directive
     * arguments; lists and non-null unwrapped) that is not the instance the type map holds, as "where: Type".
     */
    static List<String> strayReferences(GraphQLSchema schema) {
        Map<String, GraphQLNamedType> types = schema.getTypeMap();
        List<String> strays = new ArrayList<>();
        for (GraphQLNamedType type : types.values()) {
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    String where = type.getName() + "." + field.getName();
                    check(types, where, field.getType(), strays);
                    field.getArguments().forEach(argument -> checkArgument(types, where, argument, strays));
                }
            }
            if (type instanceof GraphQLImplementingType implementing) {
                implementing.getInterfaces().forEach(i -> check(types, type.getName() + " implements", i, strays));
            }
            if (type instanceof GraphQLUnionType union) {
                union.getTypes().forEach(member -> check(types, type.getName() + " member", member, strays));
            }
            if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().forEach(field -> check(types, type.getName() + "." + field.getName(), field.getType(), strays));
            }
        }
        for (GraphQLDirective directive : schema.getDirectives()) {
            directive.getArguments().forEach(argument -> checkArgument(types, "@" + directive.getName(), argument, strays));
        }
        return strays;
    }

    /**
     * The transformed schema when every reference is the type map's instance. Otherwise one warning naming the
     * transformation and the first strays, and the schema it started from (stock behaviour), built again: the
     * transformation may have re-pointed references the two share, and a build resolves each type reference to its own
     * type map's instance. Never a schema that still holds strays: startup fails instead, naming them.
     */
    static GraphQLSchema servable(GraphQLSchema transformed, GraphQLSchema untransformed, String transformation) {
        List<String> strays = strayReferences(transformed);
        if (strays.isEmpty()) {
            return transformed;
        }
        LOG.warnf("%s produced a schema that refers to %d named type(s) through a second instance (e.g. %s); "
                + "it is not served, the schema stays as it was before %s", transformation, strays.size(),
                first(strays), transformation);
        GraphQLSchema stock = untransformed.transform(builder -> { });
        List<String> stockStrays = strayReferences(stock);
        if (!stockStrays.isEmpty()) {
            throw new IllegalStateException("The GraphQL schema refers to named types through a second instance, "
                    + "which graphql-java would refuse correct requests for: " + first(stockStrays));
        }
        return stock;
    }

    private static List<String> first(List<String> strays) {
        return strays.subList(0, Math.min(5, strays.size()));
    }

    private static void checkArgument(Map<String, GraphQLNamedType> types, String where, GraphQLArgument argument, List<String> strays) {
        check(types, where + "(" + argument.getName() + ":)", argument.getType(), strays);
    }

    private static void check(Map<String, GraphQLNamedType> types, String where, GraphQLType reference, List<String> strays) {
        GraphQLNamedType named = GraphQLTypeUtil.unwrapAll(reference);
        if (types.get(named.getName()) != named) {
            strays.add(where + ": " + named.getName());
        }
    }
}
