package org.casebridge.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.casebridge.access.AccessPolicy;
import org.casebridge.graphql.ApiException;
import org.casebridge.supervision.SupervisionTypes.AreaRating;
import org.casebridge.supervision.SupervisionTypes.ObservationAreaCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.casebridge.agency.ServiceType;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.AssessmentEnums.Composition;
import org.casebridge.assessment.AssessmentEnums.Urgency;
import org.casebridge.insight.InsightTypes.CaseManagementIndicators;
import org.casebridge.insight.InsightTypes.NeedsAssessmentFigures;
import org.casebridge.insight.InsightTypes.RepresentativeQuote;
import org.casebridge.insight.InsightTypes.ServiceTypeIndicators;
import org.casebridge.insight.InsightTypes.ThemeSummary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Aggregates for state leads, computed in SQL and published only through disclosure control. */
@ApplicationScoped
public class InsightService {

    private final AccessPolicy access;
    private final EntityManager em;
    private final ReportingTables reportingTables;
    private final int threshold;

    public InsightService(AccessPolicy access, EntityManager em, ReportingTables reportingTables,
                          @ConfigProperty(name = "casebridge.disclosure.threshold", defaultValue = "11") int threshold) {
        this.access = access;
        this.em = em;
        this.reportingTables = reportingTables;
        this.threshold = threshold;
    }

    private String forState(String state) {
        String forState = state == null ? access.caller().state() : state;
        access.mayReadAggregatesOf(forState);
        return forState;
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "The period ends before it starts");
        }
        if (from.isBefore(LocalDate.of(2000, 1, 1)) || to.isAfter(LocalDate.now().plusYears(1))) {
            throw ApiException.invalid("from", "A period between the year 2000 and next year");
        }
    }

    /** A table from SQL answering (row key, column key, count); rows are {@code rowKeys}, or those found when null. */
    private AggregateTable table(String title, String state, LocalDate from, LocalDate to, String rowDimension, String columnDimension,
                                 List<String> rowKeys, List<String> columns, String sql, Object... params) {
        jakarta.persistence.Query query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<String> keys = rowKeys != null ? rowKeys
                : rows.stream().map(r -> (String) r[0]).distinct().sorted().toList();
        long[][] counts = new long[keys.size()][columns.size()];
        for (Object[] r : rows) {
            int row = keys.indexOf((String) r[0]);
            int column = columns.indexOf((String) r[1]);
            if (row >= 0 && column >= 0) {
                counts[row][column] += ((Number) r[2]).longValue();
            }
        }
        return AggregateTable.publish(title, state, from, to, threshold, rowDimension, columnDimension, keys, columns, counts);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    // --- needs assessment --------------------------------------------------------------------------------

    private static final String FINAL_SESSIONS = " s.status = 'FINAL' and s.state = ?1 and s.held_on between ?2 and ?3";

    public NeedsAssessmentFigures needsAssessment(String state, LocalDate from, LocalDate to) {
        String st = forState(state);
        requirePeriod(from, to);
        AggregateTable needs = table("Needs identified", st, from, to, "theme / professional level", "urgency", null,
                names(Urgency.values()), """
                        select n.theme || ' / ' || n.professional_level, n.urgency, count(*) from fg_need n
                        join fg_session s on s.id = n.session_id where """ + FINAL_SESSIONS + " group by 1, 2", st, from, to);
        AggregateTable sessions = table("Focus-group sessions", st, from, to, "audience", "composition", names(Audience.values()),
                names(Composition.values()), "select s.audience, s.composition, count(*) from fg_session s where " + FINAL_SESSIONS
                        + " group by 1, 2", st, from, to);
        AggregateTable participants = table("Participants", st, from, to, "audience", "gender", names(Audience.values()),
                List.of("FEMALE", "MALE", "OTHER"), """
                        select s.audience, g.gender, sum(g.n) from fg_session s
                        cross join lateral (values ('FEMALE', s.female_count), ('MALE', s.male_count), ('OTHER', s.other_gender_count)) g(gender, n)
                        where """ + FINAL_SESSIONS + " group by 1, 2", st, from, to);
        AggregateTable followUps = table("Follow-up requests", st, from, to, "theme", "requests", null, List.of("REQUESTS"), """
                select f.theme, 'REQUESTS', count(*) from fg_follow_up_request f join fg_session s on s.id = f.session_id
                where """ + FINAL_SESSIONS + " group by 1, 2", st, from, to);
        return new NeedsAssessmentFigures(st, from, to, threshold, needs, sessions, participants, followUps, topThemes(st, from, to));
    }

    private List<ThemeSummary> topThemes(String state, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> top = em.createNativeQuery("""
                        with mention as (
                            select n.theme from fg_need n join fg_session s on s.id = n.session_id where %1$s
                            union all select t.theme from fg_quote q join fg_session s on s.id = q.session_id
                                cross join unnest(q.themes) as t(theme) where %1$s
                            union all select f.theme from fg_follow_up_request f join fg_session s on s.id = f.session_id where %1$s)
                        select theme, count(*) from mention group by theme order by count(*) desc, theme limit 5"""
                        .formatted(FINAL_SESSIONS))
                .setParameter(1, state).setParameter(2, from).setParameter(3, to).getResultList();
        List<String> themes = top.stream().map(r -> (String) r[0]).toList();
        Map<String, List<RepresentativeQuote>> quotes = new HashMap<>();
        if (!themes.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select theme, speaker_type, text from (
                                select t.theme, q.speaker_type, q.text,
                                       row_number() over (partition by t.theme order by length(q.text), q.id) as n
                                from fg_quote q join fg_session s on s.id = q.session_id cross join unnest(q.themes) as t(theme)
                                where %s and s.participant_count >= ?4 and t.theme = any(?5)) ranked
                            where n <= 3 order by theme, n""".formatted(FINAL_SESSIONS))
                    .setParameter(1, state).setParameter(2, from).setParameter(3, to).setParameter(4, threshold)
                    .setParameter(5, themes.toArray(String[]::new)).getResultList();
            rows.forEach(r -> quotes.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new RepresentativeQuote((String) r[1], (String) r[2])));
        }
        return top.stream().map(r -> {
            long mentions = ((Number) r[1]).longValue();
            return new ThemeSummary((String) r[0], AggregateTable.Cell.of("MENTIONS", mentions, mentions < threshold),
                    quotes.getOrDefault((String) r[0], List.of()));
        }).toList();
    }

    // --- case-management indicators ----------------------------------------------------------------------

    /** Counted from the reporting tables (ReportingTables): the figures are as of their last rebuild. */
    public CaseManagementIndicators caseManagementIndicators(String state, LocalDate from, LocalDate to) {
        String st = forState(state);
        requirePeriod(from, to);
        List<String> outcomes = List.of("ACCEPTED", "REJECTED", "EXPIRED", "CANCELLED", "AWAITING_ANSWER");
        String inPeriod = " where state = ?1 and day between ?2 and ?3 group by 1, 2";
        AggregateTable referrals = table("Referrals by service type", st, from, to, "service type", "outcome",
                names(ServiceType.values()), outcomes,
                "select service_type, outcome, sum(referrals) from report_referral" + inPeriod, st, from, to);
        AggregateTable timeliness = table("Follow-up timeliness", st, from, to, "lead agency", "timeliness", null,
                List.of("ON_TIME", "LATE", "OVERDUE"),
                "select lead_agency, timeliness, sum(follow_ups) from report_follow_up" + inPeriod, st, from, to);
        AggregateTable closures = table("Closure reasons", st, from, to, "lead agency", "reason", null,
                names(org.casebridge.closure.CaseClosure.Reason.values()),
                "select lead_agency, reason, sum(closures) from report_closure" + inPeriod, st, from, to);
        AggregateTable feedback = table("Client feedback", st, from, to, "section", "answer",
                List.of("SERVICE_DELIVERY", "CONFIDENTIALITY", "STAFF", "WELLBEING"), List.of("YES", "PARTLY", "NO", "NO_ANSWER"), """
                        select section, answer, sum(answers) from report_feedback
                        where state = ?1 and period between date_trunc('month', cast(?2 as date)) and ?3 group by 1, 2""", st, from, to);
        return new CaseManagementIndicators(st, from, to, threshold, reportingTables.refreshedAt().orElse(null), referrals,
                byServiceType(st, from, to, referrals), timeliness, closures, feedback, supervisionRatings(st, from, to));
    }

    /** Rates only from published counts, medians only over at least the threshold's number of acceptances. */
    private List<ServiceTypeIndicators> byServiceType(String state, LocalDate from, LocalDate to, AggregateTable referrals) {
        @SuppressWarnings("unchecked")
        List<Object[]> medians = em.createNativeQuery("""
                        select service_type, percentile_cont(0.5) within group (order by minutes), count(*) from report_acceptance
                        where state = ?1 and day between ?2 and ?3 group by 1""")
                .setParameter(1, state).setParameter(2, from).setParameter(3, to).getResultList();
        Map<String, Object[]> medianByType = new HashMap<>();
        medians.forEach(m -> medianByType.put((String) m[0], m));
        List<ServiceTypeIndicators> result = new ArrayList<>();
        for (AggregateTable.Row row : referrals.rows()) {
            AggregateTable.Cell accepted = row.cells().get(0);
            AggregateTable.Cell rejected = row.cells().get(1);
            AggregateTable.Cell expired = row.cells().get(2);
            boolean published = !accepted.suppressed() && !rejected.suppressed() && !expired.suppressed();
            int decided = published ? accepted.value() + rejected.value() + expired.value() : 0;
            Double rate = published && decided > 0 ? (double) accepted.value() / decided : null;
            Object[] median = medianByType.get(row.key());
            Integer minutes = median != null && ((Number) median[2]).longValue() >= threshold
                    ? (int) Math.round(((Number) median[1]).doubleValue()) : null;
            result.add(new ServiceTypeIndicators(ServiceType.valueOf(row.key()), rate, minutes, !published || minutes == null));
        }
        return result;
    }

    /** Supervision ratings per observation area in the state's agencies: completed observations in the period. */
    public AggregateTable supervisionRatings(String state, LocalDate from, LocalDate to) {
        String forState = forState(state);
        requirePeriod(from, to);
        List<String> areas = Arrays.stream(ObservationAreaCode.values()).map(Enum::name).toList();
        List<String> ratings = Arrays.stream(AreaRating.values()).map(Enum::name).toList();
        long[][] counts = new long[areas.size()][ratings.size()];
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.code, r.rating, count(*) from observation o
                        join agency g on g.id = o.agency_id and g.state = ?1
                        join observation_rating r on r.observation_id = o.id and r.rating is not null
                        join observation_area a on a.id = r.area_id
                        where o.status <> 'DRAFT' and o.observed_on between ?2 and ?3
                        group by a.code, r.rating""")
                .setParameter(1, forState).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] row : rows) {
            counts[areas.indexOf((String) row[0])][ratings.indexOf((String) row[1])] = ((Number) row[2]).longValue();
        }
        return AggregateTable.publish("Supervision observation ratings per area", forState, from, to, threshold,
                "area", "rating", areas, ratings, counts);
    }
}
