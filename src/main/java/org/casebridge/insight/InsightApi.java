package org.casebridge.insight;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

@GraphQLApi
public class InsightApi {

    private final InsightService insight;

    public InsightApi(InsightService insight) {
        this.insight = insight;
    }

    @Query
    @NonNull
    @Description("State leads: the reporting periods whose figures are released now for the state (default: yours), the "
            + "closed months, quarters and years (UTC) of the latest `years` calendar years that have one (default 3; none "
            + "before 2000): the latest year first, each year's months, then its quarters, then the year. needsAssessment, "
            + "caseManagementIndicators, supervisionRatings and the CSV tables answer each of them, and refuse a period not yet ended.")
    public List<ReportingPeriod.@NonNull View> reportingPeriods(String state, Integer years) {
        return insight.reportingPeriods(state, years);
    }

    @Query
    @NonNull
    @Description("State leads: what the state's focus-group sessions that became final in a closed period said (default "
            + "state: yours), as released, disclosure-controlled counts, with the top themes and representative quotes.")
    public InsightTypes.NeedsAssessmentFigures needsAssessment(String state, @NonNull ReportingPeriod.In period) {
        return insight.needsAssessment(state, ReportingPeriod.of(period, "period"));
    }

    @Query
    @NonNull
    @Description("State leads: referral, follow-up, closure, feedback and supervision figures of the state's agencies for a "
            + "closed period, counting only cases with reportingConsent, as released and disclosure-controlled.")
    public InsightTypes.CaseManagementIndicators caseManagementIndicators(String state, @NonNull ReportingPeriod.In period) {
        return insight.caseManagementIndicators(state, ReportingPeriod.of(period, "period"));
    }

    @Query
    @Description("State leads: supervision observation ratings per area for the state (default: yours) in a closed period, "
            + "disclosure-controlled.")
    public AggregateTable supervisionRatings(String state, @NonNull ReportingPeriod.In period) {
        return insight.supervisionRatings(state, ReportingPeriod.of(period, "period"));
    }
}
