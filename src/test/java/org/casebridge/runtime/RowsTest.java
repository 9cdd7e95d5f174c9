package org.casebridge.runtime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.casebridge.referral.ReferralStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Native rows are read by column name against the real PostgreSQL, so the select list's order cannot swap fields. */
@QuarkusTest
class RowsTest {

    record Pair(String first, String second) {
    }

    record Typed(ReferralStatus status, int count, Long total, OffsetDateTime at, List<String> tags, String missing) {
    }

    @Inject
    EntityManager em;

    private <R extends Record> List<R> read(Class<R> type, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> Rows.read(em, type, sql, parameters));
    }

    @Test
    void aColumnFillsTheComponentOfItsNameWhereverItStandsInTheSelect() {
        assertEquals(List.of(new Pair("a", "b")), read(Pair.class, "select 'b' as second, cast(?1 as varchar) as first", "a"));
    }

    @Test
    void aSelectWhoseColumnsAreNotTheRecordsFailsInsteadOfFillingTheWrongField() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> read(Pair.class, "select 'a' as first, 'b' as other"));
        assertTrue(refused.getMessage().contains("second"), refused.getMessage());
    }

    @Test
    void whatJdbcReturnsIsConvertedToTheComponentsType() {
        Typed row = read(Typed.class, """
                select 'ACCEPTED' as status, cast(3 as bigint) as count, cast(4 as integer) as total,
                       timestamptz '2026-03-01 10:00:00+02' as at, array['x', null] as tags, cast(null as varchar) as missing""").get(0);
        assertEquals(ReferralStatus.ACCEPTED, row.status());
        assertEquals(3, row.count());
        assertEquals(4L, row.total());
        assertEquals(OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC), row.at());
        assertEquals(java.util.Arrays.asList("x", null), row.tags());
        assertEquals(null, row.missing());
    }

    @Test
    void aBatchIsGroupedByItsKeyInTheOrderOfItsRows() {
        assertEquals(List.of(List.of("1", "3"), List.of("2")), List.copyOf(Rows.group(List.of("1", "2", "3"),
                n -> Integer.parseInt(n) % 2).values()));
    }
}
