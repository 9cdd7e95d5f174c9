package org.casebridge.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.Caller;
import org.casebridge.access.InsightPolicy;
import org.casebridge.agency.ServiceType;
import org.casebridge.graphql.ApiException;
import org.casebridge.insight.InsightTypes.CaseManagementIndicators;
import org.casebridge.insight.InsightTypes.NeedsAssessmentFigures;
import org.casebridge.insight.InsightTypes.RepresentativeQuote;
import org.casebridge.insight.InsightTypes.ServiceTypeIndicators;
import org.casebridge.insight.InsightTypes.ThemeSummary;
import org.casebridge.insight.ReportFamilies.Family;
import org.casebridge.insight.ReportFamilies.Shape;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Aggregates for state leads (and the feedback results of an agency's supervisors): released figures of closed
 * reporting periods only, each computed once in SQL and protected with its whole family ({@link Releases}).
 */
@ApplicationScoped
public class InsightService {

    /** How many themes topThemes lists. */
    static final int TOP_THEMES = 5;

    private final AccessPolicy access;
    private final InsightPolicy insightPolicy;
    private final EntityManager em;
    private final Releases releases;
    private final Clock clock;

    public InsightService(AccessPolicy access, InsightPolicy insightPolicy, EntityManager em, Releases releases, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.insightPolicy = insightPolicy;
        this.em = em;
        this.releases = releases;
    }

    private String forState(String state) {
        String forState = state == null ? access.caller().state() : state;
        insightPolicy.mayReadAggregatesOf(forState);
        return forState;
    }

    private ReportingPeriod closed(ReportingPeriod period) {
        return period.requireClosed(clock, "period");
    }

    private Shape shape(Family family, String scope, String table) {
        return family.shapes(em, scope).stream().filter(s -> s.table().equals(table)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Table " + table));
    }

    AggregateTable table(Family family, Releases.Release release, String table) {
        return AggregateTable.released(shape(family, release.scope(), table), release, releases.threshold());
    }

    /** How many years of periods reportingPeriods lists when not asked for more: the dashboard's years. */
    static final int PERIOD_YEARS = 3;

    /** The periods whose figures are released now, for a state lead of the state (the aggregates' rule). */
    public List<ReportingPeriod.View> reportingPeriods(String state, Integer years) {
        int count = years == null ? PERIOD_YEARS : years;
        if (count < 1) {
            throw ApiException.invalid("years", "years is 1 or more");
        }
        forState(state);
        return ReportingPeriod.closedPeriods(clock, count).stream().map(ReportingPeriod::view).toList();
    }

    // --- needs assessment --------------------------------------------------------------------------------

    public NeedsAssessmentFigures needsAssessment(String state, ReportingPeriod period) {
        String st = forState(state);
        Releases.Release r = releases.release(ReportFamilies.NEEDS, st, closed(period));
        Family f = ReportFamilies.NEEDS;
        AggregateTable mentions = table(f, r, "mentions");
        return new NeedsAssessmentFigures(st, r.period().view(), releases.threshold(), r.computedAt(), table(f, r, "needs"),
                table(f, r, "sessions"), table(f, r, "participants"), table(f, r, "followUpRequests"), mentions, topThemes(r, mentions));
    }

    /**
     * The most mentioned themes by their published mentions, from the fixed theme list: suppressed ones follow in the
     * list's order, so a theme's place says nothing about a suppressed count.
     */
    private List<ThemeSummary> topThemes(Releases.Release release, AggregateTable mentions) {
        Map<String, List<RepresentativeQuote>> quotes = release.quotes().stream().collect(Collectors.groupingBy(Releases.Quote::theme,
                Collectors.mapping(q -> new RepresentativeQuote(q.speakerType(), q.text()), Collectors.toList())));
        List<AggregateTable.Row> rows = new ArrayList<>(mentions.rows());
        rows.sort(Comparator.comparing((AggregateTable.Row row) -> row.total().suppressed())
                .thenComparing(row -> row.total().suppressed() ? 0 : -row.total().value())
                .thenComparing(AggregateTable.Row::key));
        return rows.stream().limit(TOP_THEMES)
                .map(row -> new ThemeSummary(row.key(), row.cells().get(0), quotes.getOrDefault(row.key(), List.of()))).toList();
    }

    // --- case-management indicators ----------------------------------------------------------------------

    public CaseManagementIndicators caseManagementIndicators(String state, ReportingPeriod period) {
        String st = forState(state);
        ReportingPeriod p = closed(period);
        Releases.Release r = releases.release(ReportFamilies.CASE_MANAGEMENT, st, p);
        Family f = ReportFamilies.CASE_MANAGEMENT;
        AggregateTable referrals = table(f, r, "referrals");
        Releases.Release feedback = releases.release(ReportFamilies.FEEDBACK, st, p);
        Releases.Release supervision = releases.release(ReportFamilies.SUPERVISION, st, p);
        return new CaseManagementIndicators(st, r.period().view(), releases.threshold(), r.computedAt(), table(f, r, "referralRequests"),
                referrals, byServiceType(r, referrals), table(f, r, "followUpTimeliness"), table(f, r, "closureReasons"),
                table(ReportFamilies.FEEDBACK, feedback, "state"), table(ReportFamilies.SUPERVISION, supervision, "ratings"));
    }

    /**
     * Rates only from published counts; medians only over at least the threshold's number of acceptances and only where
     * the ACCEPTED count is published (also for releases stored before that rule).
     */
    private List<ServiceTypeIndicators> byServiceType(Releases.Release release, AggregateTable referrals) {
        Map<String, Releases.Cell> medians = release.table("medianMinutesToAccept").stream()
                .collect(Collectors.toMap(Releases.Cell::row, c -> c));
        List<ServiceTypeIndicators> result = new ArrayList<>();
        for (AggregateTable.Row row : referrals.rows()) {
            AggregateTable.Cell accepted = row.cells().get(0);
            AggregateTable.Cell rejected = row.cells().get(1);
            AggregateTable.Cell expired = row.cells().get(2);
            boolean published = !accepted.suppressed() && !rejected.suppressed() && !expired.suppressed();
            int decided = published ? accepted.value() + rejected.value() + expired.value() : 0;
            Double rate = published && decided > 0 ? (double) accepted.value() / decided : null;
            Releases.Cell median = medians.get(row.key());
            Integer minutes = median != null && !median.hidden() && !accepted.suppressed() ? (int) median.value() : null;
            result.add(new ServiceTypeIndicators(ServiceType.valueOf(row.key()), rate, minutes, !published || minutes == null));
        }
        return result;
    }

    /** Supervision ratings per observation area in the state's agencies: observations completed in the period. */
    public AggregateTable supervisionRatings(String state, ReportingPeriod period) {
        String st = forState(state);
        return table(ReportFamilies.SUPERVISION, releases.release(ReportFamilies.SUPERVISION, st, closed(period)), "ratings");
    }

    /** The client feedback table of the state's agencies, by section (state leads). */
    public AggregateTable feedbackSatisfaction(String state, ReportingPeriod period) {
        String st = forState(state);
        return table(ReportFamilies.FEEDBACK, releases.release(ReportFamilies.FEEDBACK, st, closed(period)), "state");
    }

    /** The caller's agency's feedback answers per question (its supervisors), released with the state's table. */
    public AggregateTable feedbackResults(ReportingPeriod period) {
        Caller caller = insightPolicy.mayReadFeedbackResults();
        String state = (String) em.createNativeQuery("select coalesce(state, '') from agency where code = ?1")
                .setParameter(1, caller.agencyCode()).getResultStream().findFirst().orElse("");
        Releases.Release release = releases.release(ReportFamilies.FEEDBACK, state, closed(period));
        return table(ReportFamilies.FEEDBACK, release, "agency:" + caller.agencyCode());
    }
}
