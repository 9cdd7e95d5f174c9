package org.casebridge.closure;

import io.smallrye.graphql.api.Nullable;
import org.casebridge.closure.ClosureChecklist.ConversationInput;
import org.casebridge.closure.ClosureChecklist.NotDoneInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.casefile.ActionPlanGoal;
import org.casebridge.graphql.FreeText;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** Requesting, deciding and reopening a closure: inputs. */
public final class ClosureInputs {

    private ClosureInputs() {
    }

    @Input("ClosureChecklistInput")
    @Description("Training module 14, step 6. What must be done depends on the reason (NEEDS_MET: every item; SURVIVOR_REQUEST: "
            + "told she can return and the file; RELOCATED, UNREACHABLE: the file); an item not done is false, with why in notDone.")
    public record ChecklistInput(boolean safetyPlanReviewed,
                                 @Description("The final action plan reviewed with her, with the status of each goal (goalReviews).")
                                 boolean actionPlanReviewed,
                                 @Description("She was told her case will close and that she can always return for services.")
                                 boolean survivorToldSheCanReturn,
                                 @Description("All forms in the file reviewed; the file is complete.")
                                 boolean fileReviewedAndComplete,
                                 @Description("For each item not done: why (e.g. she could not be reached).")
                                 @Size(max = 4) @Nullable List<@NonNull @Valid NotDoneInput> notDone) {
    }

    @Input("GoalReviewInput")
    public record GoalReviewInput(@Id @NonNull String goalId, @NonNull @NotNull ActionPlanGoal.Status status) {
    }

    @Input("CarriedOverReferralInput")
    public record CarriedReferralInput(@Id @NonNull String referralId,
                                       @NonNull @NotNull @FreeText @Size(max = 2000) String note) {
    }

    @Input("RequestCaseClosureInput")
    public record RequestClosureInput(@Id @NonNull String caseId,
                                      @NonNull @NotNull CaseClosure.Reason reason,
                                      @NonNull @NotNull @Valid ChecklistInput checklist,
                                      @Description("The status of every goal of the action plan, as reviewed with her.")
                                      @Size(max = 200) @Nullable List<@NonNull @Valid GoalReviewInput> goalReviews,
                                      @Description("Every referral still open must be settled first or carried over here, with a note.")
                                      @Size(max = 200) @Nullable List<@NonNull @Valid CarriedReferralInput> carriedOverReferrals,
                                      @Description("The closing contact with her: required for NEEDS_MET and SURVIVOR_REQUEST, possible "
                                              + "for RELOCATED, refused for UNREACHABLE.")
                                      @Valid ConversationInput closingConversation,
                                      @Size(max = 2000) String note) {
    }

    @Input("DecideCaseClosureInput")
    public record DecideClosureInput(@Id @NonNull String id,
                                     @NonNull @NotNull @FreeText @Size(max = 2000) String comment) {
    }

    @Input("ReopenCaseInput")
    public record ReopenCaseInput(@Id @NonNull String caseId,
                                  @NonNull @NotNull @FreeText @Size(max = 2000) String reason) {
    }
}
