package org.casebridge.assessment;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.AssessmentEnums.Composition;
import org.casebridge.assessment.AssessmentEnums.EthicsItem;
import org.casebridge.assessment.AssessmentEnums.Format;
import org.casebridge.assessment.AssessmentEnums.SessionStatus;
import org.casebridge.graphql.FreeText;
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

/** Focus-group sessions, consent and the sign-in sheet: views, inputs and payloads. */
public final class SessionTypes {

    private SessionTypes() {
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
            return GlobalId.encode(GuideTypes.GUIDE, session.guideId);
        }

        @Id
        public String getEventId() {
            return session.eventId == null ? null : GlobalId.encode(GuideTypes.EVENT, session.eventId);
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

        @Description("The version of the guide the session was planned on; its text stays that version's.")
        public int getGuideVersion() {
            return session.guideVersion;
        }

        @Description("The cohort of the group, where its guide has cohorts.")
        public String getCohort() {
            return session.cohort;
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

        @Description("The facilitator's \"suitable experience and expertise in facilitating community discussions\".")
        public String getFacilitatorSuitability() {
            return session.facilitatorSuitability;
        }

        @Description("The training the facilitator and note-taker attended (seed 001: \"an one hour training\").")
        public TrainingView getTraining() {
            return session.trainingAttendedOn == null ? null
                    : new TrainingView(session.trainingAttendedOn, session.trainingGivenBy, session.trainingMinutes);
        }

        @Description("Where no training applied: why.")
        public String getTrainingNotApplicableReason() {
            return session.trainingNotApplicableReason;
        }

        @Description("The information sheet the session used, by title and version.")
        public DocumentView getInformationSheet() {
            return session.informationSheetTitle == null ? null : new DocumentView(session.informationSheetTitle, session.informationSheetVersion);
        }

        public String getInformationSheetNotApplicableReason() {
            return session.informationSheetNotApplicableReason;
        }

        @Description("The consent form the session used, by title and version.")
        public DocumentView getConsentForm() {
            return session.consentFormTitle == null ? null : new DocumentView(session.consentFormTitle, session.consentFormVersion);
        }

        public String getConsentFormNotApplicableReason() {
            return session.consentFormNotApplicableReason;
        }

        @Description("When the preparation was recorded; consent is confirmed only after it.")
        public OffsetDateTime getPreparedAt() {
            return session.preparedAt;
        }

        @Description("Participants who withdrew during the session. They stay counted among the participants who agreed to proceed.")
        public int getWithdrawnCount() {
            return session.withdrawnCount;
        }

        @Description("The report shared with those who asked for it (reportRequestedCount): when it was sent.")
        public LocalDate getReportSentOn() {
            return session.reportSentOn;
        }

        @Description("To how many of those who asked the report was sent.")
        public Integer getReportSentCount() {
            return session.reportSentCount;
        }

        @Description("Participants asked for the report and it has not been sent yet.")
        public boolean isReportBackDue() {
            return session.reportRequestedCount != null && session.reportRequestedCount > 0 && session.reportSentOn == null;
        }
    }

    @Type("FacilitatorTraining")
    public record TrainingView(@NonNull LocalDate attendedOn, String givenBy, Integer minutes) {
    }

    @Type("SessionDocument")
    @Description("A document by reference (title and version); the file itself is not stored.")
    public record DocumentView(@NonNull String title, String version) {
    }

    @Type("EthicsPlanItem")
    @Description("An item of the session's ethics and support plan: how it is handled, or why it does not apply.")
    public record EthicsPlanItemView(@NonNull EthicsItem item, String plan, String notApplicableReason) {
    }

    @Input("FacilitatorTrainingInput")
    public record TrainingInput(@NonNull @NotNull LocalDate attendedOn,
                                @Description("Who gave it, e.g. the Needs Assessment Lead.") @Size(max = 300) String givenBy,
                                @Min(1) @Max(1440) Integer minutes) {
    }

    @Input("SessionDocumentInput")
    public record DocumentInput(@NonNull @NotNull @FreeText @Size(max = 300) String title, @Size(max = 50) String version) {
    }

    @Input("EthicsPlanItemInput")
    public record EthicsPlanItemInput(@NonNull @NotNull EthicsItem item,
                                      @Size(max = 2000) String plan,
                                      @Size(max = 1000) String notApplicableReason) {
    }

    @Input("PrepareFocusGroupSessionInput")
    @Description("Before consent is asked: the facilitator's suitability, the training, the ethics and support plan (every item, for "
            + "caregivers and young people), and the information sheet and consent form used. Each may instead say why it does not "
            + "apply. Replaces an earlier preparation while the session is planned.")
    public record PrepareSessionInput(@Id @NonNull String id,
                                      int version,
                                      @Description("\"Suitable experience and expertise in facilitating community discussions\": which.")
                                      @NonNull @NotNull @FreeText @Size(max = 2000) String facilitatorSuitability,
                                      @Valid TrainingInput training,
                                      @Size(max = 1000) String trainingNotApplicableReason,
                                      @Size(max = 20) @Nullable List<@NonNull @Valid EthicsPlanItemInput> ethicsPlan,
                                      @Valid DocumentInput informationSheet,
                                      @Size(max = 1000) String informationSheetNotApplicableReason,
                                      @Valid DocumentInput consentForm,
                                      @Size(max = 1000) String consentFormNotApplicableReason) {
    }

    @Input("RecordSessionWithdrawalsInput")
    @Description("How many participants have withdrawn during the session so far (a running total; correct it the same way).")
    public record WithdrawalsInput(@Id @NonNull String id, int version, @Min(0) @Max(100) int withdrawnCount) {
    }

    @Input("RecordReportBackInput")
    @Description("The report shared with those who asked for it: when, and to how many. Also once the session is final.")
    public record ReportBackInput(@Id @NonNull String id, int version, @NonNull @NotNull LocalDate sentOn, @Min(1) @Max(100) int sentCount) {
    }

    @Type("SessionSignIn")
    @Description("A line of the professional sign-in sheet. Never counted, never leaves the session's two workers.")
    public record SignInView(@Id @NonNull String id, @NonNull String fullName, String jobTitle, String agency, String city, String state) {
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
                                   @NonNull @NotNull @FreeText @Size(max = 300) String location,
                                   @Description("The note-taker's username: another person than the facilitator.")
                                   @NonNull @NotNull @Size(max = 200) String noteTakerUsername,
                                   @NonNull @NotNull Composition composition,
                                   @Description("Where the guide runs one group per cohort (discussionGuide.cohorts): this group's cohort.")
                                   @Size(max = 300) String cohort) {
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
                              @NonNull @NotNull @FreeText @Size(max = 200) String fullName,
                              @Size(max = 200) String jobTitle,
                              @Size(max = 200) String agency,
                              @Size(max = 100) String city,
                              @Size(max = 100) String state) {
    }

    @Input("AgreeSessionNotesInput")
    public record AgreeNotesInput(@Id @NonNull String id, int version) {
    }

    @Type("FocusGroupSessionPayload")
    @Description("The session after the change.")
    public record SessionPayload(@NonNull SessionView session,
                                 @Description("Guidance the answer calls attention to without refusing, e.g. a group outside the "
                                         + "guide's size (\"between 8 -12 participants ideally\").") @NonNull List<@NonNull String> warnings) {
        public SessionPayload(SessionView session) {
            this(session, List.of());
        }
    }
}
