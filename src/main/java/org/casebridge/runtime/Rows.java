package org.casebridge.runtime;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Native SQL rows read into records by column name: the column {@code case_id} fills the component {@code caseId},
 * so reordering a select list cannot swap two fields, and a select whose columns are not exactly the record's
 * components fails on its first row instead of filling the wrong ones.
 */
public final class Rows {

    private static final ClassValue<Mapping<?>> MAPPINGS = new ClassValue<>() {
        @Override
        protected Mapping<?> computeValue(Class<?> type) {
            return new Mapping<>(type);
        }
    };

    private Rows() {
    }

    /** The rows of {@code sql}, its parameters bound by position (?1, ?2…). */
    public static <R extends Record> List<R> read(EntityManager em, Class<R> type, String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return read(query, type);
    }

    /** The rows of a native query created with {@code Tuple.class}. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> List<R> read(Query tupleQuery, Class<R> type) {
        Mapping<R> mapping = (Mapping<R>) MAPPINGS.get(type);
        List<Tuple> tuples = tupleQuery.getResultList();
        if (!tuples.isEmpty()) {
            mapping.requireColumns(tuples.get(0));
        }
        return tuples.stream().map(mapping::row).toList();
    }

    /** Rows of a batch grouped by the key they belong to, in their order. */
    public static <T, K> Map<K, List<T>> group(Collection<T> rows, Function<? super T, ? extends K> key) {
        return group(rows, key, Function.identity());
    }

    public static <T, K, V> Map<K, List<V>> group(Collection<T> rows, Function<? super T, ? extends K> key,
                                                  Function<? super T, ? extends V> value) {
        return rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.mapping(value, Collectors.toList())));
    }

    /** A batch field's answer: each source's group, in the sources' order; empty for a source with none. */
    public static <S, K, V> List<List<V>> inOrderOf(List<S> sources, Map<K, List<V>> groups, Function<? super S, ? extends K> key) {
        return sources.stream().map(source -> groups.getOrDefault(key.apply(source), List.of())).toList();
    }

    /** As {@link #inOrderOf}, the groups read by the sources' keys. */
    public static <S, K, V> List<List<V>> readInOrderOf(List<S> sources, Function<? super S, ? extends K> key,
                                                        Function<? super List<K>, ? extends Map<K, List<V>>> read) {
        List<K> keys = sources.stream().<K>map(key).toList();
        Map<K, List<V>> groups = read.apply(keys);
        return keys.stream().map(k -> groups.getOrDefault(k, List.of())).toList();
    }

    /** A batch field with one value a source: each source's value, in the sources' order; null for a source with none. */
    public static <S, K, V> List<V> singleInOrderOf(List<S> sources, Map<K, V> values, Function<? super S, ? extends K> key) {
        return sources.stream().map(source -> values.get(key.apply(source))).toList();
    }

    private static final class Mapping<R> {
        private final Class<R> type;
        private final RecordComponent[] components;
        private final String[] columns;
        private final Constructor<R> constructor;

        Mapping(Class<R> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            this.type = type;
            this.components = type.getRecordComponents();
            this.columns = Arrays.stream(components).map(c -> snakeCase(c.getName())).toArray(String[]::new);
            try {
                this.constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
                this.constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        void requireColumns(Tuple tuple) {
            Set<String> selected = tuple.getElements().stream().map(TupleElement::getAlias).collect(Collectors.toSet());
            if (!selected.equals(Set.of(columns))) {
                throw new IllegalStateException("The query selects " + selected + ", " + type.getSimpleName() + " reads " + List.of(columns));
            }
        }

        R row(Tuple tuple) {
            try {
                return constructor.newInstance(IntStream.range(0, columns.length)
                        .mapToObj(i -> convert(tuple.get(columns[i]), components[i])).toArray());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Object value, RecordComponent component) {
        Class<?> target = component.getType();
        if (value == null || target.isInstance(value)) {
            return value;
        }
        if (target.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) target, (String) value);
        }
        if (target == int.class || target == Integer.class) {
            return ((Number) value).intValue();
        }
        if (target == long.class || target == Long.class) {
            return ((Number) value).longValue();
        }
        if (target == OffsetDateTime.class) {
            Instant instant = value instanceof Timestamp t ? t.toInstant() : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (target == LocalDate.class && value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (target == List.class && value instanceof String[] texts) {
            return Arrays.asList(texts);
        }
        throw new IllegalStateException("Column " + snakeCase(component.getName()) + " is a " + value.getClass().getName()
                + ", not a " + target.getName());
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
