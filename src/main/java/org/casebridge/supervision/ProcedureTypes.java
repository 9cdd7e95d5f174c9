package org.casebridge.supervision;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.graphql.FreeText;
import org.casebridge.graphql.PlausibleDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The procedure around the observation form (seed 002): consent, planning, duties, intervention, actions. */
public final class ProcedureTypes {

    private ProcedureTypes() {
    }

    @Description("The child's informed consent, or assent where the child is too young to consent.")
    public enum ChildAgreement { CONSENT, ASSENT }

    @Description("Why this case was chosen (\"according to the child's vulnerability, safety and well-being according to the "
            + "'do no harm' and 'best interest of the child' principles\").")
    public enum CaseSelectionGround { VULNERABILITY, SAFETY, WELL_BEING, DO_NO_HARM, BEST_INTEREST_OF_THE_CHILD }

    @Description("Why the supervisor intervened: \"a case management principle is significantly violated (there is a risk of "
            + "causing harm) or the caseworker explicitly asks for support or feedback\".")
    public enum InterventionReason { RISK_OF_HARM, CASEWORKER_ASKED }

    public enum ObservationPhase { BEFORE, DURING, AFTER }

    @Name("ObservationParty")
    public enum Party { SUPERVISOR, CASEWORKER }

    @Name("ObservationActionStatus")
    public enum ActionStatus { OPEN, DONE, NOT_DONE }

    @Type("ObservationToolGuidance")
    @Description("The tool's own guidance: definition, purpose, frequency, guidance and consent, in its words.")
    public record Guidance(String heading, @NonNull String body) {
    }

    @Type("ObservationDuty")
    @Description("What the supervisor or the caseworker should do before, during or after the observation, in the tool's words.")
    public record Duty(@Id @NonNull String id, @NonNull ObservationPhase phase, @NonNull Party dutyOf, int position, @NonNull String text) {
    }

    @Type("ObservationDutyCheck")
    public record DutyCheck(@Id @NonNull String dutyId, @NonNull ObservationPhase phase, @NonNull Party dutyOf, @NonNull String text,
                            boolean done, @Description("Why it was not done.") String note) {
    }

    @Type("ObservationAction")
    @Description("An action to be taken by the supervisor or the caseworker; the caseworker's next observation reviews it.")
    public record Action(@Id @NonNull String id, @NonNull Party actionOf, @NonNull String text, @NonNull ActionStatus status,
                         String reviewNote, @Id @Description("The observation that reviewed it.") String reviewedInId,
                         OffsetDateTime reviewedAt) {
    }

    // --- inputs ------------------------------------------------------------------------------------------

    @Input("ObservationDutyCheckInput")
    public record DutyCheckInput(@Id @NonNull String dutyId, boolean done,
                                 @Description("Required when not done: why.") @Size(max = 2000) String note) {
    }

    @Input("ObservationActionInput")
    public record ActionInput(@NonNull @NotNull Party actionOf, @NonNull @NotNull @FreeText @Size(max = 2000) String text) {
    }

    @Input("ObservationActionReviewInput")
    @Description("The review of an action of the caseworker's earlier observation: DONE or NOT_DONE, with a note. An action "
            + "carried forward is a new action of this observation.")
    public record ActionReviewInput(@Id @NonNull String actionId, @NonNull @NotNull ActionStatus status, @Size(max = 2000) String note) {
    }

    @Input("PlanObservationInput")
    @Description("\"Schedule an observation with an appropriate case in advance with the caseworker\": the case chosen together, "
            + "and why.")
    public record PlanObservationInput(@Size(max = 100) String idempotencyKey,
                                       @Id @NonNull String caseworkerId,
                                       @NonNull @NotNull @PlausibleDate LocalDate plannedFor,
                                       @Id String caseId,
                                       @NonNull @NotNull SupervisionTypes.CaseManagementStage stage,
                                       boolean caseChosenTogether,
                                       @NonNull @NotNull List<@NonNull CaseSelectionGround> caseSelectionGrounds,
                                       @Size(max = 2000) String caseSelectionNote,
                                       @Description("The before duties done so far.") @Size(max = 50) @Nullable List<@NonNull @Valid DutyCheckInput> duties)
            implements SupervisionTypes.CaseChoice {
    }

    @Input("BeginObservationInput")
    @Description("PLANNED → DRAFT when the session takes place: the consent the tool asks for, obtained before the session.")
    public record BeginObservationInput(@Id @NonNull String id, int version,
                                        @Description("Default: the planned day.") @PlausibleDate LocalDate observedOn,
                                        boolean childConsent, ChildAgreement childAgreement, @PlausibleDate LocalDate childAgreementOn,
                                        @Size(max = 200) String childAgreementBy,
                                        @Description("Default true.") Boolean caregiverConsentNeeded,
                                        boolean caregiverConsent,
                                        @Size(max = 2000) String caregiverConsentNotNeededReason,
                                        Boolean purposeAndConfidentialityExplained) implements ConsentToObserve.Given {
    }

    @Type("ObservationPlan")
    @Description("A supervisor's due lists: observations planned from the day on, planned ones whose day has passed, and "
            + "feedback sessions not held by their due day.")
    public record Plan(@NonNull LocalDate asOf, @NonNull List<SupervisionTypes.@NonNull ObservationNode> planned,
                       @NonNull List<SupervisionTypes.@NonNull ObservationNode> overdue,
                       @NonNull List<SupervisionTypes.@NonNull ObservationNode> feedbackOverdue) {
    }
}
