package org.casebridge.insight;

import org.casebridge.agency.ServiceType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/** The figures state leads read: only aggregates, each through disclosure control. */
public final class InsightTypes {

    private InsightTypes() {
    }

    @Type("NeedsAssessmentFigures")
    @Description("What the state's focus-group sessions that became final in the period said, as released counts.")
    public record NeedsAssessmentFigures(@NonNull String state, @NonNull ReportingPeriod.View period, int threshold,
                                         @Description("When the period's figures were released: they never change after.")
                                         @NonNull OffsetDateTime releasedAt,
                                         @Description("Needs identified: rows theme / professional level, columns urgency.")
                                         @NonNull AggregateTable needs,
                                         @Description("Sessions: rows audience, columns group composition.")
                                         @NonNull AggregateTable sessions,
                                         @Description("Participants: rows audience, columns gender.")
                                         @NonNull AggregateTable participants,
                                         @Description("Follow-up requests: rows theme (every theme of the list).")
                                         @NonNull AggregateTable followUpRequests,
                                         @Description("Mentions per theme (needs, quote tags, follow-up requests): every theme of the list.")
                                         @NonNull AggregateTable themeMentions,
                                         @NonNull List<@NonNull ThemeSummary> topThemes) {
    }

    @Type("ThemeSummary")
    @Description("A theme of the controlled list among the most mentioned by published count (themes with suppressed "
            + "mentions follow in the list's order). Quotes only when its mentions are published and come from at least a "
            + "few sessions (casebridge.disclosure.quote-min-sessions), from sessions of at least the threshold's number of "
            + "participants, attributed to a speaker type only.")
    public record ThemeSummary(@NonNull String theme, @NonNull AggregateTable.Cell mentions,
                               @NonNull List<@NonNull RepresentativeQuote> quotes) {
    }

    @Type("RepresentativeQuote")
    public record RepresentativeQuote(@NonNull String speakerType, @NonNull String text) {
    }

    @Type("CaseManagementIndicators")
    @Description("Case-management figures of the state's agencies for a closed period, counting only cases whose survivor "
            + "consented to being counted (reportingConsent), each record in the month it became countable. Feedback "
            + "answers are anonymous by design and all count.")
    public record CaseManagementIndicators(@NonNull String state, @NonNull ReportingPeriod.View period, int threshold,
                                           @Description("When the period's figures were released: they never change after.")
                                           @NonNull OffsetDateTime asOf,
                                           @Description("Referrals requested in the period: rows service type.")
                                           @NonNull AggregateTable referralRequests,
                                           @Description("Referrals answered in the period: rows service type, columns the "
                                                   + "answer (ACCEPTED whatever became of them after).")
                                           @NonNull AggregateTable referrals,
                                           @NonNull List<@NonNull ServiceTypeIndicators> byServiceType,
                                           @Description("Follow-ups: rows every lead agency of the state; ON_TIME and LATE "
                                                   + "(contact within a day of the scheduled time, or later) count when the "
                                                   + "contact was recorded in the period, OVERDUE when a day past the schedule "
                                                   + "ended in the period with no contact recorded by then.")
                                           @NonNull AggregateTable followUpTimeliness,
                                           @Description("Closures approved in the period: rows every lead agency of the state, columns reason.")
                                           @NonNull AggregateTable closureReasons,
                                           @Description("Client feedback survey answers: rows section, columns answer.")
                                           @NonNull AggregateTable feedbackSatisfaction,
                                           @NonNull AggregateTable supervisionRatings) {
    }

    @Type("ServiceTypeIndicators")
    @Description("Acceptance rate (accepted of those answered or expired) and median time to accept; null when the counts "
            + "behind them are too small to publish.")
    public record ServiceTypeIndicators(@NonNull ServiceType serviceType, Double acceptanceRate, Integer medianMinutesToAccept,
                                        boolean suppressed) {
    }
}
