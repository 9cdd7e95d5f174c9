package org.casebridge.graphql;

import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLUnionType;
import graphql.schema.TypeResolver;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.smallrye.graphql.spi.EventingService;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static graphql.util.TreeTransformerUtil.changeNode;

/**
 * Input coercion as the GraphQL specification has it, for every scalar of the schema, before SmallRye converts
 * arguments. SmallRye's {@code Int} and {@code Float} take any number or string from a variable ({@code first: 1.5}
 * passed, then failed in SmallRye's argument conversion as INTERNAL with an incident), and its dates take any string
 * (an impossible {@code Date} failed in the resolver's argument conversion, which also left a null in a non-null
 * field). Here a value its type refuses fails while graphql-java coerces the variables or validates the literals, so
 * the request is one {@code VALIDATION_FAILED} naming the variable or argument, and no resolver runs. The messages
 * name GraphQL types only, never a Java class.
 *
 * <p>{@code String} and {@code Boolean} are left as they are: graphql-java's own, already strict, and shared with the
 * introspection types, so a schema may not hold a second scalar of their name ({@code ErrorTranslation} words their
 * messages without Java class names).
 *
 * <p>Only input is checked; results are serialized by the scalar's own coercing, unchanged (no cost per field).
 * A value that passes is handed to the scalar's own coercing, so SmallRye gets what it always got.
 */
public class StrictScalars implements EventingService {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    /** What a variable of each scalar must be, and how a client is told. */
    record Rule(String expected, Predicate<Object> value, Predicate<Value<?>> literal) {
    }

    private static final Map<String, Rule> RULES = Map.of(
            "Int", new Rule("an Int: a whole number from -2147483648 to 2147483647", StrictScalars::isInt,
                    literal -> literal instanceof IntValue i && isInt(i.getValue())),
            "Float", new Rule("a Float: a finite number", StrictScalars::isFloat,
                    literal -> literal instanceof IntValue || literal instanceof FloatValue),
            "ID", new Rule("an ID: a string", value -> value instanceof String || isInteger(value),
                    literal -> literal instanceof StringValue || literal instanceof IntValue),
            "Date", new Rule("a Date: yyyy-mm-dd (ISO-8601), a day that exists", StrictScalars::isDate,
                    literal -> literal instanceof StringValue s && isDate(s.getValue())),
            "DateTime", new Rule("a DateTime: ISO-8601 with an offset, e.g. 2026-03-01T09:30:00Z", StrictScalars::isDateTime,
                    literal -> literal instanceof StringValue s && isDateTime(s.getValue())),
            "Time", new Rule("a Time: hh:mm or hh:mm:ss", StrictScalars::isTime,
                    literal -> literal instanceof StringValue s && isTime(s.getValue())));

    /** No key: SmallRye then always enables this service. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // read through a GraphQL built from the builder: the supported way to see the schema SmallRye set on it
        GraphQLSchema schema = builder.build().getGraphQLSchema();
        GraphQLSchema servable = SameTypeInstances.servable(strict(schema), schema, "StrictScalars");
        SERVED.add(servable);
        return builder.schema(servable);
    }

    /** Every schema handed to a SmallRye GraphQL build (one per build, a few in all), for ServedSchemaTypesTest. */
    static final List<GraphQLSchema> SERVED = new CopyOnWriteArrayList<>();

    /** The last schema made strict, and what it became. */
    private record Made(GraphQLSchema original, GraphQLSchema strict) {
    }

    private static Made made;

    /**
     * Made once per schema: graphql-java resolves type references in place, and a transformed schema shares the
     * elements the transformation did not change (field definitions among them) with the schema it came from, so
     * transforming the same schema again re-points those shared references at the new result's instances, and the
     * schema made first then holds two instances of one type. SmallRye builds its GraphQL lazily and unsynchronized
     * (ExecutionService.getGraphQL), once per ExecutionService and once more when first requests race, each build running
     * this service on the same schema; whichever build was kept decided whether correct requests were refused.
     */
    static synchronized GraphQLSchema strict(GraphQLSchema schema) {
        if (made == null || made.original() != schema) {
            made = new Made(schema, transformed(schema));
        }
        return made.strict();
    }

    private static GraphQLSchema transformed(GraphQLSchema schema) {
        return sameTypesResolved(SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                Rule rule = RULES.get(scalar.getName());
                if (rule == null || scalar.getCoercing() instanceof Strict) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, scalar.transform(b -> b.coercing(new Strict<>(rule, scalar.getCoercing()))));
            }
        }));
    }

    /**
     * A transformed schema holds new instances of every type, while SmallRye's type resolvers of interfaces and unions
     * (Node) hand back the instances they were built with; graphql-java matches a fragment's type by identity, so
     * {@code node(id:) { ... on Agency { code } }} would select nothing. Each resolver's answer is therefore looked up
     * by name in the schema being executed.
     */
    static GraphQLSchema sameTypesResolved(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry().transform(codes -> {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                TypeResolver resolver = type instanceof GraphQLInterfaceType i ? schema.getCodeRegistry().getTypeResolver(i)
                        : type instanceof GraphQLUnionType u ? schema.getCodeRegistry().getTypeResolver(u) : null;
                if (resolver != null) {
                    codes.typeResolver(type.getName(), env -> {
                        GraphQLObjectType resolved = resolver.getType(env);
                        return resolved == null ? null : env.getSchema().getObjectType(resolved.getName());
                    });
                }
            }
        });
        return schema.transform(b -> b.codeRegistry(registry));
    }

    /** Checks input against the rule, then hands it to the scalar's own coercing. */
    record Strict<I, O>(Rule rule, Coercing<I, O> own) implements Coercing<I, O> {

        @Override
        public O serialize(Object result, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            return own.serialize(result, context, locale);
        }

        @Override
        @SuppressWarnings("deprecation")
        public O serialize(Object result) throws CoercingSerializeException {
            return own.serialize(result);
        }

        @Override
        public I parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
            if (!rule.value().test(input)) {
                throw new CoercingParseValueException("Expected " + rule.expected() + ", got " + describe(input));
            }
            try {
                return own.parseValue(input, context, locale);
            } catch (RuntimeException e) {
                throw new CoercingParseValueException("Expected " + rule.expected() + ", got " + describe(input));
            }
        }

        @Override
        @SuppressWarnings("deprecation")
        public I parseValue(Object input) throws CoercingParseValueException {
            return parseValue(input, GraphQLContext.getDefault(), Locale.getDefault());
        }

        @Override
        public I parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            if (input instanceof VariableReference) {
                return own.parseLiteral(input, variables, context, locale);
            }
            if (!rule.literal().test(input)) {
                throw new CoercingParseLiteralException("Expected " + rule.expected());
            }
            try {
                return own.parseLiteral(input, variables, context, locale);
            } catch (RuntimeException e) {
                throw new CoercingParseLiteralException("Expected " + rule.expected());
            }
        }

        @Override
        @SuppressWarnings("deprecation")
        public I parseLiteral(Object input) throws CoercingParseLiteralException {
            return parseLiteral((Value<?>) input, CoercedVariables.emptyVariables(), GraphQLContext.getDefault(), Locale.getDefault());
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return own.valueToLiteral(input, context, locale);
        }
    }

    /** A JSON value as a client would name it. */
    private static String describe(Object input) {
        if (input == null) return "null";
        if (input instanceof String text) return text.length() > 40 ? "a string of " + text.length() + " characters" : "\"" + text + "\"";
        if (input instanceof Number number) return number.toString().length() > 40 ? "a number" : number.toString();
        if (input instanceof Boolean bool) return bool.toString();
        if (input instanceof Map<?, ?>) return "an object";
        if (input instanceof Iterable<?> || input.getClass().isArray()) return "a list";
        return "a value of another type";
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) return d;
        if (value instanceof BigInteger i) return new BigDecimal(i);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return null;
    }

    /** A whole number (2.0 is one, as the specification has it) within 32 bits. */
    static boolean isInt(Object value) {
        BigDecimal d = decimal(value);
        return d != null && isInteger(d) && d.compareTo(INT_MIN) >= 0 && d.compareTo(INT_MAX) <= 0;
    }

    private static boolean isInt(BigInteger value) {
        return value.bitLength() < 32;
    }

    private static boolean isInteger(Object value) {
        BigDecimal d = value instanceof BigDecimal b ? b : decimal(value);
        return d != null && (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0);
    }

    static boolean isFloat(Object value) {
        return decimal(value) != null;
    }

    static boolean isDate(Object value) {
        if (!(value instanceof String text) || !DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isDateTime(Object value) {
        if (!(value instanceof String text) || text.length() < 10 || text.length() > 40 || !DATE.matcher(text.substring(0, 10)).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isTime(Object value) {
        if (!(value instanceof String text) || text.length() > 20) {
            return false;
        }
        try {
            LocalTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
