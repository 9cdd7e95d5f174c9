package org.casebridge.insight;

import org.casebridge.agency.ServiceType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The figures state leads read: only aggregates, each through disclosure control. */
public final class InsightTypes {

    private InsightTypes() {
    }

    @Type("NeedsAssessmentFigures")
    @Description("What the state's final focus-group sessions in the period said, as counts. Only final sessions count.")
    public record NeedsAssessmentFigures(@NonNull String state, @NonNull LocalDate from, @NonNull LocalDate to, int threshold,
                                         @Description("Needs identified: rows theme / professional level, columns urgency.")
                                         @NonNull AggregateTable needs,
                                         @Description("Sessions: rows audience, columns group composition.")
                                         @NonNull AggregateTable sessions,
                                         @Description("Participants: rows audience, columns gender.")
                                         @NonNull AggregateTable participants,
                                         @Description("Follow-up requests: rows theme.")
                                         @NonNull AggregateTable followUpRequests,
                                         @NonNull List<@NonNull ThemeSummary> topThemes) {
    }

    @Type("ThemeSummary")
    @Description("A theme among the most mentioned, with quotes only from final sessions of at least the threshold's number "
            + "of participants, attributed to a speaker type only.")
    public record ThemeSummary(@NonNull String theme, @NonNull AggregateTable.Cell mentions,
                               @NonNull List<@NonNull RepresentativeQuote> quotes) {
    }

    @Type("RepresentativeQuote")
    public record RepresentativeQuote(@NonNull String speakerType, @NonNull String text) {
    }

    @Type("CaseManagementIndicators")
    @Description("Case-management figures of the state's lead agencies in the period, counting only cases whose survivor "
            + "consented to being counted (reportingConsent). Feedback answers are anonymous by design and all count.")
    public record CaseManagementIndicators(@NonNull String state, @NonNull LocalDate from, @NonNull LocalDate to, int threshold,
                                           @Description("When the figures were computed: they are rebuilt every few minutes "
                                                   + "from the case records (null until the first rebuild after installation).")
                                           OffsetDateTime asOf,
                                           @Description("Referrals requested in the period: rows service type, columns what "
                                                   + "became of them (ACCEPTED includes everything after acceptance).")
                                           @NonNull AggregateTable referrals,
                                           @NonNull List<@NonNull ServiceTypeIndicators> byServiceType,
                                           @Description("Follow-ups due in the period: rows lead agency, columns ON_TIME "
                                                   + "(contact within a day of the scheduled time), LATE, OVERDUE (no contact yet).")
                                           @NonNull AggregateTable followUpTimeliness,
                                           @Description("Closures approved in the period: rows lead agency, columns reason.")
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
