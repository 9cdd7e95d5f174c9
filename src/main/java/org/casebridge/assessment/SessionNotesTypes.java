package org.casebridge.assessment;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.assessment.AssessmentEnums.ConcernRiskLevel;
import org.casebridge.assessment.AssessmentEnums.ConcernRoute;
import org.casebridge.assessment.AssessmentEnums.PlaceOrContext;
import org.casebridge.assessment.AssessmentEnums.ProfessionalLevel;
import org.casebridge.assessment.AssessmentEnums.SourceOfHelp;
import org.casebridge.assessment.AssessmentEnums.SpeakerType;
import org.casebridge.assessment.AssessmentEnums.Urgency;
import org.casebridge.graphql.FreeText;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/** What was said in a session and the safeguarding concerns raised in it: views, inputs and payloads. */
public final class SessionNotesTypes {

    private SessionNotesTypes() {
    }

    static final String CONCERN = "SafeguardingConcern";
    static final String FOLLOW_UP_REQUEST = "FollowUpRequest";

    @Type("SessionNotes")
    public record NotesView(@NonNull List<@NonNull ResponseView> responses, @NonNull List<@NonNull QuoteView> quotes,
                            @NonNull List<@NonNull NeedView> needs, @NonNull List<@NonNull FollowUpRequestView> followUpRequests,
                            @NonNull List<@NonNull ConcernView> safeguardingConcerns) {
    }

    @Type("QuestionResponse")
    @Description("The summary of what was said to a question, with tags from fixed lists beside it.")
    public record ResponseView(@Id @NonNull String questionId, int position, @NonNull String summary,
                               @Description("Successes the group named (seed 001 Q3, Q4), by theme.") @NonNull List<@NonNull String> successes,
                               @Description("Barriers and challenges, by theme.") @NonNull List<@NonNull String> barriersAndChallenges,
                               @Description("Action plans (Q3), by theme.") @NonNull List<@NonNull String> actionPlans,
                               @Description("Strategies (Q4), by theme.") @NonNull List<@NonNull String> strategies,
                               @Description("Where they can or do go to find services and resources.") @NonNull List<@NonNull SourceOfHelp> sourcesOfHelp,
                               @Description("Places and contexts named (seed 003).") @NonNull List<@NonNull PlaceOrContext> placesAndContexts) {
    }

    @Type("VerbatimQuote")
    @Description("Exact words, attributed only to a speaker type, never a name.")
    public record QuoteView(@Id String questionId, @NonNull SpeakerType speakerType, @NonNull String text,
                            @NonNull List<@NonNull String> themes) {
    }

    @Type("IdentifiedNeed")
    public record NeedView(@NonNull String theme,
                           @Description("The state the need counts for: the participants' (sign-in sheet, or chosen), not the host state.")
                           @NonNull String state,
                           @Description("Only where the audience has professional levels (practitioners, state officials).")
                           ProfessionalLevel professionalLevel, @NonNull Urgency urgency,
                           String timeFrame, String description) {
    }

    @Type("FollowUpRequest")
    @Description("\"Would you like our Center staff to follow up with you\": tied to the participant's line of the sign-in sheet "
            + "(agency, state), so that it can be followed up.")
    public record FollowUpRequestView(@Id @NonNull String id, @NonNull String theme, @NonNull String request, @NonNull String state,
                                      @Id String signInId, String agency, @NonNull FollowUpRequestStatus status) {
    }

    public enum FollowUpRequestStatus { OPEN, IN_PROGRESS, DONE, DECLINED }

    @Type("SafeguardingConcern")
    public record ConcernView(@Id @NonNull String id, @NonNull String description, @NonNull OffsetDateTime raisedAt,
                              OffsetDateTime reportedAt, String reportedTo,
                              @Description("Whether a child is or may be at risk (null for concerns recorded before it was asked).")
                              ConcernRiskLevel riskLevel,
                              @Description("The supervisor consulted before reporting.") String supervisorConsulted,
                              @Description("Why no supervisor was consulted, where none was.") String supervisorNotConsultedReason,
                              ConcernRoute route,
                              @Description("The lead agency it was reported to (route LEAD_AGENCY).") String leadAgencyCode,
                              @Description("Route LEAD_AGENCY: whether the lead agency has acted on the report (its route then stands). "
                                      + "What it did and when are the lead agency's own.") Boolean leadAgencyActedOn) {
    }

    @Input("QuestionResponseInput")
    @Description("A question's summary and its tags; the tags replace the question's earlier ones. Themes come from needThemes.")
    public record ResponseInput(@Id @NonNull String questionId,
                                @NonNull @NotNull @FreeText @Size(max = 8000) String summary,
                                @Size(max = 20) @Nullable List<@NonNull @FreeText @Size(max = 60) String> successes,
                                @Size(max = 20) @Nullable List<@NonNull @FreeText @Size(max = 60) String> barriersAndChallenges,
                                @Size(max = 20) @Nullable List<@NonNull @FreeText @Size(max = 60) String> actionPlans,
                                @Size(max = 20) @Nullable List<@NonNull @FreeText @Size(max = 60) String> strategies,
                                @Size(max = 10) @Nullable List<@NonNull SourceOfHelp> sourcesOfHelp,
                                @Size(max = 10) @Nullable List<@NonNull PlaceOrContext> placesAndContexts) {
    }

    @Input("VerbatimQuoteInput")
    public record QuoteInput(@Id String questionId,
                             @NonNull @NotNull SpeakerType speakerType,
                             @NonNull @NotNull @FreeText @Size(max = 2000) String text,
                             @Size(max = 10) List<@NotNull @FreeText @Size(max = 60) String> themes) {
    }

    @Input("IdentifiedNeedInput")
    public record NeedInput(@NonNull @NotNull @FreeText @Size(max = 60) String theme,
                            @Description("Where the audience has professional levels (practitioners, state officials) only; required there.")
                            ProfessionalLevel professionalLevel,
                            @NonNull @NotNull Urgency urgency,
                            @Size(max = 200) String timeFrame,
                            @Size(max = 2000) String description,
                            @Description("The state the need is for. Default: the participant's (signInId), else the one state the "
                                    + "sign-in sheet names, else the session's state.") @Size(max = 100) String state,
                            @Id @Description("The participant, by their line of the sign-in sheet, whose state the need counts for.")
                            String signInId) {
    }

    @Input("FollowUpRequestInput")
    public record FollowUpRequestInput(@NonNull @NotNull @FreeText @Size(max = 60) String theme,
                                       @NonNull @NotNull @FreeText @Size(max = 2000) String request,
                                       @Id @Description("Who asked, by their line of the sign-in sheet (agency and state).") String signInId,
                                       @Description("The state, where no line of the sheet is named.") @Size(max = 100) String state) {
    }

    @Input("SafeguardingConcernInput")
    public record ConcernInput(@NonNull @NotNull @FreeText @Size(max = 2000) String description,
                               @Description("Whether a child is or may be at risk; may also be given when it is reported.")
                               ConcernRiskLevel riskLevel) {
    }

    @Input("RecordSessionNotesInput")
    @Description("Adds to the notes: responses per question (replacing an earlier summary of the same question), quotes, needs, "
            + "follow-up requests, safeguarding concerns, group dynamics. Any earlier agreement of the notes is withdrawn.")
    public record RecordNotesInput(@Id @NonNull String id,
                                   int version,
                                   @Size(max = 8000) String groupDynamics,
                                   @Size(max = 50) @Nullable List<@NonNull @Valid ResponseInput> responses,
                                   @Size(max = 200) @Nullable List<@NonNull @Valid QuoteInput> quotes,
                                   @Size(max = 100) @Nullable List<@NonNull @Valid NeedInput> needs,
                                   @Size(max = 50) @Nullable List<@NonNull @Valid FollowUpRequestInput> followUpRequests,
                                   @Size(max = 20) @Nullable List<@NonNull @Valid ConcernInput> safeguardingConcerns) {
    }

    @Input("ReportSafeguardingConcernInput")
    @Description("\"Make sure to report concerns in accordance with agency procedures\": when, to whom, the risk, the supervisor "
            + "consulted (or why none was) and the route. A concern reported to a lead agency can be opened as a case there.")
    public record ReportConcernInput(@Id @NonNull String id,
                                     @NonNull @NotNull OffsetDateTime reportedAt,
                                     @Description("To whom, in accordance with agency procedures.")
                                     @NonNull @NotNull @FreeText @Size(max = 300) String reportedTo,
                                     @Description("Default: the level given when the concern was raised; required if none was.")
                                     ConcernRiskLevel riskLevel,
                                     @Size(max = 300) String supervisorConsulted,
                                     @Description("Where no supervisor was consulted: why.") @Size(max = 1000) String supervisorNotConsultedReason,
                                     @NonNull @NotNull ConcernRoute route,
                                     @Description("Route LEAD_AGENCY: the lead agency (case management or child protection), by its code.")
                                     @Size(max = 50) String leadAgencyCode) {
    }

    @Input("ChangeFollowUpRequestStatusInput")
    @Description("Where the follow-up of a participant's request stands; also after the session is final.")
    public record FollowUpRequestStatusInput(@Id @NonNull String id, @NonNull @NotNull FollowUpRequestStatus status) {
    }

    @Type("FollowUpRequestPayload")
    public record FollowUpRequestPayload(@NonNull FollowUpRequestView followUpRequest) {
    }

    @Type("ReportSafeguardingConcernPayload")
    public record ReportConcernPayload(@NonNull ConcernView concern) {
    }
}
