package org.casebridge.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.assessment.AssessmentEnums.ProfessionalLevel;
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

    @Type("SessionNotes")
    public record NotesView(@NonNull List<@NonNull ResponseView> responses, @NonNull List<@NonNull QuoteView> quotes,
                            @NonNull List<@NonNull NeedView> needs, @NonNull List<@NonNull FollowUpRequestView> followUpRequests,
                            @NonNull List<@NonNull ConcernView> safeguardingConcerns) {
    }

    @Type("QuestionResponse")
    public record ResponseView(@Id @NonNull String questionId, int position, @NonNull String summary) {
    }

    @Type("VerbatimQuote")
    @Description("Exact words, attributed only to a speaker type, never a name.")
    public record QuoteView(@Id String questionId, @NonNull SpeakerType speakerType, @NonNull String text,
                            @NonNull List<@NonNull String> themes) {
    }

    @Type("IdentifiedNeed")
    public record NeedView(@NonNull String theme, @NonNull ProfessionalLevel professionalLevel, @NonNull Urgency urgency,
                           String timeFrame, String description) {
    }

    @Type("FollowUpRequest")
    public record FollowUpRequestView(@NonNull String theme, @NonNull String request) {
    }

    @Type("SafeguardingConcern")
    public record ConcernView(@Id @NonNull String id, @NonNull String description, @NonNull OffsetDateTime raisedAt,
                              OffsetDateTime reportedAt, String reportedTo) {
    }

    @Input("QuestionResponseInput")
    public record ResponseInput(@Id @NonNull String questionId,
                                @NonNull @NotNull @FreeText @Size(max = 8000) String summary) {
    }

    @Input("VerbatimQuoteInput")
    public record QuoteInput(@Id String questionId,
                             @NonNull @NotNull SpeakerType speakerType,
                             @NonNull @NotNull @FreeText @Size(max = 2000) String text,
                             @Size(max = 10) List<@NotNull @FreeText @Size(max = 60) String> themes) {
    }

    @Input("IdentifiedNeedInput")
    public record NeedInput(@NonNull @NotNull @FreeText @Size(max = 60) String theme,
                            @NonNull @NotNull ProfessionalLevel professionalLevel,
                            @NonNull @NotNull Urgency urgency,
                            @Size(max = 200) String timeFrame,
                            @Size(max = 2000) String description) {
    }

    @Input("FollowUpRequestInput")
    public record FollowUpRequestInput(@NonNull @NotNull @FreeText @Size(max = 60) String theme,
                                       @NonNull @NotNull @FreeText @Size(max = 2000) String request) {
    }

    @Input("SafeguardingConcernInput")
    public record ConcernInput(@NonNull @NotNull @FreeText @Size(max = 2000) String description) {
    }

    @Input("RecordSessionNotesInput")
    @Description("Adds to the notes: responses per question (replacing an earlier summary of the same question), quotes, needs, "
            + "follow-up requests, safeguarding concerns, group dynamics. Any earlier agreement of the notes is withdrawn.")
    public record RecordNotesInput(@Id @NonNull String id,
                                   int version,
                                   @Size(max = 8000) String groupDynamics,
                                   @Size(max = 50) List<@Valid ResponseInput> responses,
                                   @Size(max = 200) List<@Valid QuoteInput> quotes,
                                   @Size(max = 100) List<@Valid NeedInput> needs,
                                   @Size(max = 50) List<@Valid FollowUpRequestInput> followUpRequests,
                                   @Size(max = 20) List<@Valid ConcernInput> safeguardingConcerns) {
    }

    @Input("ReportSafeguardingConcernInput")
    public record ReportConcernInput(@Id @NonNull String id,
                                     @NonNull @NotNull OffsetDateTime reportedAt,
                                     @Description("To whom, in accordance with agency procedures.")
                                     @NonNull @NotNull @FreeText @Size(max = 300) String reportedTo) {
    }

    @Type("ReportSafeguardingConcernPayload")
    public record ReportConcernPayload(@NonNull ConcernView concern) {
    }
}
