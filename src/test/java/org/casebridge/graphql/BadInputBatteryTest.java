package org.casebridge.graphql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mutation of the live schema, from the introspected input types, with careless and hostile input: a null
 * input, wrong types, overlong text, control and invisible characters, impossible dates, unknown IDs and IDs of
 * another type — for several roles. Every answer is a clean refusal (never INTERNAL, never a stack trace), a
 * VALIDATION_FAILED names the field, and nothing is stored anywhere.
 */
@QuarkusTest
class BadInputBatteryTest {

    static final List<String> USERS = List.of("cw.amani", "sup.amani", "admin.amani", "fac.borno", "pr.stluke");
    static final Set<String> CLEAN = Set.of("VALIDATION_FAILED", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED");
    static final String ANOTHER_TYPE = Cases.CLINIC_CARE;

    /** A kind of bad input: what to put in a field of a given scalar or enum type, or null to use a harmless value. */
    record Kind(String name, Function<String, Object> bad, boolean fillOptional) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("wrong types", type -> switch (type) {
                case "Int", "Float" -> "twelve";
                case "Boolean" -> "yes";
                case "String", "ID" -> Map.of("not", "a string");
                default -> List.of("NOT_A_VALUE");
            }, false),
            new Kind("overlong text", type -> type.equals("String") ? "x".repeat(9_000) : null, true),
            new Kind("control and invisible characters", type -> type.equals("String") ? "Name\u0000\u202E\u200B" : null, true),
            new Kind("impossible dates", type -> switch (type) {
                case "Date" -> "1900-02-30";
                case "DateTime" -> "1900-01-01T25:61:00Z";
                case "Time" -> "25:61:00";
                default -> null;
            }, true),
            new Kind("a date in 1900", type -> switch (type) {
                case "Date" -> "1900-01-01";
                case "DateTime" -> "1900-01-01T10:00:00Z";
                default -> null;
            }, true),
            new Kind("unknown IDs", type -> type.equals("ID") ? GlobalId.encode("Case", UUID.randomUUID()) : null, false),
            new Kind("IDs of another type", type -> type.equals("ID") ? ANOTHER_TYPE : null, false));

    Map<String, Map<String, Object>> types = new HashMap<>();
    /** Whether the input being built holds at least one of its kind's bad values; otherwise the kind does not apply. */
    boolean applied;

    @Test
    @SuppressWarnings("unchecked")
    void everyMutationRefusesBadInputCleanlyAndStoresNothing() {
        JsonPath schema = ok(Tokens.of("cw.amani"), """
                { __schema { mutationType { fields { name args { name type { ...T } } } }
                  types { name kind inputFields { name type { ...T } } enumValues { name } } } }
                fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { name } } } } }""", null);
        for (Map<String, Object> type : schema.<Map<String, Object>>getList("data.__schema.types")) {
            types.put((String) type.get("name"), type);
        }
        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map<String, Object> mutation : schema.<Map<String, Object>>getList("data.__schema.mutationType.fields")) {
            String name = (String) mutation.get("name");
            Map<String, Object> arg = ((List<Map<String, Object>>) mutation.get("args")).get(0);
            String inputType = SchemaFuzzTest.named((Map<String, Object>) arg.get("type"));
            String document = "mutation($i: " + inputType + "!) { " + name + "(input: $i) { __typename } }";
            List<Map<String, Object>> variants = new ArrayList<>();
            Map<String, Object> nullInput = new HashMap<>();
            nullInput.put("i", null);
            variants.add(nullInput);
            List<String> variantNames = new ArrayList<>(List.of("null input"));
            for (Kind kind : KINDS) {
                applied = false;
                Object input = value(inputType, kind, 0);
                if (applied) {
                    variants.add(Map.of("i", input));
                    variantNames.add(kind.name());
                }
            }
            for (String user : USERS) {
                String token = Tokens.of(user);
                for (int v = 0; v < variants.size(); v++) {
                    String variant = variantNames.get(v);
                    JsonPath answer = call(token, document, variants.get(v));
                    calls++;
                    List<Map<String, Object>> errors = answer.getList("errors");
                    if (errors == null || errors.isEmpty()) {
                        failures.add(name + " as " + user + " with " + variant + ": accepted");
                        continue;
                    }
                    String code = answer.getString("errors[0].extensions.code");
                    if (!CLEAN.contains(code)) {
                        failures.add(name + " as " + user + " with " + variant + ": " + code + " " + answer.getString("errors[0].message"));
                    } else if (code.equals("VALIDATION_FAILED") && answer.getString("errors[0].extensions.field") == null
                            && !answer.getString("errors[0].message").contains("$i")) {
                        failures.add(name + " as " + user + " with " + variant + ": VALIDATION_FAILED without the field: "
                                + answer.getString("errors[0].message"));
                    }
                    String body = answer.prettify();
                    if (body.contains("Exception") || body.contains("\tat ") || body.contains("org.postgresql")) {
                        failures.add(name + " as " + user + " with " + variant + ": leaks internals: " + body);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, rowCounts(), "nothing stored by any refused mutation");
        assertTrue(calls > 1_000, "the battery ran (" + calls + " calls)");
    }

    /** Nothing bad: harmless values, required fields only. */
    static final Kind HARMLESS = new Kind("harmless", type -> null, false);

    /** One list of the live schema's inputs: the operation, its argument, and the input fields leading to the list. */
    record ListPosition(String operation, boolean mutation, String argument, List<String> fields, String item) {
        @Override
        public String toString() {
            return operation + "(" + argument + (fields.isEmpty() ? "" : "." + String.join(".", fields)) + ")";
        }
    }

    /**
     * Review 29, finding 2: a null among a list's items was stored ({@code createService} languages: every directory page
     * with the service then answered INTERNAL) or answered INTERNAL ({@code openCase} needs, {@code recordFollowUp}
     * addNeeds). For every list anywhere in the arguments of every query and mutation of the live schema (no hand list),
     * an otherwise harmless input holding {@code [a valid item, null]} there, as a variable and as a literal, for several
     * roles: each is refused with VALIDATION_FAILED naming the list (or its item type), and nothing is stored.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aNullItemInAnyListOfAnyInputIsRefusedNamingItAndStoresNothing() {
        JsonPath schema = ok(Tokens.of("cw.amani"), """
                { __schema { queryType { name } mutationType { name }
                  types { name kind fields { name args { name type { ...T } } type { ...T } }
                          inputFields { name type { ...T } } enumValues { name } } } }
                fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { name } } } } }""", null);
        for (Map<String, Object> type : schema.<Map<String, Object>>getList("data.__schema.types")) {
            types.put((String) type.get("name"), type);
        }
        List<ListPosition> positions = new ArrayList<>();
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        for (boolean mutation : new boolean[]{false, true}) {
            String root = schema.getString("data.__schema." + (mutation ? "mutation" : "query") + "Type.name");
            for (Map<String, Object> operation : (List<Map<String, Object>>) types.get(root).get("fields")) {
                operations.put((String) operation.get("name"), operation);
                for (Map<String, Object> arg : (List<Map<String, Object>>) operation.get("args")) {
                    Map<String, Object> argType = (Map<String, Object>) arg.get("type");
                    if (isList(argType)) {
                        positions.add(new ListPosition((String) operation.get("name"), mutation, (String) arg.get("name"), List.of(),
                                SchemaFuzzTest.named(argType)));
                    }
                    listsWithin(SchemaFuzzTest.named(argType), new ArrayList<>(), new java.util.HashSet<>(), (fields, item) -> positions.add(
                            new ListPosition((String) operation.get("name"), mutation, (String) arg.get("name"), fields, item)));
                }
            }
        }
        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        for (ListPosition position : positions) {
            Map<String, Object> operation = operations.get(position.operation());
            StringBuilder definitions = new StringBuilder();
            StringBuilder arguments = new StringBuilder();
            StringBuilder literals = new StringBuilder();
            Map<String, Object> variables = new HashMap<>();
            for (Map<String, Object> arg : (List<Map<String, Object>>) operation.get("args")) {
                Map<String, Object> argType = (Map<String, Object>) arg.get("type");
                String name = (String) arg.get("name");
                Object value;
                if (name.equals(position.argument())) {
                    value = position.fields().isEmpty() ? withNull(argType) : along(SchemaFuzzTest.named(argType), position.fields(), 0);
                } else if ("NON_NULL".equals(argType.get("kind"))) {
                    Object harmless = value(SchemaFuzzTest.named(argType), HARMLESS, 0);
                    value = isList(argType) ? List.of(harmless) : harmless;
                } else {
                    continue;
                }
                definitions.append(definitions.isEmpty() ? "(" : ", ").append('$').append(name).append(": ").append(SchemaFuzzTest.typeRef(argType));
                arguments.append(arguments.isEmpty() ? "(" : ", ").append(name).append(": $").append(name);
                literals.append(literals.isEmpty() ? "(" : ", ").append(name).append(": ").append(literal(value, argType));
                variables.put(name, value);
            }
            String kind = position.mutation() ? "mutation" : "query";
            String returned = SchemaFuzzTest.named((Map<String, Object>) operation.get("type"));
            String selection = Set.of("OBJECT", "INTERFACE", "UNION").contains(types.get(returned).get("kind")) ? " { __typename }" : "";
            String asVariables = kind + definitions + (definitions.isEmpty() ? "" : ")") + " { " + position.operation() + arguments
                    + (arguments.isEmpty() ? "" : ")") + selection + " }";
            String asLiteral = kind + " { " + position.operation() + literals + (literals.isEmpty() ? "" : ")") + selection + " }";
            String list = position.fields().isEmpty() ? position.argument() : position.fields().get(position.fields().size() - 1);
            String item = position.item();
            for (String user : USERS) {
                for (boolean asVariable : new boolean[]{true, false}) {
                    JsonPath answer = call(Tokens.of(user), asVariable ? asVariables : asLiteral, asVariable ? variables : Map.of());
                    String what = position + " as " + user + (asVariable ? " (variables " + variables + ")" : " (" + asLiteral + ")");
                    if (answer.get("errors") == null) {
                        failures.add(what + ": accepted");
                        continue;
                    }
                    String code = answer.getString("errors[0].extensions.code");
                    String message = answer.getString("errors[0].message");
                    String field = answer.getString("errors[0].extensions.field");
                    if (!"VALIDATION_FAILED".equals(code)) {
                        failures.add(what + ": " + code + " " + message);
                    } else if (!message.contains(list) && !message.contains("'" + item + "!'") && (field == null || !field.contains(list))) {
                        failures.add(what + ": refused, but not for the null in " + list + ": " + message + " (field " + field + ")");
                    }
                }
            }
        }
        System.out.printf("BadInputBatteryTest: [valid, null] in %d lists of the live schema's inputs, %d callers, 2 forms%n",
                positions.size(), USERS.size());
        assertEquals(List.of(), failures, failures.size() + " answers to a null in a list");
        assertEquals(before, rowCounts(), "nothing stored by any of them");
        assertTrue(positions.size() > 30, "the lists of the live schema were found (" + positions.size() + ")");
    }

    /** Every list among the fields of an input type, at any depth, by the input fields leading to it. */
    @SuppressWarnings("unchecked")
    private void listsWithin(String typeName, List<String> fields, Set<String> onPath,
                             java.util.function.BiConsumer<List<String>, String> found) {
        Map<String, Object> type = types.get(typeName);
        if (!"INPUT_OBJECT".equals(type.get("kind")) || !onPath.add(typeName)) {
            return;
        }
        for (Map<String, Object> field : (List<Map<String, Object>>) type.get("inputFields")) {
            Map<String, Object> fieldType = (Map<String, Object>) field.get("type");
            List<String> path = new ArrayList<>(fields);
            path.add((String) field.get("name"));
            if (isList(fieldType)) {
                found.accept(path, SchemaFuzzTest.named(fieldType));
            }
            listsWithin(SchemaFuzzTest.named(fieldType), path, onPath, found);
        }
        onPath.remove(typeName);
    }

    /** A harmless input of {@code typeName} whose fields lead, by {@code fields}, to a list holding a valid item and a null. */
    @SuppressWarnings("unchecked")
    private Object along(String typeName, List<String> fields, int depth) {
        Map<String, Object> object = (Map<String, Object>) value(typeName, HARMLESS, depth);
        Map<String, Object> field = ((List<Map<String, Object>>) types.get(typeName).get("inputFields")).stream()
                .filter(f -> f.get("name").equals(fields.get(0))).findFirst().orElseThrow();
        Map<String, Object> fieldType = (Map<String, Object>) field.get("type");
        Object inner = fields.size() == 1 ? withNull(fieldType) : along(SchemaFuzzTest.named(fieldType), fields.subList(1, fields.size()), depth + 1);
        object.put(fields.get(0), fields.size() > 1 && isList(fieldType) ? List.of(inner) : inner);
        return object;
    }

    /** {@code [a valid item, null]} for a list type. */
    private Object withNull(Map<String, Object> listType) {
        return java.util.Arrays.asList(value(SchemaFuzzTest.named(listType), HARMLESS, 1), null);
    }

    /** The value as a GraphQL literal of {@code type}: enum values bare, everything else as JSON would write it. */
    @SuppressWarnings("unchecked")
    private String literal(Object value, Map<String, Object> type) {
        if (value == null) return "null";
        Map<String, Object> t = "NON_NULL".equals(type.get("kind")) ? (Map<String, Object>) type.get("ofType") : type;
        if (value instanceof List<?> list) {
            Map<String, Object> item = "LIST".equals(t.get("kind")) ? (Map<String, Object>) t.get("ofType") : t;
            return list.stream().map(v -> literal(v, item)).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        Map<String, Object> definition = types.get(SchemaFuzzTest.named(t));
        if (value instanceof Map<?, ?> map) {
            List<Map<String, Object>> fields = (List<Map<String, Object>>) definition.get("inputFields");
            return map.entrySet().stream().map(e -> e.getKey() + ": " + literal(e.getValue(), fields.stream()
                            .filter(f -> f.get("name").equals(e.getKey())).findFirst().map(f -> (Map<String, Object>) f.get("type")).orElseThrow()))
                    .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        }
        if ("ENUM".equals(definition.get("kind"))) return String.valueOf(value);
        if (value instanceof String text) return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return String.valueOf(value);
    }

    /** A value for a type: the kind's bad value where it has one, otherwise something harmless. */
    @SuppressWarnings("unchecked")
    private Object value(String typeName, Kind kind, int depth) {
        Map<String, Object> type = types.get(typeName);
        String kindOfType = (String) type.get("kind");
        if ("INPUT_OBJECT".equals(kindOfType)) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map<String, Object> field : (List<Map<String, Object>>) type.get("inputFields")) {
                Map<String, Object> fieldType = (Map<String, Object>) field.get("type");
                boolean required = "NON_NULL".equals(fieldType.get("kind"));
                if (!required && !kind.fillOptional() || depth > 3) {
                    continue;
                }
                Object v = value(SchemaFuzzTest.named(fieldType), kind, depth + 1);
                object.put((String) field.get("name"), isList(fieldType) ? List.of(v) : v);
            }
            return object;
        }
        Object bad = kind.bad().apply("ENUM".equals(kindOfType) ? "enum" : typeName);
        if (bad != null) {
            applied = true;
            return bad;
        }
        if ("ENUM".equals(kindOfType)) {
            return ((List<Map<String, Object>>) type.get("enumValues")).get(0).get("name");
        }
        return switch (typeName) {
            case "Int" -> 1;
            case "Float" -> 1.0;
            case "Boolean" -> true;
            case "ID" -> GlobalId.encode("Case", UUID.randomUUID());
            case "Date" -> "2026-01-01";
            case "DateTime" -> "2026-01-01T10:00:00Z";
            case "Time" -> "10:00:00";
            default -> "x";
        };
    }

    @SuppressWarnings("unchecked")
    private static boolean isList(Map<String, Object> type) {
        Map<String, Object> t = type;
        while (t != null && t.get("name") == null) {
            if ("LIST".equals(t.get("kind"))) {
                return true;
            }
            t = (Map<String, Object>) t.get("ofType");
        }
        return false;
    }

    /** Rows of every table but the audit log (refusals are audited) and the migration history. */
    private static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Map<String, Object> table : Db.rows("""
                select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
                and table_name not in ('audit_entry', 'flyway_schema_history')""")) {
            String name = (String) table.get("table_name");
            counts.put(name, Db.count("select count(*) from " + name));
        }
        return counts;
    }
}
