package org.casebridge.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.RequestContextHelper;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Execute;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;
import org.dataloader.BatchLoaderEnvironment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
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
 *
 * <p>Both are fast paths ({@link FastPaths}): with {@code casebridge.graphql.fast-paths=false}, or when their startup
 * self-check fails, this service declines every field and SmallRye's own fetchers serve them all. The property reader
 * checks that SmallRye's own field helper gives each kind of value it takes over unchanged (and dates in the same
 * text); the source-method caller checks that no metrics, tracing or other eventing service watches data fetches,
 * since it fires none of SmallRye's before/after-fetch events.
 */
public class PlainFieldFetchers implements DataFetcherService {

    static final String PROPERTIES = "PlainFieldFetchers (plain properties and dates)";
    static final String SOURCE_METHODS = "PlainFieldFetchers (source methods called directly)";

    private final boolean properties;
    private final boolean sourceMethods;

    /** As SmallRye's ServiceLoader makes it: each fast path if the switch is on and its self-check holds. */
    public PlainFieldFetchers() {
        this(FastPaths.use(PROPERTIES, PlainFieldFetchers::propertiesSelfCheck),
                FastPaths.use(SOURCE_METHODS, PlainFieldFetchers::sourceMethodsSelfCheck));
    }

    PlainFieldFetchers(boolean properties, boolean sourceMethods) {
        this.properties = properties;
        this.sourceMethods = sourceMethods;
    }

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
        if (!properties) {
            return null;
        }
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
        return sourceMethods && sourceOnly && plain ? new SourceFieldFetcher<>(operation) : null;
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

    /** One value of each kind the property reader takes over from SmallRye, as the API's views carry them. */
    public record Probe(String text, List<String> texts, Execute kind, LocalDate day, LocalTime time,
                        LocalDateTime local, OffsetTime offsetTime, OffsetDateTime at, OffsetDateTime atNanos,
                        ZonedDateTime zoned) {
    }

    /**
     * Null when SmallRye's own field helper (what its FieldDataFetcher applies to every value) gives each probe value
     * exactly as the property reader does, else what differs.
     */
    static String propertiesSelfCheck() {
        Probe probe = new Probe("needs an interpreter", new ArrayList<>(List.of("SHELTER", "LEGAL_AID")), Execute.BLOCKING,
                LocalDate.of(2026, 11, 23), LocalTime.of(9, 30), LocalDateTime.of(2026, 11, 23, 9, 30),
                OffsetTime.of(9, 30, 0, 0, ZoneOffset.ofHours(1)), OffsetDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 11, 23, 9, 30, 15, 120_000_000, ZoneOffset.ofHours(-3)),
                ZonedDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneId.of("Africa/Lagos")));
        Reference owner = new Reference();
        owner.setClassName(Probe.class.getName());
        List<Field> fields = List.of(probeField("text", String.class, ReferenceType.SCALAR, false),
                probeField("texts", String.class, ReferenceType.SCALAR, true),
                probeField("kind", Execute.class, ReferenceType.ENUM, false),
                probeField("day", LocalDate.class, ReferenceType.SCALAR, false),
                probeField("time", LocalTime.class, ReferenceType.SCALAR, false),
                probeField("local", LocalDateTime.class, ReferenceType.SCALAR, false),
                probeField("offsetTime", OffsetTime.class, ReferenceType.SCALAR, false),
                probeField("at", OffsetDateTime.class, ReferenceType.SCALAR, false),
                probeField("atNanos", OffsetDateTime.class, ReferenceType.SCALAR, false),
                probeField("zoned", ZonedDateTime.class, ReferenceType.SCALAR, false));
        PlainFieldFetchers fetchers = new PlainFieldFetchers(true, false);
        for (Field field : fields) {
            try {
                @SuppressWarnings("unchecked")
                PlainFieldFetcher<Object> ours = (PlainFieldFetcher<Object>) fetchers.getFieldDataFetcher(field, null, owner);
                if (ours == null) {
                    return "the property reader no longer takes " + field.getName();
                }
                Object value = Probe.class.getMethod(field.getMethodName()).invoke(probe);
                Object smallRyes = new FieldHelper(field).transformOrAdaptResponse(value, null);
                Object fetched = ours.get(null, probe, () -> null);
                if (!Objects.equals(smallRyes, fetched)) {
                    return "SmallRye gives " + field.getName() + " as " + smallRyes + ", the property reader as " + fetched;
                }
            } catch (Exception e) {
                return "checking " + field.getName() + ": " + e;
            }
        }
        return null;
    }

    /** As SmallRye's schema builder models a property of a result object. */
    static Field probeField(String name, Class<?> type, ReferenceType kind, boolean list) {
        Reference reference = new Reference();
        reference.setClassName(type.getName());
        reference.setGraphQLClassName(ISO_DATES.containsKey(type.getName()) ? String.class.getName() : type.getName());
        reference.setName(type.getSimpleName());
        reference.setType(kind);
        Field field = new Field(name, name, name, reference);
        if (list) {
            field.setWrapper(new io.smallrye.graphql.schema.model.Wrapper(io.smallrye.graphql.schema.model.WrapperType.COLLECTION,
                    List.class.getName()));
        }
        return field;
    }

    /** SmallRye's hooks around each data fetch, which the source-method caller does not fire. */
    private static final Set<String> DATA_FETCH_HOOKS = Set.of("beforeDataFetch", "beforeInvoke", "afterDataFetch",
            "errorDataFetch");

    /**
     * Null when nothing would miss SmallRye's per-fetch events: metrics are off and no enabled eventing service (CDI
     * events, tracing, any other) other than Casebridge's own implements a data-fetch hook.
     */
    static String sourceMethodsSelfCheck() {
        Config config = Config.get();
        if (config.isMetricsEnabled()) {
            return "SmallRye GraphQL metrics are enabled and measure each data fetch";
        }
        for (EventingService service : ServiceLoader.load(EventingService.class)) {
            String key = service.getConfigKey();
            boolean enabled = key == null || config.getConfigValue(key, boolean.class, false);
            if (!enabled || service.getClass().getName().startsWith("org.casebridge.")) {
                continue;
            }
            for (Method method : service.getClass().getMethods()) {
                if (DATA_FETCH_HOOKS.contains(method.getName()) && method.getDeclaringClass() != EventingService.class) {
                    return service.getClass().getName() + " (" + key + ") watches each data fetch";
                }
            }
        }
        return null;
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
