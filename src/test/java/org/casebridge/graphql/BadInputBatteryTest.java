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
            String inputType = named((Map<String, Object>) arg.get("type"));
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
                Object v = value(named(fieldType), kind, depth + 1);
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
    private static String named(Map<String, Object> type) {
        Map<String, Object> t = type;
        while (t.get("name") == null) {
            t = (Map<String, Object>) t.get("ofType");
        }
        return (String) t.get("name");
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
