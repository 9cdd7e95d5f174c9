package org.casebridge.casefile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.agency.AgencyNode;
import org.casebridge.agency.ServiceType;
import org.casebridge.graphql.FreeText;
import org.casebridge.graphql.GlobalId;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The action plan's inputs, payloads and views. */
public final class ActionPlanTypes {

    static final String GOAL_TYPE = "ActionPlanGoal";

    private ActionPlanTypes() {
    }

    @Type("ActionPlan")
    @Description("The case action plan (category CASE_PLAN): goals per need area.")
    public static class ActionPlan {
        private final UUID caseId;

        ActionPlan(UUID caseId) {
            this.caseId = caseId;
        }

        @Ignore
        public UUID caseId() {
            return caseId;
        }
    }

    @Type("ActionPlanGoal")
    public record GoalView(@Id @NonNull String id, @NonNull ServiceType needArea, @NonNull String goal, @NonNull String actions,
                           @NonNull AgencyNode responsibleAgency, @NonNull ActionPlanGoal.Status status,
                           @NonNull OffsetDateTime updatedAt, int version) {
        static GoalView of(ActionPlanGoal g) {
            return new GoalView(GlobalId.encode(GOAL_TYPE, g.id), g.needArea, g.goal, g.actions, AgencyNode.of(g.responsibleAgency),
                    g.status, g.updatedAt, g.version);
        }
    }

    @Type("ActionPlanRevision")
    @Description("The goal as it was after one change: every revision is kept.")
    public record RevisionView(int revision, @NonNull ServiceType needArea, @NonNull String goal, @NonNull String actions,
                               @NonNull String responsibleAgencyCode, @NonNull ActionPlanGoal.Status status, String note,
                               @NonNull String revisedByName, @NonNull OffsetDateTime revisedAt,
                               @Id @Description("The case conference whose decisions made this revision, if one did.") String conferenceId) {
    }

    @Input("AddActionPlanGoalInput")
    public record AddGoalInput(@Size(max = 100) String idempotencyKey,
                               @Id @NonNull String caseId,
                               @NonNull @NotNull ServiceType needArea,
                               @NonNull @NotNull @FreeText @Size(max = 2000) String goal,
                               @NonNull @NotNull @FreeText @Size(max = 4000) String actions,
                               @NonNull @NotNull @Size(max = 40) String responsibleAgencyCode,
                               @Description("NOT_STARTED when left out.") ActionPlanGoal.Status status) {
    }

    @Input("ReviseActionPlanGoalInput")
    @Description("Changes a goal; fields left out stay as they are. The revision is kept with its note.")
    public record ReviseGoalInput(@Id @NonNull String id,
                                  int version,
                                  @FreeText @Size(max = 2000) String goal,
                                  @FreeText @Size(max = 4000) String actions,
                                  @Size(max = 40) String responsibleAgencyCode,
                                  ActionPlanGoal.Status status,
                                  @Description("Why it changed.") @Size(max = 2000) String note,
                                  @Id @Description("The held conference of this case whose decisions revise the goal (module 14: "
                                          + "conferences adjust current service plans).") String conferenceId) {
    }

    @Type("AddActionPlanGoalPayload")
    public record AddGoalPayload(@NonNull GoalView goal) {
    }

    @Type("ReviseActionPlanGoalPayload")
    public record ReviseGoalPayload(@NonNull GoalView goal) {
    }
}
