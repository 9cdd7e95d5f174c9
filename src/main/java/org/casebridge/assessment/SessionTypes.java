package org.casebridge.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.AssessmentEnums.Composition;
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
    public record SessionPayload(@NonNull SessionView session) {
    }
}
