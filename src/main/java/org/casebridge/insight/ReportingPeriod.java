package org.casebridge.insight;

import org.casebridge.graphql.ApiException;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed reporting period: a calendar month, a quarter or a year (UTC). Aggregates are released for closed periods
 * only — periods that ended before now — and never for arbitrary days or an open month.
 */
public record ReportingPeriod(int year, Integer quarter, Integer month) {

    @Type("ReportingPeriod")
    @Description("A closed calendar month, quarter or year (UTC) that figures are released for.")
    public record View(@NonNull @Description("'2026-10', '2026-Q4' or '2026'.") String label, int year, Integer quarter,
                       Integer month, @NonNull LocalDate startsOn, @NonNull LocalDate endsOn) {
    }

    public View view() {
        return new View(label(), year, quarter, month, startsOn(), endsOn());
    }

    public enum Kind { MONTH, QUARTER, YEAR }

    /** The earliest year figures are released for. */
    public static final int FIRST_YEAR = 2000;

    @Input("ReportingPeriodInput")
    @Description("A reporting period: a year; with `quarter` (1-4) one of its quarters, or with `month` (1-12) one of its "
            + "months. Only periods that have ended (UTC) are released.")
    public record In(int year, Integer quarter, Integer month) {
    }

    public static ReportingPeriod of(In input, String field) {
        if (input == null) {
            throw ApiException.invalid(field, "A reporting period is required: {year}, {year, quarter} or {year, month}");
        }
        return checked(input.year(), input.quarter(), input.month(), field);
    }

    public static ReportingPeriod month(YearMonth m) {
        return new ReportingPeriod(m.getYear(), null, m.getMonthValue());
    }

    public static ReportingPeriod quarter(int year, int quarter) {
        return new ReportingPeriod(year, quarter, null);
    }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(year, null, null);
    }

    private static final Pattern LABEL = Pattern.compile("(\\d{4})(?:-(\\d{2})|-Q([1-4]))?");

    /** "2026-10", "2026-Q3" or "2026", as written in CSV addresses and release keys. */
    public static ReportingPeriod parse(String label, String field) {
        Matcher m = label == null ? null : LABEL.matcher(label);
        if (m == null || !m.matches()) {
            throw ApiException.invalid(field, field + " must be a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)");
        }
        return checked(Integer.parseInt(m.group(1)), m.group(3) == null ? null : Integer.valueOf(m.group(3)),
                m.group(2) == null ? null : Integer.valueOf(m.group(2)), field);
    }

    private static ReportingPeriod checked(int year, Integer quarter, Integer month, String field) {
        if (quarter != null && month != null) {
            throw ApiException.invalid(field + ".quarter", "A period is a month or a quarter of a year, not both");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw ApiException.invalid(field + ".month", "A month is 1 to 12");
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw ApiException.invalid(field + ".quarter", "A quarter is 1 to 4");
        }
        if (year < FIRST_YEAR || year > 9999) {
            throw ApiException.invalid(field + ".year", "Figures are released from " + FIRST_YEAR);
        }
        return new ReportingPeriod(year, quarter, month);
    }

    /** Refuses a period that has not ended yet: an open month, quarter or year has no figures. */
    public ReportingPeriod requireClosed(Clock clock, String field) {
        if (!isClosed(clock)) {
            throw ApiException.invalid(field, "Figures are released only for periods that have ended; " + label() + " ends on "
                    + endExclusive() + " (UTC)");
        }
        return this;
    }

    /**
     * The periods released now ({@link #isClosed}): every closed month, quarter and year of the latest {@code years}
     * calendar years that have a closed month, none before {@link #FIRST_YEAR}; the latest year first, and within a year
     * its months, then its quarters, then the year.
     */
    public static List<ReportingPeriod> closedPeriods(Clock clock, int years) {
        int latest = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1).getYear();
        List<ReportingPeriod> periods = new ArrayList<>();
        for (int y = latest; y > latest - years && y >= FIRST_YEAR; y--) {
            List<ReportingPeriod> ofYear = new ArrayList<>();
            for (int m = 1; m <= 12; m++) ofYear.add(month(YearMonth.of(y, m)));
            for (int q = 1; q <= 4; q++) ofYear.add(quarter(y, q));
            ofYear.add(year(y));
            ofYear.stream().filter(p -> p.isClosed(clock)).forEach(periods::add);
        }
        return periods;
    }

    public boolean isClosed(Clock clock) {
        return !endExclusive().isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    public Kind kind() {
        return month != null ? Kind.MONTH : quarter != null ? Kind.QUARTER : Kind.YEAR;
    }

    public String label() {
        return switch (kind()) {
            case MONTH -> "%04d-%02d".formatted(year, month);
            case QUARTER -> "%04d-Q%d".formatted(year, quarter);
            case YEAR -> "%04d".formatted(year);
        };
    }

    public LocalDate startsOn() {
        return months().get(0).atDay(1);
    }

    public LocalDate endsOn() {
        return endExclusive().minusDays(1);
    }

    LocalDate endExclusive() {
        return months().get(months().size() - 1).plusMonths(1).atDay(1);
    }

    /** The months of the period, in order. */
    public List<YearMonth> months() {
        return switch (kind()) {
            case MONTH -> List.of(YearMonth.of(year, month));
            case QUARTER -> List.of(YearMonth.of(year, quarter * 3 - 2), YearMonth.of(year, quarter * 3 - 1), YearMonth.of(year, quarter * 3));
            case YEAR -> {
                List<YearMonth> all = new ArrayList<>();
                for (int m = 1; m <= 12; m++) all.add(YearMonth.of(year, m));
                yield all;
            }
        };
    }

    /** The periods that end with month {@code m}: the month, its quarter when m ends one, and the year in December. */
    static List<ReportingPeriod> endingWith(YearMonth m) {
        List<ReportingPeriod> periods = new ArrayList<>(List.of(month(m)));
        if (m.getMonthValue() % 3 == 0) periods.add(quarter(m.getYear(), m.getMonthValue() / 3));
        if (m.getMonthValue() == 12) periods.add(year(m.getYear()));
        return periods;
    }

    /** The parts a quarter or year is the sum of: a quarter's months, a year's quarters. */
    List<ReportingPeriod> parts() {
        return switch (kind()) {
            case MONTH -> List.of();
            case QUARTER -> months().stream().map(ReportingPeriod::month).toList();
            case YEAR -> List.of(quarter(year, 1), quarter(year, 2), quarter(year, 3), quarter(year, 4));
        };
    }

    /** The last month of the period: releasing it releases the period. */
    YearMonth lastMonth() {
        return months().get(months().size() - 1);
    }
}
