package org.casebridge.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.execution.ExecutionResponse;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * graphql-java's result — maps, lists and scalar values — seen as JSON-P values, each converted when the response
 * writer reaches it. SmallRye copies the whole result into JSON-P builders before writing it out (a tenth of a list
 * request's CPU in the benchmark, issue 8) but takes a JSON-P value as it is; the conversions are SmallRye's own
 * ({@code ExecutionResponse.toJsonValue}), and ResultJsonTest holds that both write the same text.
 *
 * <p>Installed last in the chain (graphql/InstrumentationInstaller): every other instrumentation sees the result as
 * graphql-java made it. A subscription's result (a publisher, not a map) is left alone.
 *
 * <p>A fast path ({@link FastPaths}) on an assumption no interface states: that SmallRye's {@code ExecutionResponse}
 * takes a JSON-P value given as data as it is. {@link #selfCheck()} tests that at startup (the view must not be read
 * before the response is written, and the bytes must be those of the stock path); where it fails — SmallRye 3 writes
 * with Jackson, {@code exclude-null-fields-in-responses} copies every value — the installer leaves this out.
 */
public final class ResultJson extends SimplePerformantInstrumentation {

    static final String NAME = "ResultJson";

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return CompletableFuture.completedFuture(asJson(result));
    }

    static ExecutionResult asJson(ExecutionResult result) {
        return result.getData() instanceof Map<?, ?> data ? result.transform(builder -> builder.data(of(data))) : result;
    }

    /**
     * Null when SmallRye takes the view as it is and writes the same text from it as from graphql-java's result,
     * else what differs.
     */
    static String selfCheck() {
        return selfCheck(result -> {
            ExecutionResponse response = new ExecutionResponse(result);
            Object built = response.getExecutionResultAsJsonObject(); // typed as Object: SmallRye 3 returns Jackson's
            return built == null ? () -> "" : response::getExecutionResultAsString;
        });
    }

    /** As {@link #selfCheck()}, with the response writer given: it builds its response, then writes it when asked. */
    static String selfCheck(java.util.function.Function<ExecutionResult, java.util.function.Supplier<String>> responder) {
        AtomicBoolean read = new AtomicBoolean();
        Map<String, Object> probe = new LinkedHashMap<>() {
            @Override
            public Set<Map.Entry<String, Object>> entrySet() {
                read.set(true);
                return super.entrySet();
            }

            @Override
            public Object get(Object key) {
                read.set(true);
                return super.get(key);
            }
        };
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "UmVmZXJyYWw6MQ==");
        item.put("note", "needs an interpreter \u2014 \"Arabic\"\n\ttwice");
        item.put("withdrawnAt", null);
        item.put("urgent", true);
        item.put("count", 42);
        item.put("total", 9_000_000_000L);
        item.put("share", 0.25);
        item.put("needs", List.of("SHELTER", "LEGAL_AID"));
        probe.put("referral", item);
        ExecutionResult stock = ExecutionResultImpl.newExecutionResult().data(Map.of("referral", item))
                .addError(GraphqlErrorBuilder.newError().message("CONSENT_REQUIRED at note").build()).build();
        ExecutionResult viewed = asJson(ExecutionResultImpl.newExecutionResult().data(probe)
                .addError(GraphqlErrorBuilder.newError().message("CONSENT_REQUIRED at note").build()).build());
        java.util.function.Supplier<String> response = responder.apply(viewed);
        if (read.get()) {
            return "SmallRye's ExecutionResponse copies a JSON value given as data instead of taking it as it is";
        }
        String expected = responder.apply(stock).get();
        String written = response.get();
        return expected.equals(written) ? null
                : "SmallRye's ExecutionResponse writes the view differently: " + written + " instead of " + expected;
    }

    /** Classes first, interfaces after: an instanceof test against an interface is the slower one. */
    @SuppressWarnings("unchecked")
    static JsonValue of(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof String string) {
            return JSON.createValue(string);
        } else if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).intValue());
        } else if (value instanceof Long number) {
            return JSON.createValue(number.longValue());
        } else if (value instanceof Double number) {
            return JSON.createValue(number.doubleValue());
        } else if (value instanceof Float number) {
            return JSON.createValue(new BigDecimal(String.valueOf(number.floatValue())));
        } else if (value instanceof BigDecimal number) {
            return JSON.createValue(number);
        } else if (value instanceof BigInteger number) {
            return JSON.createValue(number);
        } else if (value instanceof Enum<?> constant) {
            return JSON.createValue(constant.name());
        } else if (value instanceof Map<?, ?> map) {
            return new ObjectView((Map<String, Object>) map);
        } else if (value instanceof List<?> list) {
            return new ArrayView(list);
        } else if (value instanceof Collection<?> collection) {
            return new ArrayView(new ArrayList<>(collection));
        } else if (value instanceof JsonValue json) {
            return json;
        }
        return JSON.createReader(new StringReader(JSONB.toJson(value))).readValue();
    }

    // the accessors JSON-P's objects (by name) and arrays (by index) share

    private static String stringOr(JsonValue value, String fallback) {
        return value instanceof JsonString string ? string.getString() : fallback;
    }

    private static int intOr(JsonValue value, int fallback) {
        return value instanceof JsonNumber number ? number.intValue() : fallback;
    }

    private static boolean bool(JsonValue value, Object where) {
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw value == null ? new NullPointerException(String.valueOf(where))
                    : new ClassCastException(where + " is not a boolean");
        }
        return value == JsonValue.TRUE;
    }

    private static boolean boolOr(JsonValue value, boolean fallback) {
        return value == JsonValue.TRUE || (value != JsonValue.FALSE && fallback);
    }

    private static String text(JsonValue value) {
        StringWriter out = new StringWriter();
        JSON.createWriter(out).write(value);
        return out.toString();
    }

    private static final class ObjectView extends AbstractMap<String, JsonValue> implements JsonObject {
        private final Map<String, Object> fields;

        ObjectView(Map<String, Object> fields) {
            this.fields = fields;
        }

        @Override
        public Set<Entry<String, JsonValue>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, JsonValue>> iterator() {
                    Iterator<Entry<String, Object>> entries = fields.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return entries.hasNext();
                        }

                        @Override
                        public Entry<String, JsonValue> next() {
                            Entry<String, Object> entry = entries.next();
                            return new SimpleImmutableEntry<>(entry.getKey(), of(entry.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return fields.size();
                }
            };
        }

        @Override
        public JsonValue get(Object name) {
            return fields.containsKey(name) ? of(fields.get(name)) : null;
        }

        @Override
        public boolean containsKey(Object name) {
            return fields.containsKey(name);
        }

        @Override
        public JsonArray getJsonArray(String name) {
            return (JsonArray) get(name);
        }

        @Override
        public JsonObject getJsonObject(String name) {
            return (JsonObject) get(name);
        }

        @Override
        public JsonNumber getJsonNumber(String name) {
            return (JsonNumber) get(name);
        }

        @Override
        public JsonString getJsonString(String name) {
            return (JsonString) get(name);
        }

        @Override
        public String getString(String name) {
            return getJsonString(name).getString();
        }

        @Override
        public String getString(String name, String fallback) {
            return stringOr(get(name), fallback);
        }

        @Override
        public int getInt(String name) {
            return getJsonNumber(name).intValue();
        }

        @Override
        public int getInt(String name, int fallback) {
            return intOr(get(name), fallback);
        }

        @Override
        public boolean getBoolean(String name) {
            return bool(get(name), name);
        }

        @Override
        public boolean getBoolean(String name, boolean fallback) {
            return boolOr(get(name), fallback);
        }

        @Override
        public boolean isNull(String name) {
            return get(name) == JsonValue.NULL;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.OBJECT;
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    private static final class ArrayView extends AbstractList<JsonValue> implements JsonArray {
        private final List<?> items;

        ArrayView(List<?> items) {
            this.items = items;
        }

        @Override
        public JsonValue get(int index) {
            return of(items.get(index));
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public JsonObject getJsonObject(int index) {
            return (JsonObject) get(index);
        }

        @Override
        public JsonArray getJsonArray(int index) {
            return (JsonArray) get(index);
        }

        @Override
        public JsonNumber getJsonNumber(int index) {
            return (JsonNumber) get(index);
        }

        @Override
        public JsonString getJsonString(int index) {
            return (JsonString) get(index);
        }

        @SuppressWarnings("unchecked")
        @Override
        public <T extends JsonValue> List<T> getValuesAs(Class<T> type) {
            return (List<T>) this;
        }

        @Override
        public String getString(int index) {
            return getJsonString(index).getString();
        }

        @Override
        public String getString(int index, String fallback) {
            return stringOr(orNull(index), fallback);
        }

        @Override
        public int getInt(int index) {
            return getJsonNumber(index).intValue();
        }

        @Override
        public int getInt(int index, int fallback) {
            return intOr(orNull(index), fallback);
        }

        @Override
        public boolean getBoolean(int index) {
            return bool(get(index), index);
        }

        @Override
        public boolean getBoolean(int index, boolean fallback) {
            return boolOr(orNull(index), fallback);
        }

        private JsonValue orNull(int index) {
            return index >= 0 && index < size() ? get(index) : null;
        }

        @Override
        public boolean isNull(int index) {
            return get(index) == JsonValue.NULL;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.ARRAY;
        }

        @Override
        public String toString() {
            return text(this);
        }
    }
}
