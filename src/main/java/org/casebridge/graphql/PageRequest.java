package org.casebridge.graphql;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;

/** {@code first}/{@code after} as given by a client, checked: {@code first} between 1 and {@value #MAX_FIRST}. */
public record PageRequest(int first, String afterKey) {

    public static final int MAX_FIRST = 100;
    public static final int DEFAULT_FIRST = 20;

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 1 || size > MAX_FIRST) {
            throw ApiException.invalid("first", "first must be between 1 and " + MAX_FIRST);
        }
        if (after == null) {
            return new PageRequest(size, null);
        }
        try {
            return new PageRequest(size, new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("after", "Not a cursor returned by this API");
        }
    }

    /** A keyset position in a list ordered by a time, then by ID. */
    public record TimeAndId(OffsetDateTime at, UUID id) {
        public static String key(OffsetDateTime at, UUID id) {
            return at.toInstant() + "|" + id;
        }
    }

    /** The position after which this page starts, or null for the first page. */
    public TimeAndId afterTimeAndId() {
        return after(key -> {
            String[] parts = key.split("\\|", 2);
            return new TimeAndId(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        });
    }

    public UUID afterId() {
        return after(UUID::fromString);
    }

    public Long afterNumber() {
        return after(Long::valueOf);
    }

    private <K> K after(Function<String, K> parse) {
        if (afterKey == null) {
            return null;
        }
        try {
            return parse.apply(afterKey);
        } catch (RuntimeException e) {
            throw ApiException.invalid("after", "Not a cursor returned by this API");
        }
    }

    static String cursor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return first + 1;
    }

    /**
     * The fetch size as a literal HQL {@code limit}, to end a page query with. As a bind parameter (Panache's
     * {@code page()}) it made PostgreSQL plan the many-join page queries anew on every execution, since a generic
     * plan cannot know the limit: about 6 ms of planning per request for a 0.7 ms query (issue 8). A literal limit
     * gives one plan per page size, reused.
     */
    public String limit() {
        return " limit " + fetchSize();
    }
}
