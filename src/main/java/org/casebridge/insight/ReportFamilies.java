package org.casebridge.insight;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.casebridge.agency.ServiceType;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.AssessmentEnums.Composition;
import org.casebridge.assessment.AssessmentEnums.Urgency;
import org.casebridge.closure.CaseClosure;
import org.casebridge.supervision.SupervisionTypes.AreaRating;
import org.casebridge.supervision.SupervisionTypes.ObservationAreaCode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The released table families and their counting rules. Every count is computed in SQL for the records that became
 * countable in a month (UTC): a session when it became FINAL, a referral when requested and when answered, a
 * follow-up when its contact was recorded or when a day past its schedule ended without one (or, for a follow-up
 * written after that day, when it was written: never in a period that had ended before the row existed), a closure when
 * approved, an observation when completed, feedback answers by their stored month. Row and column keys come from
 * fixed lists (every agency of the state, every theme of the controlled list, the enums), never from the data.
 */
public final class ReportFamilies {

    private ReportFamilies() {
    }

    public static final String TOTAL = "TOTAL";

    /** A table of a family: its fixed row and column keys and its dimensions' names. */
    public record Shape(String table, String title, String rowDimension, String columnDimension, List<String> rows,
                        List<String> columns, List<String> rowGroups) {
        Shape(String table, String title, String rowDimension, String columnDimension, List<String> rows, List<String> columns) {
            this(table, title, rowDimension, columnDimension, rows, columns, null);
        }
    }

    /** One count read from SQL. */
    public record Count(String table, String row, String column, long n) {
        static Count of(Tuple t) {
            return new Count(t.get("tbl", String.class), t.get("row_key", String.class), t.get("col_key", String.class),
                    ((Number) t.get("n")).longValue());
        }
    }

    /**
     * A released value that is no sum of counts (a median): outside the lines, published only when its own rule allows
     * it and every count it derives from ({@code from}: table, row, column of the same period) is published after
     * protection — a median shown beside a suppressed count would tell that count's size.
     */
    public record Unlinked(String table, String row, String column, long value, boolean hidden, List<List<String>> from) {
        public Unlinked(String table, String row, String column, long value, boolean hidden) {
            this(table, row, column, value, hidden, List.of());
        }
    }

    public interface Family {
        String name();

        List<Shape> shapes(EntityManager em, String scope);

        /** Counts of the records that became countable in [from, to). */
        List<Count> count(EntityManager em, String scope, OffsetDateTime from, OffsetDateTime to);

        /** Lines across the family's tables within one period, beyond each table's rows, columns and margins. */
        default List<FamilyDisclosure.Line> linesWithin(List<Shape> shapes, Function<String[], Integer> cell) {
            return List.of();
        }

        /**
         * Tables counted and protected with the family but never published (their cells are hidden from the start):
         * counts that tie published ones together, so that the relation is in the family's lines.
         */
        default java.util.Set<String> unpublishedTables() {
            return java.util.Set.of();
        }

        /** Values released with the period that are not counts (medians), each with its own publication rule. */
        default List<Unlinked> unlinked(EntityManager em, String scope, OffsetDateTime from, OffsetDateTime to, int threshold) {
            return List.of();
        }
    }

    static OffsetDateTime utc(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    static List<Count> counts(EntityManager em, String sql, Object... params) {
        jakarta.persistence.Query q = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.length; i++) q.setParameter(i + 1, params[i]);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = q.getResultList();
        return rows.stream().map(Count::of).toList();
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    static List<String> themes(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<String> themes = em.createNativeQuery("select name from need_theme order by name").getResultList();
        return themes;
    }

    /** The agencies that lead cases (and so close them, follow them up and survey their clients): every one of the state. */
    static final String LEAD_AGENCY_TYPES = "('CASE_MANAGEMENT', 'CHILD_PROTECTION')";

    static List<String> agencies(EntityManager em, String state) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select code from agency where state = ?1 and type in " + LEAD_AGENCY_TYPES + " order by code")
                .setParameter(1, state).getResultList();
        return codes;
    }

    // --- needs assessment ---------------------------------------------------------------------------------

    /**
     * The professional levels a need is counted by: the grantee guide's three, and NOT_APPLICABLE for the needs of
     * audiences without levels (caregivers, young people). A fixed list, like every key.
     */
    static final List<String> NEED_LEVELS = List.of("MANAGER", "SUPERVISOR", "CASEWORKER", "NOT_APPLICABLE");

    public static final Family NEEDS = new Family() {
        public String name() {
            return "NEEDS";
        }

        public List<Shape> shapes(EntityManager em, String scope) {
            List<String> themes = themes(em);
            List<String> themeLevels = new ArrayList<>();
            for (String theme : themes) {
                for (String level : NEED_LEVELS) themeLevels.add(theme + " / " + level);
            }
            return List.of(
                    new Shape("needs", "Needs identified", "theme / professional level", "urgency", themeLevels, names(Urgency.values())),
                    new Shape("sessions", "Focus-group sessions", "audience", "composition", names(Audience.values()),
                            names(Composition.values())),
                    new Shape("participants", "Participants", "audience", "gender", names(Audience.values()),
                            List.of("FEMALE", "MALE", "OTHER")),
                    new Shape("followUpRequests", "Follow-up requests", "theme", "requests", themes, List.of("REQUESTS")),
                    new Shape("mentions", "Theme mentions", "theme", "mentions", themes, List.of("MENTIONS")),
                    new Shape("quoteTags", "Quotes tagged with a theme (never published)", "theme", "quote tags", themes, List.of("TAGS")));
        }

        public java.util.Set<String> unpublishedTables() {
            return java.util.Set.of("quoteTags");
        }

        /** A theme's mentions = its needs (every professional level) + its follow-up requests + its quote tags. */
        public List<FamilyDisclosure.Line> linesWithin(List<Shape> shapes, Function<String[], Integer> cell) {
            List<FamilyDisclosure.Line> lines = new ArrayList<>();
            Shape mentions = shapes.stream().filter(s -> s.table().equals("mentions")).findFirst().orElseThrow();
            for (String theme : mentions.rows()) {
                List<Integer> parts = new ArrayList<>();
                for (String level : NEED_LEVELS) parts.add(cell.apply(new String[]{"needs", theme + " / " + level, TOTAL}));
                parts.add(cell.apply(new String[]{"followUpRequests", theme, TOTAL}));
                parts.add(cell.apply(new String[]{"quoteTags", theme, TOTAL}));
                lines.add(FamilyDisclosure.Line.of(parts, cell.apply(new String[]{"mentions", theme, TOTAL})));
            }
            return lines;
        }

        public List<Count> count(EntityManager em, String scope, OffsetDateTime from, OffsetDateTime to) {
            return counts(em, """
                    with final as (select * from fg_session where status = 'FINAL' and finalised_at >= ?2 and finalised_at < ?3),
                    s as (select * from final where state = ?1),
                    need as (select n.* from fg_need n join final on final.id = n.session_id where n.state = ?1),
                    request as (select f.* from fg_follow_up_request f join final on final.id = f.session_id where f.state = ?1),
                    mention as (
                        select n.theme from need n
                        union all select t.theme from fg_quote q join s on s.id = q.session_id cross join unnest(q.themes) as t(theme)
                        union all select f.theme from request f)
                    select 'needs' as tbl, n.theme || ' / ' || coalesce(n.professional_level, 'NOT_APPLICABLE') as row_key,
                           n.urgency as col_key, count(*) as n
                    from need n group by 2, 3
                    union all
                    select 'sessions', s.audience, s.composition, count(*) from s group by 2, 3
                    union all
                    select 'participants', s.audience, g.gender, sum(g.n) from s
                    cross join lateral (values ('FEMALE', s.female_count), ('MALE', s.male_count), ('OTHER', s.other_gender_count)) g(gender, n)
                    group by 2, 3
                    union all
                    select 'followUpRequests', f.theme, 'REQUESTS', count(*) from request f group by 2
                    union all
                    select 'quoteTags', t.theme, 'TAGS', count(*) from fg_quote q join s on s.id = q.session_id cross join unnest(q.themes) as t(theme)
                    group by 2
                    union all
                    select 'mentions', theme, 'MENTIONS', count(*) from mention group by 2""", scope, from, to);
        }
    };

    // --- case management ----------------------------------------------------------------------------------

    public static final Family CASE_MANAGEMENT = new Family() {
        public String name() {
            return "CASE_MANAGEMENT";
        }

        public List<Shape> shapes(EntityManager em, String scope) {
            List<String> agencies = agencies(em, scope);
            return List.of(
                    new Shape("referralRequests", "Referrals requested", "service type", "referrals", names(ServiceType.values()),
                            List.of("REQUESTED")),
                    new Shape("referrals", "Referral answers", "service type", "answer", names(ServiceType.values()),
                            List.of("ACCEPTED", "REJECTED", "EXPIRED", "CANCELLED")),
                    new Shape("followUpTimeliness", "Follow-up timeliness", "lead agency", "timeliness", agencies,
                            List.of("ON_TIME", "LATE", "OVERDUE")),
                    new Shape("closureReasons", "Closure reasons", "lead agency", "reason", agencies,
                            names(CaseClosure.Reason.values())));
        }

        private static final String COUNTED = """
                with c as (select k.id, a.code as lead from survivor_case k join agency a on a.id = k.lead_agency_id and a.state = ?1
                           where k.reporting_consent)
                """;

        public List<Count> count(EntityManager em, String scope, OffsetDateTime from, OffsetDateTime to) {
            return counts(em, COUNTED + """
                    select 'referralRequests' as tbl, s.type as row_key, 'REQUESTED' as col_key, count(*) as n
                    from referral r join c on c.id = r.case_id join agency_service s on s.id = r.service_id
                    where r.requested_at >= ?2 and r.requested_at < ?3 group by 2
                    union all
                    select 'referrals', s.type, r.answer, count(*)
                    from referral r join c on c.id = r.case_id join agency_service s on s.id = r.service_id
                    where r.answered_at >= ?2 and r.answered_at < ?3 group by 2, 3
                    union all
                    select 'followUpTimeliness', c.lead, case when f.contact_at <= f.scheduled_at + interval '1 day' then 'ON_TIME' else 'LATE' end,
                           count(*)
                    from follow_up f join c on c.id = f.case_id
                    where f.status = 'COMPLETED' and f.recorded_at >= ?2 and f.recorded_at < ?3 group by 2, 3
                    union all
                    select 'followUpTimeliness', c.lead, 'OVERDUE', count(*)
                    from follow_up f join c on c.id = f.case_id
                    cross join lateral (select greatest(f.scheduled_at + interval '1 day', f.created_at) as due) d
                    where d.due >= ?2 and d.due < ?3
                      and (f.recorded_at is null or f.recorded_at > f.scheduled_at + interval '1 day') group by 2
                    union all
                    select 'closureReasons', c.lead, k.reason, count(*)
                    from case_closure k join c on c.id = k.case_id
                    where k.status = 'APPROVED' and k.decided_at >= ?2 and k.decided_at < ?3 group by 2, 3""", scope, from, to);
        }

        /**
         * Median minutes to accept, over the referrals accepted in the period: only over the threshold's number, and only
         * where the service type's ACCEPTED count is published.
         */
        public List<Unlinked> unlinked(EntityManager em, String scope, OffsetDateTime from, OffsetDateTime to, int threshold) {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery(COUNTED + """
                            select s.type as service_type, round(percentile_cont(0.5) within group (
                                       order by extract(epoch from coalesce(r.accepted_at, r.answered_at) - r.requested_at) / 60)) as minutes,
                                   count(*) as n
                            from referral r join c on c.id = r.case_id join agency_service s on s.id = r.service_id
                            where r.answer = 'ACCEPTED' and r.answered_at >= ?2 and r.answered_at < ?3 group by 1""", Tuple.class)
                    .setParameter(1, scope).setParameter(2, from).setParameter(3, to).getResultList();
            Map<String, Unlinked> byType = new LinkedHashMap<>();
            for (String type : names(ServiceType.values())) {
                byType.put(type, new Unlinked("medianMinutesToAccept", type, "MEDIAN", 0, true, List.of(List.of("referrals", type, "ACCEPTED"))));
            }
            for (Tuple t : rows) {
                String type = t.get("service_type", String.class);
                long n = ((Number) t.get("n")).longValue();
                byType.put(type, new Unlinked("medianMinutesToAccept", type, "MEDIAN", ((Number) t.get("minutes")).longValue(), n < threshold,
                        List.of(List.of("referrals", type, "ACCEPTED"))));
            }
            return List.copyOf(byType.values());
        }
    };

    // --- supervision --------------------------------------------------------------------------------------

    public static final Family SUPERVISION = new Family() {
        public String name() {
            return "SUPERVISION";
        }

        public List<Shape> shapes(EntityManager em, String scope) {
            return List.of(new Shape("ratings", "Supervision observation ratings per area", "area", "rating",
                    names(ObservationAreaCode.values()), names(AreaRating.values())));
        }

        public List<Count> count(EntityManager em, String scope, OffsetDateTime from, OffsetDateTime to) {
            return counts(em, """
                    select 'ratings' as tbl, a.code as row_key, r.rating as col_key, count(*) as n from observation o
                    join agency g on g.id = o.agency_id and g.state = ?1
                    join observation_rating r on r.observation_id = o.id and r.rating is not null
                    join observation_area a on a.id = r.area_id
                    where o.status <> 'DRAFT' and o.completed_at >= ?2 and o.completed_at < ?3
                    group by 2, 3""", scope, from, to);
        }

        /** An observation rates every area: each area's row totals the observations, so all row totals are equal. */
        public List<FamilyDisclosure.Line> linesWithin(List<Shape> shapes, Function<String[], Integer> cell) {
            return equalRowTotals(shapes.get(0), cell);
        }
    };

    // --- client feedback ----------------------------------------------------------------------------------

    /** Answers of the survey's latest version: the state's table by section, and each agency's by question. */
    public static final Family FEEDBACK = new Family() {
        public String name() {
            return "FEEDBACK";
        }

        private List<Tuple> questions(EntityManager em) {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    select q.position || '. ' || q.text as label, q.section as section from feedback_question q
                    join feedback_template t on t.id = q.template_id and t.version = (select max(version) from feedback_template)
                    order by q.position""", Tuple.class).getResultList();
            return rows;
        }

        public List<Shape> shapes(EntityManager em, String scope) {
            List<String> answers = List.of("YES", "PARTLY", "NO", "NO_ANSWER");
            List<Tuple> rows = questions(em);
            List<String> questions = rows.stream().map(t -> t.get("label", String.class)).toList();
            List<String> sections = rows.stream().map(t -> t.get("section", String.class)).toList();
            List<Shape> shapes = new ArrayList<>();
            shapes.add(new Shape("state", "Client feedback", "section", "answer",
                    List.of("SERVICE_DELIVERY", "CONFIDENTIALITY", "STAFF", "WELLBEING"), answers));
            for (String agency : agencies(em, scope)) {
                shapes.add(new Shape("agency:" + agency, "Client feedback survey of " + agency, "question", "answer", questions, answers,
                        sections));
            }
            return shapes;
        }

        public List<Count> count(EntityManager em, String scope, OffsetDateTime from, OffsetDateTime to) {
            return counts(em, """
                    with x as (select g.code, q.position || '. ' || q.text as question, q.section, a.answer from feedback_response r
                               join agency g on g.id = r.agency_id and g.state = ?1
                               join feedback_answer a on a.response_id = r.id
                               join feedback_question q on q.id = a.question_id
                               join feedback_template t on t.id = q.template_id and t.version = (select max(version) from feedback_template)
                               where r.period >= cast(?2 as date) and r.period < cast(?3 as date))
                    select 'agency:' || code as tbl, question as row_key, answer as col_key, count(*) as n from x group by 1, 2, 3
                    union all
                    select 'state', section, answer, count(*) from x group by 2, 3""",
                    scope, from.toLocalDate(), to.toLocalDate());
        }

        /** The state's table is the sum of its agencies' tables: state[section][answer] = Σ agencies Σ questions of it. */
        public List<FamilyDisclosure.Line> linesWithin(List<Shape> shapes, Function<String[], Integer> cell) {
            Shape state = shapes.get(0);
            List<Shape> agencies = shapes.subList(1, shapes.size());
            List<FamilyDisclosure.Line> lines = new ArrayList<>();
            if (agencies.isEmpty()) return lines;
            List<String> columns = new ArrayList<>(state.columns());
            columns.add(TOTAL);
            List<String> sections = new ArrayList<>(state.rows());
            sections.add(TOTAL);
            for (String column : columns) {
                for (String section : sections) {
                    List<Integer> parts = new ArrayList<>();
                    for (Shape agency : agencies) {
                        if (section.equals(TOTAL)) {
                            parts.add(cell.apply(new String[]{agency.table(), TOTAL, column}));
                        } else {
                            for (int q = 0; q < agency.rows().size(); q++) {
                                if (agency.rowGroups().get(q).equals(section)) {
                                    parts.add(cell.apply(new String[]{agency.table(), agency.rows().get(q), column}));
                                }
                            }
                        }
                    }
                    if (!parts.isEmpty()) lines.add(FamilyDisclosure.Line.of(parts, cell.apply(new String[]{"state", section, column})));
                }
            }
            // every response answers every question (NO_ANSWER filled in): each question's row totals the responses
            for (Shape agency : agencies) lines.addAll(equalRowTotals(agency, cell));
            return lines;
        }
    };

    /** Rows that all total the same: row_total(k+1) = row_total(k), as one-part lines. */
    static List<FamilyDisclosure.Line> equalRowTotals(Shape shape, Function<String[], Integer> cell) {
        List<FamilyDisclosure.Line> lines = new ArrayList<>();
        for (int k = 1; k < shape.rows().size(); k++) {
            lines.add(FamilyDisclosure.Line.of(List.of(cell.apply(new String[]{shape.table(), shape.rows().get(k - 1), TOTAL})),
                    cell.apply(new String[]{shape.table(), shape.rows().get(k), TOTAL})));
        }
        return lines;
    }

    public static final List<Family> ALL = List.of(NEEDS, CASE_MANAGEMENT, SUPERVISION, FEEDBACK);
}
