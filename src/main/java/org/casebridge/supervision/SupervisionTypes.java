package org.casebridge.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The vocabulary, inputs and views of the case-management observation tool (seed 002). */
public final class SupervisionTypes {

    private SupervisionTypes() {
    }

    public enum ExperienceLevel { NEW, EXPERIENCED }

    public enum ObservationStatus { DRAFT, COMPLETED, FEEDBACK_GIVEN }

    public enum AreaRating { NEEDS_IMPROVEMENT, MEETS, STRONG }

    public enum ChecklistMark { OBSERVED, NOT_OBSERVED, NOT_APPLICABLE }

    /** The steps of survivor-centred case management (training module), the stage an observed session belongs to. */
    public enum CaseManagementStage { INTRODUCTION_AND_ENGAGEMENT, ASSESSMENT, CASE_ACTION_PLANNING, IMPLEMENTATION, FOLLOW_UP, CASE_CLOSURE }

    public enum ObservationAreaCode { PREPARATION, INTRODUCTION, CONFIDENTIALITY, COMMUNICATION, TRUST, SUPPORT_SKILLS, PARTICIPATION, SAFETY, CLOSING }

    @Type("ObservationExample")
    @Description("An example behaviour: \"Did the caseworker…\"")
    public record Example(@Id @NonNull String id, @NonNull String text) {
    }

    @Type("ObservationArea")
    public record Area(@NonNull ObservationAreaCode code, @NonNull String title, @NonNull String purpose,
                       @NonNull List<@NonNull Example> examples) {
    }

    @Type("ObservationTemplate")
    @Description("The observation tool: nine areas with their example behaviours. Versioned: past observations keep theirs.")
    public record Template(@Id @NonNull String id, @NonNull String name, int version, @NonNull List<@NonNull Area> areas) {
    }

    @Type("Caseworker")
    public record CaseworkerNode(@Id @NonNull String id, @NonNull String username, @NonNull String displayName,
                                 @NonNull ExperienceLevel experienceLevel, @NonNull LocalDate startedOn, int version) implements Node {
        public static final String TYPE = "Caseworker";

        static CaseworkerNode of(CaseworkerProfile p) {
            return new CaseworkerNode(GlobalId.encode(TYPE, p.id), p.username, p.displayName, p.experienceLevel, p.startedOn, p.version);
        }

        @Override
        @Id
        @NonNull
        public String getId() {
            return id;
        }
    }

    @Type("ChecklistItem")
    public record ChecklistItem(@Id @NonNull String exampleId, @NonNull String text, @NonNull ChecklistMark mark) {
    }

    @Type("ObservedArea")
    public record ObservedArea(@NonNull ObservationAreaCode area, @NonNull String title, AreaRating rating,
                               @Description("Examples observed and comments for the caseworker.") String examplesObserved,
                               @NonNull List<@NonNull ChecklistItem> checklist) {
    }

    @Type("Observation")
    @Description("A supervisor's observation of a caseworker's session, with the child's and caregiver's consent.")
    public record ObservationNode(@Id @NonNull String id, @NonNull CaseworkerNode caseworker, @NonNull String supervisorName,
                                  @NonNull LocalDate observedOn, @Id String caseId, @NonNull CaseManagementStage stage,
                                  boolean childConsent, boolean caregiverConsent, @NonNull ObservationStatus status,
                                  @NonNull String templateName, int templateVersion,
                                  @NonNull List<@NonNull ObservedArea> areas,
                                  @Description("Actions to be taken by the supervisor.") String supervisorActions,
                                  @Description("Actions to be taken by the caseworker.") String caseworkerActions,
                                  LocalDate feedbackSessionOn, String caseworkerReflections, String caseworkerQuestions,
                                  OffsetDateTime completedAt, OffsetDateTime acknowledgedAt, int version) implements Node {
        public static final String TYPE = "Observation";

        @Override
        @Id
        @NonNull
        public String getId() {
            return id;
        }
    }

    @Type("ObservationDue")
    public record Due(@NonNull CaseworkerNode caseworker, LocalDate lastObservedOn, @NonNull LocalDate nextDueOn,
                      @Description("Days past the due date (0 when due today).") int daysOverdue) {
    }

    @Type("AreaRatingCount")
    public record AreaCount(@NonNull ObservationAreaCode area, int needsImprovement, int meets, int strong) {
    }

    @Type("ObservationSummary")
    public record Summary(@NonNull LocalDate from, @NonNull LocalDate to, int observations, @NonNull List<@NonNull AreaCount> areas) {
    }

    // --- inputs ------------------------------------------------------------------------------------------

    @Input("RegisterCaseworkerInput")
    public record RegisterCaseworkerInput(@NonNull @NotBlank @Size(max = 100) String username,
                                     @NonNull @NotBlank @Size(max = 200) String displayName,
                                     @NonNull @NotNull ExperienceLevel experienceLevel,
                                     @Description("Defaults to today.") @org.casebridge.graphql.PlausibleDate(yearsBack = 60) LocalDate startedOn) {
    }

    @Input("ChecklistInput")
    public record ChecklistInput(@Id @NonNull String exampleId, @NonNull @NotNull ChecklistMark mark) {
    }

    @Input("ObservedAreaInput")
    public record AreaInput(@NonNull @NotNull ObservationAreaCode area, AreaRating rating,
                            @Size(max = 4000) String examplesObserved, List<@Valid ChecklistInput> checklist) {
    }

    @Input("RecordObservationInput")
    public record RecordObservationInput(@Size(max = 100) String idempotencyKey,
                                         @Id @NonNull String caseworkerId,
                                         @NonNull @NotNull @org.casebridge.graphql.PlausibleDate LocalDate observedOn,
                                         @Id String caseId,
                                         @NonNull @NotNull CaseManagementStage stage,
                                         @Description("The child's informed consent/assent to the observation, obtained before the session.")
                                         boolean childConsent,
                                         @Description("The caregiver's consent to the observation.") boolean caregiverConsent,
                                         List<@Valid AreaInput> areas,
                                         @Size(max = 4000) String supervisorActions,
                                         @Size(max = 4000) String caseworkerActions,
                                         @org.casebridge.graphql.PlausibleDate LocalDate feedbackSessionOn) {
    }

    @Input("UpdateObservationInput")
    @Description("While DRAFT. Fields left out keep their value; areas given replace those areas.")
    public record UpdateObservationInput(@Id @NonNull String id, int version, List<@Valid AreaInput> areas,
                                         @Size(max = 4000) String supervisorActions, @Size(max = 4000) String caseworkerActions,
                                         LocalDate feedbackSessionOn) {
    }

    @Input("CompleteObservationInput")
    public record CompleteObservationInput(@Id @NonNull String id, int version, LocalDate feedbackSessionOn) {
    }

    @Input("AcknowledgeObservationInput")
    @Description("The observed caseworker acknowledges the feedback session and may add reflections and questions.")
    public record AcknowledgeObservationInput(@Id @NonNull String id, int version, @Size(max = 4000) String reflections,
                                              @Size(max = 4000) String questions) {
    }

    @Type("RegisterCaseworkerPayload")
    public record RegisterCaseworkerPayload(@NonNull CaseworkerNode caseworker) {
    }

    @Type("ObservationPayload")
    public record ObservationPayload(@NonNull ObservationNode observation) {
    }
}
