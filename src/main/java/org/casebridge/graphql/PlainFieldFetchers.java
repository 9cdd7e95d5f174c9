package org.casebridge.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.RequestContextHelper;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Execute;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import org.dataloader.BatchLoaderEnvironment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Reads a plain property of a result object (a record component, a getter) without SmallRye's per-field request
 * context: SmallRye's own field fetcher clones its context and builds the JSON of the field's whole sub-selection for
 * every single value it reads, then throws that away when nothing transforms the value. In the benchmark that was the
 * largest item of the API's CPU time per request (issue 8). Fields whose value SmallRye does transform or adapt
 * (UUIDs, numbers, dates with a format, adapters, maps) keep SmallRye's fetcher; dates without a format are written
 * here in the ISO form SmallRye's date transformer gives them by default. Also calls plain source methods directly
 * ({@link #getOtherFieldDataFetcher}). Registered in META-INF/services; priority 0 puts it before Quarkus' service
 * (1), which keeps everything this one declines.
 */
public class PlainFieldFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    /** SmallRye's default date formats (its DateTransformer), for date fields without a format of their own. */
    static final Map<String, DateTimeFormatter> ISO_DATES = Map.of(
            "java.time.LocalDate", DateTimeFormatter.ISO_LOCAL_DATE,
            "java.time.LocalTime", DateTimeFormatter.ISO_LOCAL_TIME,
            "java.time.LocalDateTime", DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            "java.time.OffsetTime", DateTimeFormatter.ISO_OFFSET_TIME,
            "java.time.OffsetDateTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            "java.time.ZonedDateTime", DateTimeFormatter.ISO_ZONED_DATE_TIME);

    @Override
    @SuppressWarnings("rawtypes")
    public PlugableDataFetcher getFieldDataFetcher(Field field, Type type, Reference owner) {
        if (isPlain(field)) {
            return new PlainFieldFetcher<>(field, owner, null);
        }
        return isPlainDate(field) ? new PlainFieldFetcher<>(field, owner, ISO_DATES.get(field.getReference().getClassName())) : null;
    }

    /** True when SmallRye would hand the property's value to graphql-java unchanged. */
    static boolean isPlain(Field field) {
        if (transformedOrAdapted(field)) {
            return false;
        }
        Reference reference = field.getReference();
        boolean untransformed = reference.getType() != ReferenceType.SCALAR
                || reference.getClassName().equals(reference.getGraphQLClassName());
        return untransformed && (!field.hasWrapper() || field.getWrapper().isCollection() && !field.getWrapper().hasWrapper());
    }

    /** A single date or time without a format, an adapter or a wrapper: SmallRye would only write it in ISO form. */
    static boolean isPlainDate(Field field) {
        return !transformedOrAdapted(field) && !field.hasWrapper() && ISO_DATES.containsKey(field.getReference().getClassName());
    }

    private static boolean transformedOrAdapted(Field field) {
        return field.hasTransformation() || field.isAdaptingTo() || field.isAdaptingWith();
    }

    /**
     * A {@code @Source} method that takes nothing but its source and returns a plain value — the consent-gated fields
     * such as {@code Referral.note} or {@code Case.summary}, read once per item of a list. SmallRye's fetcher would
     * clone its request context and write out the field's whole sub-selection for each call (issue 8). Called here
     * with the request context active, as SmallRye calls it; its exceptions reach the same exception handler.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public PlugableBatchableDataFetcher getOtherFieldDataFetcher(Operation operation, Type type) {
        List<Argument> arguments = operation.getArguments();
        boolean sourceOnly = operation.isSourceField() && arguments.size() == 1 && arguments.get(0).isSourceArgument()
                && !arguments.get(0).hasWrapper();
        boolean plain = isPlain(operation) && operation.getExecute() != Execute.NON_BLOCKING;
        return sourceOnly && plain ? new SourceFieldFetcher<>(operation) : null;
    }

    static final class SourceFieldFetcher<K, T> implements PlugableBatchableDataFetcher<K, T> {
        private final Operation operation;
        private volatile Method method;
        private volatile Object api;

        SourceFieldFetcher(Operation operation) {
            this.operation = operation;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(DataFetchingEnvironment environment) throws Exception {
            ManagedContext requestContext = Arc.container().requestContext();
            boolean activated = !requestContext.isActive();
            RequestContextHelper.reactivate(requestContext, environment);
            try {
                if (method == null) {
                    Class<?> declaring = Class.forName(operation.getClassName(), true,
                            Thread.currentThread().getContextClassLoader());
                    api = Arc.container().select(declaring).get(); // @GraphQLApi beans are singletons in Quarkus
                    method = Arrays.stream(declaring.getMethods())
                            .filter(m -> m.getName().equals(operation.getMethodName()) && m.getParameterCount() == 1)
                            .findFirst().orElseThrow();
                }
                return (T) method.invoke(api, (Object) environment.getSource());
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                if (activated) {
                    requestContext.deactivate();
                }
            }
        }

        @Override
        public CompletionStage<List<T>> load(List<K> keys, BatchLoaderEnvironment environment) {
            throw new UnsupportedOperationException("a source field of a single item is never batched");
        }
    }

    /**
     * {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at)}, written directly: every referral, event and follow-up
     * carries such times, and the general formatter was a sixtieth of a list request's CPU (issue 8). Years outside
     * 0–9999 are left to the formatter.
     */
    static String isoOffsetDateTime(OffsetDateTime at) {
        int year = at.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
        }
        StringBuilder text = new StringBuilder(40);
        twoDigits(twoDigits(text, year / 100), year % 100).append('-');
        twoDigits(text, at.getMonthValue()).append('-');
        twoDigits(text, at.getDayOfMonth()).append('T');
        twoDigits(text, at.getHour()).append(':');
        twoDigits(text, at.getMinute()).append(':');
        twoDigits(text, at.getSecond());
        int nano = at.getNano();
        if (nano > 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            String fraction = Integer.toString(nano);
            text.append('.').append("000000000", 0, digits - fraction.length()).append(fraction);
        }
        return text.append(at.getOffset().getId()).toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Light: graphql-java then builds no DataFetchingEnvironment for the field (nor anything the environment holds). */
    static final class PlainFieldFetcher<T> implements PlugableDataFetcher<T>, LightDataFetcher<T> {
        private final Field field;
        private final Reference owner;
        private final DateTimeFormatter dateFormat;
        private volatile Member accessor;

        PlainFieldFetcher(Field field, Reference owner, DateTimeFormatter dateFormat) {
            this.field = field;
            this.owner = owner;
            this.dateFormat = dateFormat;
        }

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            if (source == null) {
                return null;
            }
            Member member = accessor == null ? accessor = accessor(source.getClass()) : accessor;
            Object value = member instanceof Method method ? method.invoke(source) : ((java.lang.reflect.Field) member).get(source);
            if (dateFormat == DateTimeFormatter.ISO_OFFSET_DATE_TIME && value instanceof OffsetDateTime at) {
                return (T) isoOffsetDateTime(at);
            }
            return (T) (dateFormat != null && value != null ? dateFormat.format((TemporalAccessor) value) : value);
        }

        /** As SmallRye's field fetcher finds it: the getter SmallRye recorded, or else the public field. */
        private Member accessor(Class<?> sourceClass) throws ReflectiveOperationException {
            Class<?> declaring = Class.forName(owner.getClassName(), false, sourceClass.getClassLoader());
            Member member = field.getMethodName() != null ? declaring.getMethod(field.getMethodName())
                    : declaring.getField(field.getPropertyName());
            ((java.lang.reflect.AccessibleObject) member).trySetAccessible();
            return member;
        }
    }
}
