package org.casebridge.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.AssessmentEnums.Composition;
import org.casebridge.assessment.AssessmentEnums.Format;
import org.casebridge.assessment.AssessmentEnums.ProfessionalLevel;
import org.casebridge.assessment.AssessmentEnums.SessionStatus;
import org.casebridge.assessment.AssessmentEnums.SpeakerType;
import org.casebridge.assessment.AssessmentEnums.Urgency;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** Needs-assessment inputs, payloads and views. */
public final class AssessmentTypes {

    static final String GUIDE = "DiscussionGuide";
    static final String QUESTION = "GuideQuestion";
    static final String EVENT = "AssessmentEvent";
    static final String CONCERN = "SafeguardingConcern";
    static final String TEXT = "(?s).*\\S.*";

    private AssessmentTypes() {
    }

    @Type("DiscussionGuide")
    @Description("A discussion guide: audience, purpose, the before/during/after instructions and ordered questions with probes.")
    public record GuideView(@Id @NonNull String id, @NonNull String title, @NonNull Audience audience, @NonNull String purpose,
                            Integer expectedMinutes, String beforeInstructions, String duringInstructions,
                            String afterInstructions, @NonNull String createdByName,
                            @NonNull List<@NonNull QuestionView> questions) {
    }

    @Type("GuideQuestion")
    public record QuestionView(@Id @NonNull String id, int position, @NonNull String text, @NonNull List<@NonNull String> probes) {
    }

    @Type("AssessmentEvent")
    @Description("An event several sessions belong to, e.g. cohort groups on the first day of a meeting.")
    public record EventView(@Id @NonNull String id, @NonNull String name, String location, @NonNull LocalDate startsOn,
                            @NonNull LocalDate endsOn) {
    }

    @Type("FocusGroupSession")
    @Description("A focus group (or individual interviews on one guide): seen only by its facilitator and note-taker.")
    public static class SessionView implements Node {
        public static final String TYPE = "FocusGroupSession";
        private final FocusGroupSession session;

        SessionView(FocusGroupSession session) {
            this.session = session;
        }

        @Ignore
        public FocusGroupSession session() {
            return session;
        }

        @Override
        @Id
        @NonNull
        public String getId() {
            return GlobalId.encode(TYPE, session.id);
        }

        @Id
        @NonNull
        public String getGuideId() {
            return GlobalId.encode(GUIDE, session.guideId);
        }

        @Id
        public String getEventId() {
            return session.eventId == null ? null : GlobalId.encode(EVENT, session.eventId);
        }

        @NonNull
        public Audience getAudience() {
            return session.audience;
        }

        @NonNull
        public Format getFormat() {
            return session.format;
        }

        @NonNull
        public String getState() {
            return session.state;
        }

        @NonNull
        public LocalDate getHeldOn() {
            return session.heldOn;
        }

        @NonNull
        public LocalTime getStartsAt() {
            return session.startsAt;
        }

        @NonNull
        public LocalTime getEndsAt() {
            return session.endsAt;
        }

        @NonNull
        public String getLocation() {
            return session.location;
        }

        @NonNull
        public String getFacilitatorUsername() {
            return session.facilitatorUsername;
        }

        @NonNull
        public String getNoteTakerUsername() {
            return session.noteTakerUsername;
        }

        @NonNull
        public Composition getComposition() {
            return session.composition;
        }

        @NonNull
        public SessionStatus getStatus() {
            return session.status;
        }

        public Integer getParticipantCount() {
            return session.participantCount;
        }

        public Integer getFemaleCount() {
            return session.femaleCount;
        }

        public Integer getMaleCount() {
            return session.maleCount;
        }

        public Integer getOtherGenderCount() {
            return session.otherGenderCount;
        }

        @Description("Young people: how many gave their own assent.")
        public Integer getAssentCount() {
            return session.assentCount;
        }

        @Description("Young people: how many had a parent's or carer's consent where required.")
        public Integer getParentalConsentCount() {
            return session.parentalConsentCount;
        }

        @Description("How many participants asked to receive the report.")
        public Integer getReportRequestedCount() {
            return session.reportRequestedCount;
        }

        public OffsetDateTime getConsentConfirmedAt() {
            return session.consentConfirmedAt;
        }

        @Description("Group dynamics: does one person dominate, is there disagreement, etc.")
        public String getGroupDynamics() {
            return session.groupDynamics;
        }

        public OffsetDateTime getFacilitatorAgreedAt() {
            return session.facilitatorAgreedAt;
        }

        public OffsetDateTime getNoteTakerAgreedAt() {
            return session.noteTakerAgreedAt;
        }

        public int getVersion() {
            return session.version;
        }
    }

    @Type("SessionSignIn")
    @Description("A line of the professional sign-in sheet. Never counted, never leaves the session's two workers.")
    public record SignInView(@NonNull String fullName, String jobTitle, String agency, String city, String state) {
    }

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

    // --- inputs -------------------------------------------------------------------------------------------

    @Input("GuideQuestionInput")
    public record QuestionInput(@NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 2000) String text,
                                @Size(max = 20) List<@Size(max = 1000) String> probes) {
    }

    @Input("CreateDiscussionGuideInput")
    public record CreateGuideInput(@NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 200) String title,
                                   @NonNull @NotNull Audience audience,
                                   @NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 4000) String purpose,
                                   @Min(10) @Max(480) Integer expectedMinutes,
                                   @Size(max = 8000) String beforeInstructions,
                                   @Size(max = 8000) String duringInstructions,
                                   @Size(max = 8000) String afterInstructions,
                                   @NonNull @NotNull @Size(min = 1, max = 50) List<@Valid QuestionInput> questions) {
    }

    @Input("CreateAssessmentEventInput")
    public record CreateEventInput(@NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 300) String name,
                                   @Size(max = 300) String location,
                                   @NonNull @NotNull LocalDate startsOn,
                                   @NonNull @NotNull LocalDate endsOn) {
    }

    @Input("PlanFocusGroupSessionInput")
    public record PlanSessionInput(@Size(max = 100) String idempotencyKey,
                                   @Id @NonNull String guideId,
                                   @Id String eventId,
                                   @NonNull @NotNull Format format,
                                   @Description("Default: your state.") @Size(max = 100) String state,
                                   @NonNull @NotNull LocalDate heldOn,
                                   @NonNull @NotNull LocalTime startsAt,
                                   @NonNull @NotNull LocalTime endsAt,
                                   @NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 300) String location,
                                   @Description("The note-taker's username: another person than the facilitator.")
                                   @NonNull @NotNull @Size(max = 200) String noteTakerUsername,
                                   @NonNull @NotNull Composition composition) {
    }

    @Input("ConfirmSessionConsentInput")
    @Description("Before anything is recorded: participation is voluntary, they may skip a question or withdraw without any "
            + "effect on services, notes are confidential. Note the number and gender of those who agreed to proceed.")
    public record ConfirmConsentInput(@Id @NonNull String id,
                                      int version,
                                      boolean allParticipantsAgreed,
                                      @Min(1) @Max(100) int participantCount,
                                      @Min(0) int femaleCount,
                                      @Min(0) int maleCount,
                                      @Min(0) int otherGenderCount,
                                      @Description("Young people: each participant's own assent, as a count.") @Min(0) Integer assentCount,
                                      @Description("Young people: parents' or carers' consents, where required.") @Min(0) Integer parentalConsentCount,
                                      @Min(0) Integer reportRequestedCount) {
    }

    @Input("SignInParticipantInput")
    public record SignInInput(@Id @NonNull String sessionId,
                              @NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 200) String fullName,
                              @Size(max = 200) String jobTitle,
                              @Size(max = 200) String agency,
                              @Size(max = 100) String city,
                              @Size(max = 100) String state) {
    }

    @Input("QuestionResponseInput")
    public record ResponseInput(@Id @NonNull String questionId,
                                @NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 8000) String summary) {
    }

    @Input("VerbatimQuoteInput")
    public record QuoteInput(@Id String questionId,
                             @NonNull @NotNull SpeakerType speakerType,
                             @NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 2000) String text,
                             @Size(max = 10) List<@NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 60) String> themes) {
    }

    @Input("IdentifiedNeedInput")
    public record NeedInput(@NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 60) String theme,
                            @NonNull @NotNull ProfessionalLevel professionalLevel,
                            @NonNull @NotNull Urgency urgency,
                            @Size(max = 200) String timeFrame,
                            @Size(max = 2000) String description) {
    }

    @Input("FollowUpRequestInput")
    public record FollowUpRequestInput(@NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 60) String theme,
                                       @NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 2000) String request) {
    }

    @Input("SafeguardingConcernInput")
    public record ConcernInput(@NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 2000) String description) {
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
                                     @NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 300) String reportedTo) {
    }

    @Input("AgreeSessionNotesInput")
    public record AgreeNotesInput(@Id @NonNull String id, int version) {
    }

    @Type("CreateDiscussionGuidePayload")
    public record CreateGuidePayload(@NonNull GuideView guide) {
    }

    @Type("CreateAssessmentEventPayload")
    public record CreateEventPayload(@NonNull EventView event) {
    }

    @Type("FocusGroupSessionPayload")
    @Description("The session after the change.")
    public record SessionPayload(@NonNull SessionView session) {
    }

    @Type("ReportSafeguardingConcernPayload")
    public record ReportConcernPayload(@NonNull ConcernView concern) {
    }
}
