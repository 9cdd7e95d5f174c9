package org.casebridge.supervision;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.graphql.FreeText;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.casebridge.supervision.ProcedureTypes.ActionInput;
import org.casebridge.supervision.ProcedureTypes.ActionReviewInput;
import org.casebridge.supervision.ProcedureTypes.CaseSelectionGround;
import org.casebridge.supervision.ProcedureTypes.ChildAgreement;
import org.casebridge.supervision.ProcedureTypes.DutyCheckInput;
import org.casebridge.supervision.ProcedureTypes.InterventionReason;
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

    @Description("PLANNED (scheduled in advance) → DRAFT (the session took place, with consent) → COMPLETED → FEEDBACK_GIVEN.")
    public enum ObservationStatus { PLANNED, DRAFT, COMPLETED, FEEDBACK_GIVEN }

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
    @Description("A supervisor's observation of a caseworker's session, planned in advance, with the consent the tool asks for.")
    public record ObservationNode(@Id @NonNull String id, @NonNull CaseworkerNode caseworker, @NonNull String supervisorName,
                                  @Description("The day of the session (planned, or held).") @NonNull LocalDate observedOn,
                                  @Id String caseId, @NonNull CaseManagementStage stage,
                                  @Description("When it was scheduled in advance; null when recorded after the session.") OffsetDateTime plannedAt,
                                  @Description("The caseworker and supervisor chose the case together.") Boolean caseChosenTogether,
                                  @NonNull List<@NonNull CaseSelectionGround> caseSelectionGrounds, String caseSelectionNote,
                                  boolean childConsent, ChildAgreement childAgreement,
                                  @Description("When the child's consent or assent was obtained.") LocalDate childAgreementOn,
                                  @Description("Who obtained it.") String childAgreementBy,
                                  boolean caregiverConsent,
                                  @Description("\"The consent of the caregiver when needed\": false where asking the caregiver is not appropriate.")
                                  boolean caregiverConsentNeeded, String caregiverConsentNotNeededReason,
                                  @Description("The purpose was explained, and that all information disclosed will remain confidential.")
                                  Boolean purposeAndConfidentialityExplained,
                                  @NonNull ObservationStatus status,
                                  @NonNull String templateName, int templateVersion,
                                  @NonNull List<@NonNull ObservedArea> areas,
                                  Boolean supervisorIntervened, InterventionReason interventionReason, String interventionNote,
                                  @Description("Positive feedback: strengths to praise.") String feedbackStrengths,
                                  @Description("Constructive feedback: areas to improve.") String feedbackAreasToImprove,
                                  @Description("Free-text actions of observations recorded before the action items; see actions.") String supervisorActions,
                                  @Description("Free-text actions of observations recorded before the action items; see actions.") String caseworkerActions,
                                  LocalDate feedbackSessionOn,
                                  @Description("\"Shortly after the session\": the day the feedback session is due (set on completion).") LocalDate feedbackDueOn,
                                  String caseworkerReflections, String caseworkerQuestions,
                                  OffsetDateTime completedAt, OffsetDateTime acknowledgedAt, int version) implements Node {
        public static final String TYPE = "Observation";

        static ObservationNode of(Observation o, CaseworkerNode caseworker, String templateName, int templateVersion, List<ObservedArea> areas) {
            return new ObservationNode(GlobalId.encode(TYPE, o.id), caseworker, o.supervisorName, o.observedOn,
                    o.caseId == null ? null : GlobalId.encode("Case", o.caseId), o.stage, o.plannedAt, o.caseChosenTogether,
                    List.copyOf(o.caseSelectionGrounds), o.caseSelectionNote, o.childConsent, o.childAgreement, o.childAgreementOn,
                    o.childAgreementBy, o.caregiverConsent, o.caregiverConsentNeeded, o.caregiverConsentNotNeededReason,
                    o.purposeAndConfidentialityExplained, o.status, templateName, templateVersion, areas, o.supervisorIntervened,
                    o.interventionReason, o.interventionNote, o.feedbackStrengths, o.feedbackAreasToImprove, o.supervisorActions,
                    o.caseworkerActions, o.feedbackSessionOn, o.feedbackDueOn, o.caseworkerReflections, o.caseworkerQuestions,
                    o.completedAt, o.acknowledgedAt, o.version);
        }

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
    public record RegisterCaseworkerInput(@NonNull @NotNull @FreeText @Size(max = 100) String username,
                                     @NonNull @NotNull @FreeText @Size(max = 200) String displayName,
                                     @NonNull @NotNull ExperienceLevel experienceLevel,
                                     @Description("Defaults to today.") @org.casebridge.graphql.PlausibleDate(yearsBack = 60) LocalDate startedOn) {
    }

    @Input("ChecklistInput")
    public record ChecklistInput(@Id @NonNull String exampleId, @NonNull @NotNull ChecklistMark mark) {
    }

    @Input("ObservedAreaInput")
    public record AreaInput(@NonNull @NotNull ObservationAreaCode area, AreaRating rating,
                            @Size(max = 4000) String examplesObserved, @Nullable List<@NonNull @Valid ChecklistInput> checklist) {
    }

    /** Which case is observed, at which stage and why: what recording and planning an observation both say. */
    interface CaseChoice {
        CaseManagementStage stage();

        List<CaseSelectionGround> caseSelectionGrounds();

        String caseSelectionNote();
    }

    /** What recording and editing an observation add to the form: duties, intervention, feedback, actions and reviews. */
    interface ProcedureFields {
        List<DutyCheckInput> duties();

        Boolean supervisorIntervened();

        InterventionReason interventionReason();

        String interventionNote();

        String feedbackStrengths();

        String feedbackAreasToImprove();

        List<ActionInput> actions();

        List<ActionReviewInput> actionReviews();
    }

    @Input("RecordObservationInput")
    @Description("A session observed without planning it first (planObservation and beginObservation are the tool's way).")
    public record RecordObservationInput(@Size(max = 100) String idempotencyKey,
                                         @Id @NonNull String caseworkerId,
                                         @NonNull @NotNull @org.casebridge.graphql.PlausibleDate LocalDate observedOn,
                                         @Id String caseId,
                                         @NonNull @NotNull CaseManagementStage stage,
                                         Boolean caseChosenTogether,
                                         @Nullable List<@NonNull CaseSelectionGround> caseSelectionGrounds,
                                         @Size(max = 2000) String caseSelectionNote,
                                         @Description("The child's informed consent/assent to the observation, obtained before the session.")
                                         boolean childConsent,
                                         ChildAgreement childAgreement,
                                         @org.casebridge.graphql.PlausibleDate LocalDate childAgreementOn,
                                         @Size(max = 200) String childAgreementBy,
                                         @Description("Default true. False where asking the caregiver is not appropriate; then say why.")
                                         Boolean caregiverConsentNeeded,
                                         @Description("The caregiver's consent to the observation.") boolean caregiverConsent,
                                         @Size(max = 2000) String caregiverConsentNotNeededReason,
                                         Boolean purposeAndConfidentialityExplained,
                                         @Nullable List<@NonNull @Valid AreaInput> areas,
                                         @Size(max = 50) @Nullable List<@NonNull @Valid DutyCheckInput> duties,
                                         Boolean supervisorIntervened,
                                         InterventionReason interventionReason,
                                         @Size(max = 2000) String interventionNote,
                                         @Size(max = 4000) String feedbackStrengths,
                                         @Size(max = 4000) String feedbackAreasToImprove,
                                         @Size(max = 20) @Nullable List<@NonNull @Valid ActionInput> actions,
                                         @Size(max = 50) @Nullable List<@NonNull @Valid ActionReviewInput> actionReviews,
                                         @Size(max = 4000) String supervisorActions,
                                         @Size(max = 4000) String caseworkerActions,
                                         @org.casebridge.graphql.PlausibleDate LocalDate feedbackSessionOn)
            implements ConsentToObserve.Given, ProcedureFields, CaseChoice {
    }

    @Input("UpdateObservationInput")
    @Description("While DRAFT. Fields left out keep their value; areas and duties given replace those; actions given replace the "
            + "observation's own.")
    public record UpdateObservationInput(@Id @NonNull String id, int version, @Nullable List<@NonNull @Valid AreaInput> areas,
                                         @Size(max = 50) @Nullable List<@NonNull @Valid DutyCheckInput> duties,
                                         Boolean supervisorIntervened,
                                         InterventionReason interventionReason,
                                         @Size(max = 2000) String interventionNote,
                                         @Size(max = 4000) String feedbackStrengths,
                                         @Size(max = 4000) String feedbackAreasToImprove,
                                         @Size(max = 20) @Nullable List<@NonNull @Valid ActionInput> actions,
                                         @Size(max = 50) @Nullable List<@NonNull @Valid ActionReviewInput> actionReviews,
                                         @Size(max = 4000) String supervisorActions, @Size(max = 4000) String caseworkerActions,
                                         LocalDate feedbackSessionOn) implements ProcedureFields {
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
