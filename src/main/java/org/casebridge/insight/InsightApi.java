package org.casebridge.insight;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.LocalDate;

@GraphQLApi
public class InsightApi {

    private final InsightService insight;

    public InsightApi(InsightService insight) {
        this.insight = insight;
    }

    @Query
    @NonNull
    @Description("State leads: what the state's final focus-group sessions said in the period (default state: yours), as "
            + "disclosure-controlled counts, with the top themes and representative quotes.")
    public InsightTypes.NeedsAssessmentFigures needsAssessment(String state, @NonNull LocalDate from, @NonNull LocalDate to) {
        return insight.needsAssessment(state, from, to);
    }

    @Query
    @NonNull
    @Description("State leads: referral, follow-up, closure, feedback and supervision figures of the state's lead agencies, "
            + "counting only cases with reportingConsent, disclosure-controlled.")
    public InsightTypes.CaseManagementIndicators caseManagementIndicators(String state, @NonNull LocalDate from, @NonNull LocalDate to) {
        return insight.caseManagementIndicators(state, from, to);
    }

    @Query
    @Description("State leads: supervision observation ratings per area for the state (default: yours), disclosure-controlled.")
    public AggregateTable supervisionRatings(String state, @NonNull LocalDate from, @NonNull LocalDate to) {
        return insight.supervisionRatings(state, from, to);
    }
}
