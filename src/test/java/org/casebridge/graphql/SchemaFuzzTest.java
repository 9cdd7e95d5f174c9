package org.casebridge.graphql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A schema-driven fuzzer: it introspects the live schema and sends every query and mutation arguments generated from
 * their types — wrong types, non-integers for {@code Int}, impossible dates, unknown enum values, missing and unknown
 * input fields, nulls for non-null, overlong and hostile text — as variables and as literals, as several callers, with
 * a fixed seed. No answer may be a 5xx or carry {@code INTERNAL}, and none may name a Java class, a table or SQL. A new
 * operation is covered without editing this test. Bounded in requests and time; it prints how many it sent.
 *
 * <p>Mutations only ever get inputs holding at least one value their types refuse, so nothing is stored (the stored
 * side of bad but well-typed mutation input is {@link BadInputBatteryTest}'s); queries also get well-typed hostile values.
 */
@QuarkusTest
class SchemaFuzzTest {

    static final long SEED = 20261201L;
    /** Rounds over every operation and caller; round 0 alone covers every operation as every caller. */
    static final int ROUNDS = 4;
    static final int MAX_REQUESTS = 3_000;
    static final long MAX_MILLIS = 150_000;
    /** null: no token. */
    static final List<String> CALLERS = java.util.Arrays.asList(null, "cw.amani", "sup.amani", "admin.amani", "pr.stluke",
            "fac.borno", "lead.borno", "auditor");
    static final Set<String> CLEAN = Set.of("VALIDATION_FAILED", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED",
            "CONSENT_REQUIRED", "INVALID_TRANSITION", "CONFLICT", "LIMIT_EXCEEDED");
    /** A Java class (qualified, or the simple names graphql-java's and SmallRye's messages use), a stack trace or SQL. */
    static final Pattern LEAK = Pattern.compile("\\b(java|javax|jakarta|org|io|com|graphql|sun)\\.[a-z_]+\\.|Exception|\\tat |Caused by"
            + "|'(LinkedHashMap|HashMap|ArrayList|Double|Integer|Long|BigDecimal|BigInteger|LocalDate|LocalTime|OffsetDateTime"
            + "|ImmutableCollections|List12|ListN|Map1|MapN)'|\\b(FloatValue|IntValue|StringValue|ObjectValue|ArrayValue|EnumValue"
            + "|BooleanValue|NullValue)\\{|(?i)\\bselect\\b.*\\bfrom\\b|insert into|delete from|sqlstate|postgres|hibernate|jdbc"
            + "|\\brelation \"|\\bcolumn \"");

    /** A value to render bare in a document literal (an enum value), as a string in variables. */
    record Bare(String name) {
    }

    /** A generated value and whether the argument's type refuses it (coercion must fail). */
    record Gen(Object value, boolean refused, boolean omit) {
        static Gen ok(Object value) {
            return new Gen(value, false, false);
        }

        static Gen bad(Object value) {
            return new Gen(value, true, false);
        }
    }

    final Map<String, Map<String, Object>> types = new HashMap<>();
    Random random;

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationAnswersHostileArgumentsWithACodedClientError() {
        JsonPath schema = ok(Tokens.of("cw.amani"), """
                { __schema { queryType { name } mutationType { name }
                  types { name kind fields { name args { name type { ...T } } type { ...T } }
                          inputFields { name type { ...T } } enumValues { name } } } }
                fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }""", null);
        for (Map<String, Object> type : schema.<Map<String, Object>>getList("data.__schema.types")) {
            types.put((String) type.get("name"), type);
        }
        List<Map<String, Object>> queries = (List<Map<String, Object>>) types.get(schema.getString("data.__schema.queryType.name")).get("fields");
        List<Map<String, Object>> mutations = (List<Map<String, Object>>) types.get(schema.getString("data.__schema.mutationType.name")).get("fields");
        Set<String> sqlNames = sqlNames();

        random = new Random(SEED);
        Map<String, String> tokens = new HashMap<>();
        for (String caller : CALLERS) {
            if (caller != null) tokens.put(caller, Tokens.of(caller));
        }
        long start = System.currentTimeMillis();
        int sent = 0;
        Map<String, Integer> codes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Set<String> covered = new java.util.HashSet<>();
        rounds:
        for (int round = 0; round < ROUNDS; round++) {
            for (boolean mutation : new boolean[]{false, true}) {
                for (Map<String, Object> operation : mutation ? mutations : queries) {
                    for (String caller : CALLERS) {
                        if (sent >= MAX_REQUESTS || System.currentTimeMillis() - start > MAX_MILLIS) {
                            break rounds;
                        }
                        boolean literal = random.nextInt(3) == 0;
                        Request request = request(operation, mutation, literal);
                        Response response = post(caller == null ? null : tokens.get(caller), request);
                        sent++;
                        covered.add((String) operation.get("name"));
                        String what = (mutation ? "mutation " : "query ") + operation.get("name") + " as "
                                + (caller == null ? "anonymous" : caller) + ": " + request.document() + " " + request.variables();
                        check(what, response, sqlNames, codes, failures);
                    }
                }
            }
        }
        long millis = System.currentTimeMillis() - start;
        System.out.printf("SchemaFuzzTest: %d requests (%d operations, %d callers, seed %d) in %d ms; codes %s; INTERNAL %d; failures %d%n",
                sent, covered.size(), CALLERS.size(), SEED, millis, codes, codes.getOrDefault("INTERNAL", 0), failures.size());
        failures.stream().limit(40).forEach(f -> System.out.println("  " + f));
        assertEquals(queries.size() + mutations.size(), covered.size(), "every operation was sent");
        assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " bad answers of " + sent);
        assertTrue(sent >= (queries.size() + mutations.size()) * CALLERS.size(), "the fuzzer ran (" + sent + " requests)");
    }

    private static void check(String what, Response response, Set<String> sqlNames, Map<String, Integer> codes, List<String> failures) {
        String body = response.asString();
        String shortBody = body.length() > 600 ? body.substring(0, 600) + "…" : body;
        if (response.statusCode() >= 500) {
            failures.add(what + " → HTTP " + response.statusCode() + " " + shortBody);
            return;
        }
        java.util.regex.Matcher leak = LEAK.matcher(body);
        if (leak.find()) {
            failures.add(what + " → leaks '" + leak.group() + "': " + shortBody);
        }
        String lower = body.toLowerCase();
        String sent = what.toLowerCase();
        for (String name : sqlNames) {
            if (lower.contains(name) && !sent.contains(name)) { // an echo of what the request itself sent is no leak
                failures.add(what + " → names '" + name + "': " + shortBody);
            }
        }
        List<Map<String, Object>> errors;
        try {
            errors = response.jsonPath().getList("errors");
        } catch (RuntimeException e) {
            failures.add(what + " → not JSON: " + shortBody);
            return;
        }
        if (errors == null) {
            return;
        }
        for (Map<String, Object> error : errors) {
            Object extensions = error.get("extensions");
            String code = extensions instanceof Map<?, ?> m ? String.valueOf(m.get("code")) : "none";
            codes.merge(code, 1, Integer::sum);
            if (!CLEAN.contains(code)) {
                failures.add(what + " → " + code + " " + error.get("message"));
            }
        }
    }

    record Request(String document, Map<String, Object> variables) {
    }

    @SuppressWarnings("unchecked")
    private Request request(Map<String, Object> operation, boolean mutation, boolean literal) {
        List<Map<String, Object>> args = (List<Map<String, Object>>) operation.get("args");
        List<Gen> values = new ArrayList<>();
        for (Map<String, Object> arg : args) {
            values.add(argument((Map<String, Object>) arg.get("type")));
        }
        if (mutation && values.stream().noneMatch(Gen::refused) && !args.isEmpty()) {
            int i = random.nextInt(args.size());
            values.set(i, refusedValue((Map<String, Object>) args.get(i).get("type")));
        }
        if (mutation && args.isEmpty()) {
            throw new IllegalStateException("a mutation without arguments: " + operation.get("name"));
        }
        StringBuilder definitions = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            Gen gen = values.get(i);
            if (gen.omit()) {
                continue;
            }
            String name = (String) args.get(i).get("name");
            arguments.append(arguments.isEmpty() ? "" : ", ").append(name).append(": ");
            if (literal) {
                arguments.append(literal(gen.value()));
            } else {
                definitions.append(definitions.isEmpty() ? "(" : ", ").append("$v").append(i).append(": ")
                        .append(typeRef((Map<String, Object>) args.get(i).get("type")));
                arguments.append("$v").append(i);
                variables.put("v" + i, plain(gen.value()));
            }
        }
        if (!definitions.isEmpty()) definitions.append(")");
        String returned = named((Map<String, Object>) operation.get("type"));
        String kind = (String) types.get(returned).get("kind");
        String selection = Set.of("OBJECT", "INTERFACE", "UNION").contains(kind) ? " { __typename }" : "";
        String document = (mutation ? "mutation" : "query") + definitions + " { " + operation.get("name")
                + (arguments.isEmpty() ? "" : "(" + arguments + ")") + selection + " }";
        return new Request(document, variables);
    }

    /** A value for an argument or input field: mostly harmless, often hostile, sometimes missing. */
    @SuppressWarnings("unchecked")
    private Gen argument(Map<String, Object> type) {
        boolean nonNull = "NON_NULL".equals(type.get("kind"));
        int dice = random.nextInt(10);
        if (dice == 0) {
            return nonNull ? new Gen(null, true, true) : new Gen(null, false, true);
        }
        if (dice == 1) {
            return new Gen(null, nonNull, false);
        }
        if (dice <= 4) {
            return refusedValue(type);
        }
        if (dice <= 6) {
            return wellTypedHostile(type);
        }
        return harmless(type);
    }

    @SuppressWarnings("unchecked")
    private Gen refusedValue(Map<String, Object> type) {
        Map<String, Object> inner = "NON_NULL".equals(type.get("kind")) ? (Map<String, Object>) type.get("ofType") : type;
        if ("NON_NULL".equals(type.get("kind")) && random.nextInt(5) == 0) {
            return Gen.bad(null);
        }
        if ("LIST".equals(inner.get("kind"))) {
            Map<String, Object> item = (Map<String, Object>) inner.get("ofType");
            return random.nextBoolean() ? Gen.bad(java.util.Collections.singletonList(refusedValue(item).value())) : Gen.bad(Map.of("not", "a list"));
        }
        String name = (String) inner.get("name");
        Map<String, Object> definition = types.get(name);
        String kind = (String) definition.get("kind");
        if ("INPUT_OBJECT".equals(kind)) {
            return switch (random.nextInt(4)) {
                case 0 -> Gen.bad(pick("an object expected", 12, List.of("x")));
                case 1 -> Gen.bad(withUnknownField(definition));
                default -> inputObject(definition, true);
            };
        }
        if ("ENUM".equals(kind)) {
            return Gen.bad(pick(new Bare("NOT_A_VALUE"), "", 1, Map.of(), new Bare(enumValues(definition).get(0).toLowerCase())));
        }
        return Gen.bad(switch (name) {
            case "Int" -> pick(1.5, -0.5, "12", "twelve", 2_147_483_648L, -2_147_483_649L, 1e20, true, Map.of(), List.of(List.of(1)));
            case "Float" -> pick("1.5", "x", true, Map.of(), List.of(List.of(1.5)));
            case "Boolean" -> pick("true", 1, 0.0, Map.of(), "yes");
            case "String" -> pick(Map.of("not", "a string"), 12, 1.5, true, List.of(List.of("x")));
            case "ID" -> pick(Map.of(), 1.5, true, List.of(List.of("x")));
            case "Date" -> pick("", "2026-13-45", "2026-02-30", "yesterday", 20260101, "2026-01-01T10:00:00Z", "01/02/2026",
                    "+99999-01-01", Map.of(), true);
            case "DateTime" -> pick("", "2026-13-45T00:00:00Z", "2026-01-01", "2026-01-01T25:61:00Z", "2026-01-01T10:00:00",
                    "tomorrow", 1_767_225_600, Map.of(), "2026-01-01T10:00:00+25:00");
            case "Time" -> pick("", "25:61:00", "noon", 12, "10:00:00Z+", Map.of());
            default -> pick(Map.of("unexpected", List.of()), List.of(List.of(true)));
        });
    }

    @SuppressWarnings("unchecked")
    private Gen wellTypedHostile(Map<String, Object> type) {
        Map<String, Object> inner = "NON_NULL".equals(type.get("kind")) ? (Map<String, Object>) type.get("ofType") : type;
        if ("LIST".equals(inner.get("kind"))) {
            Gen item = wellTypedHostile((Map<String, Object>) inner.get("ofType"));
            return new Gen(random.nextBoolean() ? List.of() : java.util.Collections.nCopies(1 + random.nextInt(3), item.value()),
                    item.refused(), false);
        }
        String name = (String) inner.get("name");
        Map<String, Object> definition = types.get(name);
        String kind = (String) definition.get("kind");
        if ("INPUT_OBJECT".equals(kind)) {
            return inputObject(definition, false);
        }
        if ("ENUM".equals(kind)) {
            List<String> values = enumValues(definition);
            return Gen.ok(new Bare(values.get(random.nextInt(values.size()))));
        }
        return Gen.ok(switch (name) {
            case "Int" -> pick(0, -1, 101, 2_147_483_647, -2_147_483_648, 100, 1);
            case "Float" -> pick(-1.0, 0.0, 1e300, -1e300);
            case "Boolean" -> random.nextBoolean();
            case "String" -> pick("", " ", "x".repeat(10_000), "\u0000nul", "Name\u202E\u200B", "' OR '1'='1' --",
                    "\"; drop table x; --", "\uD800", "../../../etc/passwd", "${jndi:ldap://x}", "<script>alert(1)</script>");
            case "ID" -> pick("", "x", "not-a-global-id", GlobalId.encode("Case", new UUID(random.nextLong(), random.nextLong())), Cases.CLINIC_CARE,
                    GlobalId.encode("Referral", new UUID(0, 0)), "x".repeat(5_000), "%%%", "\u0000");
            case "Date" -> pick("1900-01-01", "9999-12-31", "0001-01-01", "2026-02-28", "1970-01-01");
            case "DateTime" -> pick("1900-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", "2026-01-01T10:00:00-12:00",
                    "1970-01-01T00:00:00Z");
            case "Time" -> pick("00:00:00", "23:59:59", "12:00");
            default -> "x";
        });
    }

    @SuppressWarnings("unchecked")
    private Gen harmless(Map<String, Object> type) {
        Map<String, Object> inner = "NON_NULL".equals(type.get("kind")) ? (Map<String, Object>) type.get("ofType") : type;
        if ("LIST".equals(inner.get("kind"))) {
            Gen item = harmless((Map<String, Object>) inner.get("ofType"));
            return new Gen(List.of(item.value()), item.refused(), false);
        }
        String name = (String) inner.get("name");
        Map<String, Object> definition = types.get(name);
        String kind = (String) definition.get("kind");
        if ("INPUT_OBJECT".equals(kind)) {
            return inputObject(definition, false);
        }
        if ("ENUM".equals(kind)) {
            return Gen.ok(new Bare(enumValues(definition).get(0)));
        }
        return Gen.ok(switch (name) {
            case "Int" -> 5;
            case "Float" -> 1.5;
            case "Boolean" -> true;
            case "ID" -> GlobalId.encode("Case", new UUID(random.nextLong(), random.nextLong()));
            case "Date" -> "2026-01-01";
            case "DateTime" -> "2026-01-01T10:00:00Z";
            case "Time" -> "10:00:00";
            default -> "x";
        });
    }

    /** An input object whose fields are generated like arguments; refused: at least one of them is refused. */
    @SuppressWarnings("unchecked")
    private Gen inputObject(Map<String, Object> definition, boolean mustBeRefused) {
        Map<String, Object> object = new LinkedHashMap<>();
        boolean refused = false;
        List<Map<String, Object>> fields = (List<Map<String, Object>>) definition.get("inputFields");
        for (Map<String, Object> field : fields) {
            Map<String, Object> fieldType = (Map<String, Object>) field.get("type");
            Gen gen = depth++ > 3 ? harmless(fieldType) : argument(fieldType);
            depth--;
            refused |= gen.refused();
            if (!gen.omit()) {
                object.put((String) field.get("name"), gen.value());
            }
        }
        if (mustBeRefused && !refused && !fields.isEmpty()) {
            Map<String, Object> field = fields.get(random.nextInt(fields.size()));
            object.put((String) field.get("name"), refusedValue((Map<String, Object>) field.get("type")).value());
            refused = true;
        }
        return new Gen(object, refused, false);
    }

    int depth;

    private Map<String, Object> withUnknownField(Map<String, Object> definition) {
        Map<String, Object> object = new LinkedHashMap<>(inputObject(definition, false).value() instanceof Map<?, ?> m
                ? toStringKeys(m) : Map.of());
        object.put("notAField" + random.nextInt(100), "x");
        return object;
    }

    private static Map<String, Object> toStringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<String> enumValues(Map<String, Object> definition) {
        return ((List<Map<String, Object>>) definition.get("enumValues")).stream().map(v -> (String) v.get("name")).toList();
    }

    private Object pick(Object... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** The value as JSON for the variables: enum values as strings. */
    private static Object plain(Object value) {
        if (value instanceof Bare bare) return bare.name();
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) return list.stream().map(SchemaFuzzTest::plain).collect(Collectors.toList());
        return value;
    }

    /** The value as a GraphQL literal. */
    private static String literal(Object value) {
        if (value == null) return "null";
        if (value instanceof Bare bare) return bare.name().isEmpty() ? "\"\"" : bare.name();
        if (value instanceof String text) return quote(text);
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + literal(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) return list.stream().map(SchemaFuzzTest::literal).collect(Collectors.joining(", ", "[", "]"));
        return String.valueOf(value);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) quoted.append(String.format("\\u%04x", (int) c));
                    else quoted.append(c);
                }
            }
        }
        return quoted.append('"').toString();
    }

    @SuppressWarnings("unchecked")
    /** The type as a variable definition writes it, from introspection. */
    static String typeRef(Map<String, Object> type) {
        return switch ((String) type.get("kind")) {
            case "NON_NULL" -> typeRef((Map<String, Object>) type.get("ofType")) + "!";
            case "LIST" -> "[" + typeRef((Map<String, Object>) type.get("ofType")) + "]";
            default -> (String) type.get("name");
        };
    }

    @SuppressWarnings("unchecked")
    /** The named type under the list and non-null wrappers, from introspection. */
    static String named(Map<String, Object> type) {
        Map<String, Object> t = type;
        while (t.get("name") == null) {
            t = (Map<String, Object>) t.get("ofType");
        }
        return (String) t.get("name");
    }

    private static Response post(String token, Request request) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", request.document());
        body.put("variables", request.variables());
        var spec = RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        return spec.post("/graphql");
    }

    /** Table names and column names with an underscore: words no GraphQL answer uses. */
    private static Set<String> sqlNames() {
        Set<String> names = new java.util.TreeSet<>();
        for (Map<String, Object> row : Db.rows("""
                select table_name as name from information_schema.tables where table_schema = 'public'
                union select column_name from information_schema.columns where table_schema = 'public' and column_name like '%\\_%'""")) {
            names.add(((String) row.get("name")).toLowerCase());
        }
        // single words that are also GraphQL or English words (e.g. a table "referral") say nothing
        names.removeIf(name -> !name.contains("_"));
        return names;
    }
}
