package org.casebridge.access;

import org.casebridge.support.GraphQLClient;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The live schema, read by introspection, and a generator of queries over it: for every root Query field a
 * selection of every field reachable to a depth (a type is not re-entered along one path, except connection, edge
 * and page-info types), with {@code __typename} and {@code id} wherever an object has them, arguments filled from
 * the fixture's ids and generated values, and split into several documents where one would pass the server's
 * complexity limit. Nothing here names a field of the schema except the generic conventions (connections,
 * {@code first}, {@code id}/{@code xxxId} arguments), so new fields are covered without editing the walk.
 */
final class SchemaWalk {

    static final String INTROSPECTION = """
            query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
              types { kind name
                fields(includeDeprecated: true) { name args { name type { ...T } defaultValue } type { ...T } }
                inputFields { name type { ...T } defaultValue }
                interfaces { name } enumValues(includeDeprecated: true) { name } possibleTypes { name } } } }
            fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
              ofType { kind name ofType { name kind } } } } } } }""";

    record TypeRef(String kind, String name, TypeRef ofType) {
        String named() {
            return name != null ? name : ofType.named();
        }

        boolean nonNull() {
            return "NON_NULL".equals(kind);
        }

        boolean list() {
            TypeRef t = this;
            while (t != null) {
                if ("LIST".equals(t.kind)) return true;
                t = t.ofType;
            }
            return false;
        }
    }

    record Arg(String name, TypeRef type, Object defaultValue) {
    }

    record Field(String name, TypeRef type, List<Arg> args) {
    }

    record Type(String kind, String name, List<Field> fields, List<Arg> inputFields, List<String> enumValues,
                List<String> possibleTypes) {
    }

    final Map<String, Type> types = new LinkedHashMap<>();
    final String queryType;

    @SuppressWarnings("unchecked")
    SchemaWalk(Map<String, Object> schema) {
        queryType = (String) ((Map<String, Object>) schema.get("queryType")).get("name");
        for (Map<String, Object> t : (List<Map<String, Object>>) schema.get("types")) {
            List<Field> fields = new ArrayList<>();
            if (t.get("fields") != null) {
                for (Map<String, Object> f : (List<Map<String, Object>>) t.get("fields")) {
                    List<Arg> args = new ArrayList<>();
                    for (Map<String, Object> a : (List<Map<String, Object>>) f.get("args")) {
                        args.add(new Arg((String) a.get("name"), ref((Map<String, Object>) a.get("type")), a.get("defaultValue")));
                    }
                    fields.add(new Field((String) f.get("name"), ref((Map<String, Object>) f.get("type")), args));
                }
            }
            List<Arg> inputs = new ArrayList<>();
            if (t.get("inputFields") != null) {
                for (Map<String, Object> a : (List<Map<String, Object>>) t.get("inputFields")) {
                    inputs.add(new Arg((String) a.get("name"), ref((Map<String, Object>) a.get("type")), a.get("defaultValue")));
                }
            }
            List<String> enums = t.get("enumValues") == null ? List.of()
                    : ((List<Map<String, Object>>) t.get("enumValues")).stream().map(e -> (String) e.get("name")).toList();
            List<String> possible = t.get("possibleTypes") == null ? List.of()
                    : ((List<Map<String, Object>>) t.get("possibleTypes")).stream().map(e -> (String) e.get("name")).sorted().toList();
            types.put((String) t.get("name"), new Type((String) t.get("kind"), (String) t.get("name"), fields, inputs, enums, possible));
        }
    }

    static SchemaWalk introspect(String token) {
        var answer = GraphQLClient.ok(token, INTROSPECTION, Map.of());
        return new SchemaWalk(answer.getMap("data.__schema"));
    }

    @SuppressWarnings("unchecked")
    private static TypeRef ref(Map<String, Object> t) {
        return t == null ? null : new TypeRef((String) t.get("kind"), (String) t.get("name"), ref((Map<String, Object>) t.get("ofType")));
    }

    boolean leaf(String typeName) {
        String kind = types.get(typeName).kind();
        return "SCALAR".equals(kind) || "ENUM".equals(kind);
    }

    List<Field> rootFields() {
        return types.get(queryType).fields().stream().sorted(java.util.Comparator.comparing(Field::name)).toList();
    }

    // --- selection trees -----------------------------------------------------------------------------------

    /** A field (with its argument text) or an inline fragment ({@code ... on T}), with its sub-selection. */
    static final class Sel {
        final String name;       // field name, or null for a fragment
        final String args;       // "(first: 100)" or ""
        final String onType;     // fragment type condition, or null for a field
        final List<Sel> children; // null for a leaf

        Sel(String name, String args, String onType, List<Sel> children) {
            this.name = name;
            this.args = args;
            this.onType = onType;
            this.children = children;
        }

        static Sel leaf(String name) {
            return new Sel(name, "", null, null);
        }

        boolean anchor() {
            return children == null && ("__typename".equals(name) || "id".equals(name));
        }

        int cost() {
            int c = onType == null ? 1 : 0;
            if (children != null) {
                for (Sel s : children) c += s.cost();
            }
            return c;
        }

        int depth() {
            int d = 0;
            if (children != null) {
                for (Sel s : children) d = Math.max(d, s.depth());
            }
            return d + (onType == null ? 1 : 0);
        }

        Sel with(List<Sel> newChildren) {
            return new Sel(name, args, onType, newChildren);
        }

        void paths(String prefix, Set<String> out) {
            String here = onType != null ? prefix + "(" + onType + ")" : prefix + (prefix.isEmpty() ? "" : ".") + name;
            out.add(here);
            if (children != null) {
                for (Sel s : children) s.paths(here, out);
            }
        }

        void print(StringBuilder out) {
            if (onType != null) {
                out.append("... on ").append(onType);
            } else {
                out.append(name).append(args);
            }
            if (children != null) {
                out.append(" {");
                for (Sel s : children) {
                    out.append(' ');
                    s.print(out);
                }
                out.append(" }");
            }
        }
    }

    static boolean reenterable(String typeName) {
        return typeName.endsWith("Connection") || typeName.endsWith("Edge") || "PageInfo".equals(typeName);
    }

    /**
     * The selection of {@code typeName}: every leaf field, every object field not yet on the path, down to
     * {@code depth} levels. Interfaces and unions get an inline fragment per possible type ({@code only} keeps one).
     */
    List<Sel> selection(String typeName, int depth, Set<String> onPath, String only, List<String> skipped) {
        Type type = types.get(typeName);
        List<Sel> out = new ArrayList<>();
        out.add(Sel.leaf("__typename"));
        Set<String> path = new HashSet<>(onPath);
        path.add(typeName);
        if ("INTERFACE".equals(type.kind()) || "UNION".equals(type.kind())) {
            for (Field f : type.fields()) {
                if (leaf(f.type().named()) && requiredArgsOk(f)) out.add(Sel.leaf(f.name()));
            }
            for (String possible : type.possibleTypes()) {
                if (only != null && !only.equals(possible)) continue;
                List<Sel> sub = selection(possible, depth, onPath, null, skipped);
                out.add(new Sel(null, "", possible, sub));
            }
            return out;
        }
        for (Field f : type.fields()) {
            if (f.name().startsWith("__")) continue;
            String child = f.type().named();
            String args = nestedArgs(f);
            if (args == null) {
                skipped.add(typeName + "." + f.name() + ": a required argument that cannot be generated");
                continue;
            }
            if (leaf(child)) {
                out.add(new Sel(f.name(), args, null, null));
                continue;
            }
            if (depth <= 1 || (path.contains(child) && !reenterable(child))) continue;
            List<Sel> sub = selection(child, depth - 1, path, null, skipped);
            out.add(new Sel(f.name(), args, null, sub));
        }
        return out;
    }

    private boolean requiredArgsOk(Field f) {
        return f.args().stream().noneMatch(a -> a.type().nonNull());
    }

    /** Arguments of a nested field: {@code first: 100} on connections; null when a required one cannot be made. */
    private String nestedArgs(Field f) {
        List<String> parts = new ArrayList<>();
        for (Arg a : f.args()) {
            if ("first".equals(a.name()) && "Int".equals(a.type().named())) {
                parts.add("first: 100");
            } else if (a.type().nonNull()) {
                String v = literal(a.type(), a.name(), 0);
                if (v == null) return null;
                parts.add(a.name() + ": " + v);
            }
        }
        return parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")";
    }

    // --- arguments -----------------------------------------------------------------------------------------

    /** The first day of the month twelve months ago and the last day of last month: closed, published periods. */
    static final LocalDate FROM = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(12);
    static final LocalDate TO = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusDays(1);

    /** A generated literal for a required value that is not an ID; null when none makes sense. */
    String literal(TypeRef ref, String argName, int nesting) {
        TypeRef t = ref.nonNull() ? ref.ofType() : ref;
        if ("LIST".equals(t.kind())) {
            String inner = literal(t.ofType(), argName, nesting);
            return inner == null ? null : "[" + inner + "]";
        }
        Type type = types.get(t.named());
        switch (type.kind()) {
            case "ENUM":
                return type.enumValues().get(0);
            case "INPUT_OBJECT": {
                if (nesting > 3) return null;
                List<String> parts = new ArrayList<>();
                for (Arg f : type.inputFields()) {
                    if (!f.type().nonNull()) continue;
                    String v = literal(f.type(), f.name(), nesting + 1);
                    if (v == null) return null;
                    parts.add(f.name() + ": " + v);
                }
                return "{" + String.join(", ", parts) + "}";
            }
            default:
                break;
        }
        String n = argName.toLowerCase(Locale.ROOT);
        return switch (t.named()) {
            case "Int" -> "100";
            case "Float" -> "1.0";
            case "Boolean" -> "true";
            case "Date" -> n.contains("from") || n.contains("since") || n.contains("start") ? quote(FROM.toString())
                    : n.contains("to") || n.contains("until") || n.contains("end") ? quote(TO.toString()) : quote(LocalDate.now(ZoneOffset.UTC).toString());
            case "DateTime" -> quote(n.contains("from") || n.contains("since") ? FROM.atStartOfDay().atOffset(ZoneOffset.UTC).toString()
                    : TO.atStartOfDay().atOffset(ZoneOffset.UTC).toString());
            case "String" -> switch (n) {
                case "state" -> quote("Borno");
                default -> null;
            };
            default -> null;
        };
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** One way of calling a root field: its argument text and, for an interface, the one possible type to select. */
    record Call(String args, String only) {
    }

    /**
     * The calls of a root field: every fixture id of the matching type for an ID argument (every id for
     * {@code node}), every known value for a code; null with the reason in {@code why} when it cannot be called.
     */
    List<Call> calls(Field root, Map<String, List<String>> idsByType, Map<String, List<String>> stringsByArg,
                     Function<String, String> typeOfId, StringBuilder why) {
        List<List<String[]>> choices = new ArrayList<>(); // per argument: (text, onlyType)
        for (Arg a : root.args()) {
            String named = a.type().named();
            List<String[]> options = new ArrayList<>();
            if ("first".equals(a.name()) && "Int".equals(named)) {
                options.add(new String[]{"first: 100", null});
            } else if ("ID".equals(named) && !a.type().list()) {
                if (!a.type().nonNull()) continue; // optional ids: left out
                String target = "id".equals(a.name()) ? root.type().named()
                        : a.name().endsWith("Id") ? capitalize(a.name().substring(0, a.name().length() - 2)) : null;
                Collection<String> ids;
                boolean any = target != null && types.containsKey(target) && !"OBJECT".equals(types.get(target).kind());
                if (any) {
                    ids = idsByType.values().stream().flatMap(List::stream).toList();
                } else {
                    ids = target == null ? List.of() : idsByType.getOrDefault(target, List.of());
                }
                if (ids.isEmpty()) {
                    why.append("no fixture object of type ").append(target).append(" for argument ").append(a.name());
                    return null;
                }
                for (String id : ids) {
                    options.add(new String[]{a.name() + ": " + quote(id), any ? typeOfId.apply(id) : null});
                }
            } else if (a.type().nonNull()) {
                List<String> known = stringsByArg.get(a.name());
                if (known != null && "String".equals(named)) {
                    for (String k : known) options.add(new String[]{a.name() + ": " + quote(k), null});
                } else {
                    String v = literal(a.type(), a.name(), 0);
                    if (v == null) {
                        why.append("cannot generate a meaningful value for required argument ").append(a.name()).append(": ").append(named);
                        return null;
                    }
                    options.add(new String[]{a.name() + ": " + v, null});
                }
            } else {
                continue; // optional: left out
            }
            choices.add(options);
        }
        List<Call> calls = new ArrayList<>();
        product(choices, 0, new ArrayList<>(), calls);
        return calls;
    }

    private static void product(List<List<String[]>> choices, int i, List<String[]> picked, List<Call> out) {
        if (i == choices.size()) {
            String only = null;
            List<String> texts = new ArrayList<>();
            for (String[] p : picked) {
                texts.add(p[0]);
                if (p[1] != null) only = p[1];
            }
            out.add(new Call(texts.isEmpty() ? "" : "(" + String.join(", ", texts) + ")", only));
            return;
        }
        for (String[] option : choices.get(i)) {
            picked.add(option);
            product(choices, i + 1, picked, out);
            picked.remove(picked.size() - 1);
        }
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // --- splitting ---------------------------------------------------------------------------------------------

    /**
     * Splits {@code node} into copies that each cost at most {@code budget}, together selecting every field of it:
     * {@code __typename} and {@code id} stay in every copy, so each part still names the objects it shows.
     */
    static List<Sel> split(Sel node, int budget) {
        if (node.cost() <= budget || node.children == null) {
            return List.of(node);
        }
        List<Sel> anchors = node.children.stream().filter(Sel::anchor).toList();
        int base = (node.onType == null ? 1 : 0) + anchors.size();
        int room = budget - base;
        if (room < 3) throw new IllegalStateException("cannot split " + node.name + " within " + budget);
        List<List<Sel>> parts = new ArrayList<>();
        List<Sel> current = new ArrayList<>();
        int used = 0;
        for (Sel child : node.children) {
            if (child.anchor()) continue;
            int c = child.cost();
            if (c > room) {
                for (Sel sub : split(child, room)) parts.add(List.of(sub));
            } else {
                if (used + c > room) {
                    parts.add(current);
                    current = new ArrayList<>();
                    used = 0;
                }
                current.add(child);
                used += c;
            }
        }
        if (!current.isEmpty()) parts.add(current);
        List<Sel> out = new ArrayList<>();
        for (List<Sel> p : parts) {
            List<Sel> children = new ArrayList<>(anchors);
            children.addAll(p);
            out.add(node.with(children));
        }
        return out;
    }

    static Set<String> schemaPaths(Collection<Sel> roots) {
        Set<String> out = new LinkedHashSet<>();
        for (Sel s : roots) s.paths("", out);
        return out;
    }
}
