package org.casebridge.casefile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.graphql.FreeText;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.HasHappened;
import org.casebridge.graphql.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** Case activities' input, payload and view. */
public final class CaseActivityTypes {

    static final String TYPE = "CaseActivity";

    private CaseActivityTypes() {
    }

    @Type("CaseActivity")
    @Description("Work done for the survivor between referrals (module 14, step 4), the lead agency's only.")
    public static class ActivityView implements Node {
        private final CaseActivity activity;

        ActivityView(CaseActivity activity) {
            this.activity = activity;
        }

        @Ignore
        public CaseActivity activity() {
            return activity;
        }

        @Override
        @Id
        @NonNull
        public String getId() {
            return GlobalId.encode(TYPE, activity.id);
        }

        @NonNull
        public CaseActivity.Kind getKind() {
            return activity.kind;
        }

        @NonNull
        public OffsetDateTime getTookPlaceAt() {
            return activity.tookPlaceAt;
        }

        @Description("She was there: the activity counts as contact with her.")
        public boolean isSurvivorPresent() {
            return activity.survivorPresent;
        }

        @Description("Who else took part: the provider, officer or relative met.")
        public String getWithWhom() {
            return activity.withWhom;
        }

        @NonNull
        @Description("What was done.")
        public String getDescription() {
            return activity.description;
        }

        @Id
        @Description("The referral of this case the activity supported, if any.")
        public String getReferralId() {
            return activity.referralId == null ? null : GlobalId.encode("Referral", activity.referralId);
        }

        @Id
        @Description("The action plan goal the activity worked towards, if any.")
        public String getGoalId() {
            return activity.goalId == null ? null : GlobalId.encode(ActionPlanTypes.GOAL_TYPE, activity.goalId);
        }

        @Description("What came of it, as last stated (outcomeHistory keeps every statement).")
        public String getOutcome() {
            return activity.outcome;
        }

        @Description("For recordCaseActivityOutcome.")
        public int getVersion() {
            return activity.version;
        }

        @NonNull
        @Description("Who did it: the caseworker who recorded it.")
        public String getPerformedByName() {
            return activity.performedByName;
        }

        @NonNull
        public OffsetDateTime getRecordedAt() {
            return activity.recordedAt;
        }
    }

    @Input("RecordCaseActivityInput")
    public record RecordActivityInput(@Size(max = 100) String idempotencyKey,
                                      @Id @NonNull String caseId,
                                      @NonNull @NotNull CaseActivity.Kind kind,
                                      @NonNull @NotNull @HasHappened @Description("When it took place: after the case was opened, not in the future.")
                                      OffsetDateTime tookPlaceAt,
                                      @Description("Whether she was there; if so it counts as contact (Case.lastContactAt).")
                                      boolean survivorPresent,
                                      @Size(max = 500) String withWhom,
                                      @NonNull @NotNull @FreeText @Size(max = 4000)
                                      String description,
                                      @Id @Description("A referral of this case the activity supported.") String referralId,
                                      @Id @Description("A goal of this case's action plan the activity worked towards.") String goalId,
                                      @Description("What came of it, if already known (else recordCaseActivityOutcome later).")
                                      @FreeText @Size(max = 4000) String outcome) {
    }

    @Input("RecordCaseActivityOutcomeInput")
    @Description("The outcome of an activity, known after it was recorded, or a better account of it; earlier ones are kept.")
    public record RecordOutcomeInput(@Id @NonNull String id,
                                     @Description("The version of the activity last read.") int version,
                                     @NonNull @NotNull @FreeText @Size(max = 4000) String outcome) {
    }

    @Type("CaseActivityOutcome")
    @Description("An outcome stated for an activity: who stated it and when.")
    public record OutcomeRevision(int revision, @NonNull String outcome, @NonNull String recordedByName,
                                  @NonNull OffsetDateTime recordedAt) {
    }

    @Type("RecordCaseActivityPayload")
    public record RecordActivityPayload(@NonNull ActivityView activity) {
    }
}
