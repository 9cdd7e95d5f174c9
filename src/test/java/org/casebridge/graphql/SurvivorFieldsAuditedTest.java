package org.casebridge.graphql;

import graphql.Scalars;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.PropertyDataFetcher;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;
import jakarta.inject.Inject;
import org.casebridge.access.InformationCategory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Every sensitive read is audited" holds only while every field that can return survivor information runs Casebridge
 * code — a source method that goes through {@code AccessPolicy.reveal} — because the read audit ({@code access/ReadAudit})
 * leaves trivial fetchers alone: graphql-java's property fetchers, SmallRye's field fetcher and this project's light
 * property reader ({@code PlainFieldFetchers}). The survivor fields are derived from the live schema: a field whose
 * description names a category ("category HEALTH"), and every field returning a type whose description names one while
 * none of its fields does (ConferenceMinutes, ActionPlan, CaseSummary, SurvivorIdentity). None may be served by a trivial fetcher, and each must
 * be a source method of a {@code @GraphQLApi} in SmallRye's model, not a property of a result object.
 */
@QuarkusTest
class SurvivorFieldsAuditedTest {

    /** What the design names as survivor information today: a floor, so that a lost description cannot shrink the list. */
    private static final Set<String> AT_LEAST = Set.of("Case.identity", "Case.summary", "Case.safetyPlan", "Case.incident",
            "Case.healthNotes", "Case.actionPlan", "Referral.note", "Conference.purpose", "Conference.supportsInvited",
            "Conference.survivorInvited", "Conference.minutes", "ConferenceInvitation.attended",
            "ConferenceInvitation.attendees", "ActionItem.description", "ActionItem.completionNote",
            "FollowUp.psychosocialState", "FollowUp.safetyNotes");

    private static final Pattern CATEGORY = Pattern.compile("(?i)\\bcategory\\s+(" + Arrays.stream(InformationCategory.values())
            .map(Enum::name).collect(Collectors.joining("|")) + ")\\b");

    @Inject
    GraphQLSchema schema;

    @Inject
    Schema model;

    @Test
    void noFieldOfASurvivorCategoryIsServedByATrivialFetcher() {
        Set<String> survivorFields = survivorFields(schema);
        assertTrue(survivorFields.containsAll(AT_LEAST), () -> "survivor fields derived from the schema's descriptions: "
                + survivorFields + "; missing " + AT_LEAST.stream().filter(f -> !survivorFields.contains(f)).toList());
        assertEquals(List.of(), violations(schema, this::isSourceMethod),
                "survivor fields that bypass AccessPolicy.reveal and the read audit");
    }

    /** The check itself: a survivor field served by a property fetcher is found, by field and by returned type. */
    @Test
    void aSurvivorFieldReadAsAPropertyIsFound() {
        GraphQLObjectType notes = GraphQLObjectType.newObject().name("Notes").description("Private notes (category HEALTH).")
                .field(f -> f.name("text").type(Scalars.GraphQLString)).build();
        GraphQLObjectType query = GraphQLObjectType.newObject().name("Query")
                .field(f -> f.name("note").description("What was said (category CASE_SUMMARY).").type(Scalars.GraphQLString))
                .field(f -> f.name("notes").type(notes))
                .field(f -> f.name("status").description("Open or closed.").type(Scalars.GraphQLString)).build();
        GraphQLSchema plain = GraphQLSchema.newSchema().query(query).codeRegistry(GraphQLCodeRegistry.newCodeRegistry()
                .dataFetcher(FieldCoordinates.coordinates("Query", "note"), PropertyDataFetcher.fetching("note"))
                .dataFetcher(FieldCoordinates.coordinates("Query", "notes"), (DataFetcher<?>) env -> null).build()).build();

        assertEquals(Set.of("Query.note", "Query.notes"), survivorFields(plain));
        List<String> found = violations(plain, (type, field) -> false);
        assertEquals(2, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("Query.note: served by"), found::toString);
        assertTrue(found.get(1).startsWith("Query.notes: not a source method"), found::toString);
    }

    static Set<String> survivorFields(GraphQLSchema schema) {
        // a type named as a whole: its description names a category and none of its fields does (a type such as
        // Conference names one in its description but gates field by field)
        Set<String> survivorTypes = objectTypes(schema).stream().filter(t -> names(t.getDescription())
                        && t.getFieldDefinitions().stream().noneMatch(f -> names(f.getDescription())))
                .map(GraphQLObjectType::getName).collect(Collectors.toSet());
        Set<String> fields = new TreeSet<>();
        for (GraphQLObjectType type : objectTypes(schema)) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                String returned = GraphQLTypeUtil.unwrapAll(field.getType()).getName();
                if (names(field.getDescription()) || survivorTypes.contains(returned)) {
                    fields.add(type.getName() + "." + field.getName());
                }
            }
        }
        return fields;
    }

    static List<String> violations(GraphQLSchema schema, BiPredicate<String, String> sourceMethod) {
        List<String> violations = new ArrayList<>();
        for (String coordinates : survivorFields(schema)) {
            String[] parts = coordinates.split("\\.");
            GraphQLObjectType type = schema.getObjectType(parts[0]);
            GraphQLFieldDefinition field = type.getFieldDefinition(parts[1]);
            DataFetcher<?> fetcher = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field), field);
            if (fetcher instanceof TrivialDataFetcher<?>) {
                violations.add(coordinates + ": served by " + fetcher.getClass().getName()
                        + ", a trivial fetcher: the read audit skips it, as it does every plain property");
            } else if (!sourceMethod.test(parts[0], parts[1])) {
                violations.add(coordinates + ": not a source method of a @GraphQLApi (" + fetcher.getClass().getName() + ")");
            }
        }
        return violations;
    }

    private boolean isSourceMethod(String typeName, String fieldName) {
        Set<io.smallrye.graphql.schema.model.Operation> root = typeName.equals(schema.getQueryType().getName()) ? model.getQueries()
                : schema.getMutationType() != null && typeName.equals(schema.getMutationType().getName()) ? model.getMutations()
                : schema.getSubscriptionType() != null && typeName.equals(schema.getSubscriptionType().getName())
                ? model.getSubscriptions() : null;
        if (root != null) { // a query, mutation or subscription: a @GraphQLApi method
            return root.stream().anyMatch(operation -> operation.getName().equals(fieldName));
        }
        return model.getTypes().values().stream().filter(t -> t.getName().equals(typeName)).findFirst()
                .map((Type t) -> t.getOperations().containsKey(fieldName) || t.getBatchOperations().containsKey(fieldName))
                .orElse(false);
    }

    private static List<GraphQLObjectType> objectTypes(GraphQLSchema schema) {
        return schema.getAllTypesAsList().stream().filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast)
                .filter(t -> !t.getName().startsWith("__")).toList();
    }

    private static boolean names(String description) {
        return description != null && CATEGORY.matcher(description).find();
    }
}
