package org.casebridge.graphql;

import graphql.schema.DataFetchingEnvironmentImpl;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Execute;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.OperationType;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Transformation;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.schema.model.WrapperType;
import io.smallrye.graphql.transformation.DateTransformer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Dates read by PlainFieldFetchers come out exactly as SmallRye's own date transformer writes them; only source methods
 * of one item without arguments of their own are called directly.
 */
class PlainFieldFetchersTest {

    /** A result object with one property of each date type, as the API's views have them. */
    public record Dated(Temporal at) {
    }

    static Field dateField(Class<?> type) {
        Reference reference = new Reference();
        reference.setClassName(type.getName());
        reference.setGraphQLClassName(String.class.getName());
        reference.setName("DateTime");
        reference.setType(ReferenceType.SCALAR);
        return new Field("at", "at", "at", reference);
    }

    @Test
    void datesWithoutAFormatAreWrittenAsSmallRyeWritesThem() throws Exception {
        // zero seconds and nanoseconds on purpose: toString() would drop them, the ISO formats keep the seconds
        List<Temporal> values = List.of(LocalDate.of(2026, 11, 23), LocalTime.of(9, 30), LocalDateTime.of(2026, 11, 23, 9, 30),
                OffsetTime.of(9, 30, 0, 0, ZoneOffset.ofHours(1)), OffsetDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 11, 23, 9, 30, 15, 120_000_000, ZoneOffset.ofHours(-3)),
                ZonedDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneId.of("Africa/Lagos")));
        for (Temporal value : values) {
            Field field = dateField(value.getClass());
            Object fetched = new PlainFieldFetchers(true, true).getFieldDataFetcher(field, null, owner())
                    .get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(new Dated(value)).build());
            assertEquals(new DateTransformer(field).out(value), fetched, value.getClass().getSimpleName());
        }
    }

    @Test
    void aDateWithAFormatOfItsOwnIsLeftToSmallRye() {
        Field field = dateField(LocalDate.class);
        field.setTransformation(new Transformation(Transformation.Type.DATE, "dd.MM.yyyy", null, false));
        assertFalse(PlainFieldFetchers.isPlainDate(field));
        assertNull(new PlainFieldFetchers(true, true).getFieldDataFetcher(field, null, owner()));
    }

    @Test
    void anAbsentDateStaysAbsent() throws Exception {
        Field field = dateField(OffsetDateTime.class);
        assertNotNull(new PlainFieldFetchers(true, true).getFieldDataFetcher(field, null, owner()));
        assertNull(new PlainFieldFetchers(true, true).getFieldDataFetcher(field, null, owner())
                .get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(new Dated(null)).build()));
    }

    @Test
    void aSourceMethodOfOneItemIsCalledDirectlyButNotABatchNorOneWithArgumentsOfItsOwn() {
        PlainFieldFetchers fetchers = new PlainFieldFetchers(true, true);
        assertInstanceOf(PlainFieldFetchers.SourceFieldFetcher.class, fetchers.getOtherFieldDataFetcher(sourceOperation(), null));

        Operation batch = sourceOperation();
        batch.getArguments().get(0).setWrapper(new Wrapper(WrapperType.COLLECTION, List.class.getName()));
        assertNull(fetchers.getOtherFieldDataFetcher(batch, null));

        Operation withArgument = sourceOperation();
        withArgument.addArgument(new Argument("limit", "note", "limit", "limit", dateField(LocalDate.class).getReference()));
        assertNull(fetchers.getOtherFieldDataFetcher(withArgument, null));

        Operation transformed = sourceOperation();
        transformed.setTransformation(new Transformation(Transformation.Type.NUMBER, "#.00", null, false));
        assertNull(fetchers.getOtherFieldDataFetcher(transformed, null));
    }

    /** As SmallRye models {@code String note(@Source ReferralView referral)}. */
    private static Operation sourceOperation() {
        Reference string = new Reference();
        string.setClassName(String.class.getName());
        string.setGraphQLClassName(String.class.getName());
        string.setType(ReferenceType.SCALAR);
        Operation operation = new Operation("org.casebridge.referral.ReferralApi", "note", "note", "note", string,
                OperationType.QUERY, Execute.DEFAULT);
        operation.setSourceFieldOn(owner());
        Argument source = new Argument("referral", "note", "referral", "referral", owner());
        source.setSourceArgument(true);
        operation.addArgument(source);
        return operation;
    }

    private static Reference owner() {
        Reference owner = new Reference();
        owner.setClassName(Dated.class.getName());
        return owner;
    }

    @Test
    void theStartupSelfChecksHoldOnThisSmallRye() {
        assertNull(PlainFieldFetchers.propertiesSelfCheck());
        assertNull(PlainFieldFetchers.sourceMethodsSelfCheck());
    }

    @Test
    void declinedFastPathsLeaveEveryFieldToSmallRye() {
        PlainFieldFetchers off = new PlainFieldFetchers(false, false);
        assertNull(off.getFieldDataFetcher(PlainFieldFetchers.probeField("text", String.class, ReferenceType.SCALAR, false),
                null, owner()));
        assertNull(off.getFieldDataFetcher(dateField(OffsetDateTime.class), null, owner()));
        assertNull(off.getOtherFieldDataFetcher(sourceOperation(), null));
    }

    @Test
    void offsetDateTimesAreWrittenAsTheIsoFormatterWritesThem() {
        Random random = new Random(8);
        List<Integer> nanos = List.of(0, 1, 10, 100_000, 120_000_000, 123_456_000, 999_999_999, 500_000_000);
        List<ZoneOffset> offsets = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHoursMinutes(-9, -30),
                ZoneOffset.ofHoursMinutesSeconds(5, 45, 12));
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime at = OffsetDateTime.of(LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    i % 2 == 0 ? nanos.get(random.nextInt(nanos.size())) : random.nextInt(1_000_000_000)),
                    offsets.get(random.nextInt(offsets.size())));
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at), PlainFieldFetchers.isoOffsetDateTime(at));
        }
        OffsetDateTime farFuture = OffsetDateTime.of(LocalDateTime.of(12_345, 6, 7, 8, 9), ZoneOffset.UTC);
        assertEquals("+12345-06-07T08:09:00Z", PlainFieldFetchers.isoOffsetDateTime(farFuture));
    }
}
