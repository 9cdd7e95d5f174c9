package org.casebridge.insight;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.casebridge.insight.FamilyDisclosure.Line;
import org.casebridge.insight.FamilyDisclosure.State;
import org.casebridge.insight.ReportFamilies.Count;
import org.casebridge.insight.ReportFamilies.Family;
import org.casebridge.insight.ReportFamilies.Shape;
import org.casebridge.insight.ReportFamilies.Unlinked;
import org.casebridge.runtime.RequestDeadline;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.casebridge.insight.ReportFamilies.TOTAL;

/**
 * Releases of a table family for a scope (a state) and a closed period, computed the first time they are asked for
 * and stored for good (migration V8: {@code report_release}). A family's months are released in order within their
 * year, each quarter together with its last month and the year together with December, so that the months, quarters
 * and year form one linked family that {@link FamilyDisclosure} protects as a whole: cells released earlier are
 * frozen, and only the new period's cells may be suppressed further. A quarter's counts are the sum of its released
 * months' and a year's the sum of its quarters', so a late correction counts in the month it is recorded in and a
 * released period never changes. One transaction-scoped advisory lock per family and scope: concurrent first
 * requests wait for one release instead of computing two.
 */
@ApplicationScoped
public class Releases {

    private static final Logger LOG = Logger.getLogger(Releases.class);

    public record Cell(String table, String row, String column, long value, boolean hidden) {
        static Cell of(Tuple t) {
            return new Cell(t.get("tbl", String.class), t.get("row_key", String.class), t.get("col_key", String.class),
                    ((Number) t.get("value")).longValue(), t.get("hidden", Boolean.class));
        }
    }

    public record Quote(String theme, int position, String speakerType, String text) {
        static Quote of(Tuple t) {
            return new Quote(t.get("theme", String.class), ((Number) t.get("position")).intValue(), t.get("speaker_type", String.class),
                    t.get("text", String.class));
        }
    }

    /** A stored release: every cell with its margins, and the quotes released with it. */
    public record Release(String family, String scope, ReportingPeriod period, OffsetDateTime computedAt, List<Cell> cells,
                          List<Quote> quotes) {
        public List<Cell> table(String table) {
            return cells.stream().filter(c -> c.table().equals(table)).toList();
        }
    }

    private final EntityManager em;
    private final int threshold;
    private final int quoteMinSessions;
    private final Clock clock;
    private final int releaseTimeoutSeconds;
    private final RequestDeadline deadline;

    public Releases(EntityManager em, RequestDeadline deadline, @ConfigProperty(name = "casebridge.disclosure.threshold", defaultValue = "11") int threshold,
                    @ConfigProperty(name = "casebridge.disclosure.quote-min-sessions", defaultValue = "3") int quoteMinSessions,
                    @ConfigProperty(name = "casebridge.reporting.release-timeout") int releaseTimeoutSeconds, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.threshold = threshold;
        this.quoteMinSessions = quoteMinSessions;
        this.releaseTimeoutSeconds = releaseTimeoutSeconds;
        this.deadline = deadline;
    }

    public int threshold() {
        return threshold;
    }

    /**
     * The release of a closed period; computed, with every earlier month of its year not released yet, on first use, in a
     * transaction of its own bound ({@code casebridge.reporting.release-timeout}) unless the caller's is joined.
     */
    public Release release(Family family, String scope, ReportingPeriod period) {
        return QuarkusTransaction.joiningExisting().timeout(releaseTimeoutSeconds).call(() -> releaseInTransaction(family, scope, period));
    }

    private Release releaseInTransaction(Family family, String scope, ReportingPeriod period) {
        Optional<Release> stored = load(family.name(), scope, period);
        if (stored.isPresent()) {
            return stored.get();
        }
        // computing a release is long work with a bound of its own: the request that asked for it may finish reading it
        deadline.atLeast(Duration.ofSeconds(releaseTimeoutSeconds));
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext('casebridge.release'), hashtext(?1))) x")
                .setParameter(1, family.name() + "/" + scope).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> labels = em.createNativeQuery("select period from report_release where family = ?1 and scope = ?2 and period like ?3")
                .setParameter(1, family.name()).setParameter(2, scope).setParameter(3, "%04d%%".formatted(period.year())).getResultList();
        Set<String> released = new HashSet<>(labels);
        for (int m = 1; m <= period.lastMonth().getMonthValue(); m++) {
            YearMonth month = YearMonth.of(period.year(), m);
            if (!released.contains(ReportingPeriod.month(month).label())) {
                releaseMonth(family, scope, month);
            }
        }
        return load(family.name(), scope, period).orElseThrow();
    }

    private Optional<Release> load(String family, String scope, ReportingPeriod period) {
        @SuppressWarnings("unchecked")
        List<OffsetDateTime> computed = em.createNativeQuery(
                        "select computed_at from report_release where family = ?1 and scope = ?2 and period = ?3", OffsetDateTime.class)
                .setParameter(1, family).setParameter(2, scope).setParameter(3, period.label()).getResultList();
        if (computed.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> quotes = em.createNativeQuery("""
                        select theme, position, speaker_type, text from report_release_quote
                        where family = ?1 and scope = ?2 and period = ?3 order by theme, position""", Tuple.class)
                .setParameter(1, family).setParameter(2, scope).setParameter(3, period.label()).getResultList();
        return Optional.of(new Release(family, scope, period, computed.get(0).withOffsetSameInstant(ZoneOffset.UTC),
                cells(family, scope, period.label()), quotes.stream().map(Quote::of).toList()));
    }

    private List<Cell> cells(String family, String scope, String period) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select tbl, row_key, col_key, value, hidden from report_release_cell
                        where family = ?1 and scope = ?2 and period = ?3""", Tuple.class)
                .setParameter(1, family).setParameter(2, scope).setParameter(3, period).getResultList();
        return rows.stream().map(Cell::of).toList();
    }

    /** The family's cells under construction: values, frozen or new, by (period, table, row, column). */
    private static final class Universe {
        final List<Long> values = new ArrayList<>();
        final List<State> states = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();

        static String key(String period, String table, String row, String column) {
            return period + "\u0001" + table + "\u0001" + row + "\u0001" + column;
        }

        int add(String key, long value, State state) {
            return index.computeIfAbsent(key, k -> {
                values.add(value);
                states.add(state);
                return values.size() - 1;
            });
        }

        int at(String period, String table, String row, String column) {
            Integer i = index.get(key(period, table, row, column));
            if (i == null) throw new IllegalStateException("no cell " + key(period, table, row, column));
            return i;
        }
    }

    private static List<String> withTotal(List<String> keys) {
        List<String> all = new ArrayList<>(keys);
        all.add(TOTAL);
        return all;
    }

    /** What a period is the sum of: a quarter its months; a year its quarters, and also its twelve months. */
    static List<List<ReportingPeriod>> partSets(ReportingPeriod p) {
        return switch (p.kind()) {
            case MONTH -> List.of();
            case QUARTER -> List.of(p.parts());
            case YEAR -> List.of(p.parts(), p.months().stream().map(ReportingPeriod::month).toList());
        };
    }

    private static List<ReportingPeriod> allParts(ReportingPeriod p) {
        List<ReportingPeriod> all = new ArrayList<>();
        partSets(p).forEach(all::addAll);
        return all;
    }

    /** Releases month {@code month} and the quarter and year that end with it, protecting them with the family. */
    private void releaseMonth(Family family, String scope, YearMonth month) {
        long started = System.nanoTime();
        List<Shape> shapes = family.shapes(em, scope);
        List<ReportingPeriod> fresh = ReportingPeriod.endingWith(month);
        Set<String> freshLabels = new HashSet<>();
        fresh.forEach(p -> freshLabels.add(p.label()));
        Universe u = new Universe();

        // frozen parts of the new quarter and year: their stored cells (a row added since is a published zero)
        for (ReportingPeriod p : fresh) {
            for (ReportingPeriod part : allParts(p)) {
                if (freshLabels.contains(part.label()) || u.index.containsKey(Universe.key(part.label(), shapes.get(0).table(), TOTAL, TOTAL))) continue;
                Map<String, Cell> stored = new HashMap<>();
                for (Cell c : cells(family.name(), scope, part.label())) stored.put(Universe.key(part.label(), c.table(), c.row(), c.column()), c);
                for (Shape s : shapes) {
                    for (String r : withTotal(s.rows())) {
                        for (String c : withTotal(s.columns())) {
                            String key = Universe.key(part.label(), s.table(), r, c);
                            Cell cell = stored.get(key);
                            boolean hidden = cell != null ? cell.hidden() : family.unpublishedTables().contains(s.table());
                            u.add(key, cell == null ? 0 : cell.value(), hidden ? State.FROZEN_HIDDEN : State.FROZEN_PUBLISHED);
                        }
                    }
                }
            }
        }
        // the month's counts, with their margins
        Map<String, Long> counted = new HashMap<>();
        for (Count c : family.count(em, scope, ReportFamilies.utc(month.atDay(1)), ReportFamilies.utc(month.plusMonths(1).atDay(1)))) {
            counted.merge(c.table() + "\u0001" + c.row() + "\u0001" + c.column(), c.n(), Long::sum);
        }
        String monthLabel = fresh.get(0).label();
        for (Shape s : shapes) {
            long grand = 0;
            long[] columnTotals = new long[s.columns().size()];
            for (String r : s.rows()) {
                long rowTotal = 0;
                for (int c = 0; c < s.columns().size(); c++) {
                    long n = counted.getOrDefault(s.table() + "\u0001" + r + "\u0001" + s.columns().get(c), 0L);
                    u.add(Universe.key(monthLabel, s.table(), r, s.columns().get(c)), n, State.NEW);
                    rowTotal += n;
                    columnTotals[c] += n;
                }
                u.add(Universe.key(monthLabel, s.table(), r, TOTAL), rowTotal, State.NEW);
                grand += rowTotal;
            }
            for (int c = 0; c < s.columns().size(); c++) {
                u.add(Universe.key(monthLabel, s.table(), TOTAL, s.columns().get(c)), columnTotals[c], State.NEW);
            }
            u.add(Universe.key(monthLabel, s.table(), TOTAL, TOTAL), grand, State.NEW);
        }
        // the quarter and the year: sums of their parts
        for (ReportingPeriod p : fresh.subList(1, fresh.size())) {
            for (Shape s : shapes) {
                for (String r : withTotal(s.rows())) {
                    for (String c : withTotal(s.columns())) {
                        long sum = 0;
                        for (ReportingPeriod part : p.parts()) sum += u.values.get(u.at(part.label(), s.table(), r, c));
                        u.add(Universe.key(p.label(), s.table(), r, c), sum, State.NEW);
                    }
                }
            }
        }
        // the lines: each table's rows, columns and margins; a quarter or year with its parts; the family's own — of the
        // new periods and of the frozen ones they are made of (the per-line rule only checks lines holding a new cell;
        // the linear audit solves them all together, as an attacker holding every release would)
        List<ReportingPeriod> periods = new ArrayList<>(fresh);
        Set<String> seen = new HashSet<>(freshLabels);
        for (ReportingPeriod p : fresh) {
            for (ReportingPeriod part : allParts(p)) if (seen.add(part.label())) periods.add(part);
        }
        List<Line> lines = new ArrayList<>();
        for (ReportingPeriod p : periods) {
            String label = p.label();
            for (Shape s : shapes) {
                for (String r : withTotal(s.rows())) {
                    List<Integer> parts = new ArrayList<>();
                    for (String c : s.columns()) parts.add(u.at(label, s.table(), r, c));
                    lines.add(Line.of(parts, u.at(label, s.table(), r, TOTAL)));
                }
                for (String c : withTotal(s.columns())) {
                    List<Integer> parts = new ArrayList<>();
                    for (String r : s.rows()) parts.add(u.at(label, s.table(), r, c));
                    if (!parts.isEmpty()) lines.add(Line.of(parts, u.at(label, s.table(), TOTAL, c)));
                }
                for (List<ReportingPeriod> partSet : partSets(p)) {
                    if (partSet.stream().anyMatch(part -> !u.index.containsKey(Universe.key(part.label(), s.table(), TOTAL, TOTAL)))) continue;
                    for (String r : withTotal(s.rows())) {
                        for (String c : withTotal(s.columns())) {
                            List<Integer> parts = new ArrayList<>();
                            for (ReportingPeriod part : partSet) parts.add(u.at(part.label(), s.table(), r, c));
                            lines.add(Line.of(parts, u.at(label, s.table(), r, c)));
                        }
                    }
                }
            }
            lines.addAll(family.linesWithin(shapes, k -> u.at(label, k[0], k[1], k[2])));
        }
        long[] values = u.values.stream().mapToLong(Long::longValue).toArray();
        // a table that is never published: its new cells are hidden from the start and stay so (frozen hidden)
        for (Shape s : shapes) {
            if (!family.unpublishedTables().contains(s.table())) continue;
            for (ReportingPeriod p : fresh) {
                for (String r : withTotal(s.rows())) for (String c : withTotal(s.columns())) u.states.set(u.at(p.label(), s.table(), r, c), State.FROZEN_HIDDEN);
            }
        }
        long protectStarted = System.nanoTime();
        FamilyDisclosure.Result result = FamilyDisclosure.protect(values, u.states.toArray(State[]::new), lines, threshold);
        long protectMs = (System.nanoTime() - protectStarted) / 1_000_000;
        if (result.auditSuppressed() > 0 || protectMs > 200) {
            LOG.infof("Release %s/%s/%s: %d cells, %d lines, %d hidden by the linear audit, protect took %d ms", family.name(), scope,
                    monthLabel, values.length, lines.size(), result.auditSuppressed(), protectMs);
        }
        if (result.unsatisfiedLines() > 0) {
            // cannot happen with releases in order (every new line has two new cells); hide everything new rather than risk it
            LOG.errorf("Release %s/%s/%s: %d lines unsatisfied; publishing nothing new", family.name(), scope, monthLabel,
                    result.unsatisfiedLines());
            for (int i = 0; i < values.length; i++) if (u.states.get(i) == State.NEW) result.hidden()[i] = true;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ReportingPeriod p : fresh) {
            em.createNativeQuery("insert into report_release (family, scope, period, computed_at) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, family.name()).setParameter(2, scope).setParameter(3, p.label()).setParameter(4, now).executeUpdate();
            List<Cell> cells = new ArrayList<>();
            Map<String, Boolean> published = new LinkedHashMap<>();
            for (Shape s : shapes) {
                for (String r : withTotal(s.rows())) {
                    for (String c : withTotal(s.columns())) {
                        int i = u.at(p.label(), s.table(), r, c);
                        cells.add(new Cell(s.table(), r, c, values[i], result.hidden()[i]));
                        published.put(s.table() + "\u0001" + r + "\u0001" + c, !result.hidden()[i]);
                    }
                }
            }
            OffsetDateTime from = ReportFamilies.utc(p.startsOn());
            OffsetDateTime to = ReportFamilies.utc(p.endExclusive());
            for (Unlinked x : family.unlinked(em, scope, from, to, threshold)) {
                boolean sourcesPublished = x.from().stream()
                        .allMatch(k -> Boolean.TRUE.equals(published.get(k.get(0) + "\u0001" + k.get(1) + "\u0001" + k.get(2))));
                cells.add(new Cell(x.table(), x.row(), x.column(), x.value(), x.hidden() || !sourcesPublished));
            }
            store(family.name(), scope, p.label(), cells);
            if (family == ReportFamilies.NEEDS) {
                List<String> themes = new ArrayList<>();
                for (String theme : ReportFamilies.themes(em)) {
                    if (Boolean.TRUE.equals(published.get("mentions\u0001" + theme + "\u0001MENTIONS"))) themes.add(theme);
                }
                storeQuotes(scope, p.label(), from, to, themes);
            }
        }
        LOG.debugf("Released %s of %s for %s in %d ms", String.join(", ", freshLabels), family.name(), scope,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void store(String family, String scope, String period, List<Cell> cells) {
        em.createNativeQuery("""
                        insert into report_release_cell (family, scope, period, tbl, row_key, col_key, value, hidden)
                        select ?1, ?2, ?3, t.tbl, t.row_key, t.col_key, t.value, t.hidden
                        from unnest(?4, ?5, ?6, ?7, ?8) as t(tbl, row_key, col_key, value, hidden)""")
                .setParameter(1, family).setParameter(2, scope).setParameter(3, period)
                .setParameter(4, cells.stream().map(Cell::table).toArray(String[]::new))
                .setParameter(5, cells.stream().map(Cell::row).toArray(String[]::new))
                .setParameter(6, cells.stream().map(Cell::column).toArray(String[]::new))
                .setParameter(7, cells.stream().map(Cell::value).toArray(Long[]::new))
                .setParameter(8, cells.stream().map(Cell::hidden).toArray(Boolean[]::new))
                .executeUpdate();
    }

    /**
     * Exactly three quotes, or none, per theme whose mentions are published and come from at least
     * {@code quote-min-sessions} sessions, taken only from sessions of at least the threshold's number of participants,
     * shortest first (one or two quotes would tell that the theme's quote count is one or two).
     */
    private void storeQuotes(String scope, String period, OffsetDateTime from, OffsetDateTime to, List<String> themes) {
        if (themes.isEmpty()) return;
        em.createNativeQuery("""
                        insert into report_release_quote (family, scope, period, theme, position, speaker_type, text)
                        with final as (select * from fg_session where status = 'FINAL' and finalised_at >= ?3 and finalised_at < ?4),
                        s as (select * from final where state = ?1),
                        mention as (
                            select n.theme, n.session_id from fg_need n join final on final.id = n.session_id where n.state = ?1
                            union all select t.theme, q.session_id from fg_quote q join s on s.id = q.session_id cross join unnest(q.themes) as t(theme)
                            union all select f.theme, f.session_id from fg_follow_up_request f join final on final.id = f.session_id
                                      where f.state = ?1),
                        eligible as (select theme from mention where theme = any(?5) group by theme having count(distinct session_id) >= ?6)
                        select 'NEEDS', ?1, ?2, theme, n, speaker_type, text from (
                            select t.theme, q.speaker_type, q.text,
                                   row_number() over (partition by t.theme order by length(q.text), q.id) as n,
                            count(*) over (partition by t.theme) as available
                            from fg_quote q join s on s.id = q.session_id cross join unnest(q.themes) as t(theme)
                            where s.participant_count - s.withdrawn_count >= ?7 and t.theme in (select theme from eligible)) ranked
                        where n <= 3 and available >= 3""")
                .setParameter(1, scope).setParameter(2, period).setParameter(3, from).setParameter(4, to)
                .setParameter(5, themes.toArray(String[]::new)).setParameter(6, quoteMinSessions).setParameter(7, threshold)
                .executeUpdate();
    }
}
