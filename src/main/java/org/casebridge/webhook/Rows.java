package org.casebridge.webhook;

import jakarta.persistence.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading native-query tuples: PostgreSQL's timestamptz arrives as an Instant, the API speaks OffsetDateTime (UTC). */
final class Rows {

    private Rows() {
    }

    static OffsetDateTime at(Tuple row, String column) {
        Object value = row.get(column);
        if (value == null) return null;
        if (value instanceof Instant instant) return instant.atOffset(ZoneOffset.UTC);
        if (value instanceof OffsetDateTime time) return time.withOffsetSameInstant(ZoneOffset.UTC);
        throw new IllegalStateException("Not a time in " + column + ": " + value.getClass().getSimpleName());
    }
}
