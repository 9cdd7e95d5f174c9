package org.casebridge.casefile;

import org.casebridge.casefile.ActionPlanTypes.ActionPlan;
import org.casebridge.casefile.ActionPlanTypes.AddGoalInput;
import org.casebridge.casefile.ActionPlanTypes.AddGoalPayload;
import org.casebridge.casefile.ActionPlanTypes.GoalView;
import org.casebridge.casefile.ActionPlanTypes.ReviseGoalInput;
import org.casebridge.casefile.ActionPlanTypes.ReviseGoalPayload;
import org.casebridge.casefile.ActionPlanTypes.RevisionView;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class ActionPlanApi {

    private final ActionPlanService plans;

    public ActionPlanApi(ActionPlanService plans) {
        this.plans = plans;
    }

    @Description("Category CASE_PLAN: the action plan's goals per need area.")
    public ActionPlan actionPlan(@Source CaseView survivorCase) {
        return plans.plan(survivorCase);
    }

    @NonNull
    public List<@NonNull List<@NonNull GoalView>> goals(@Source List<ActionPlan> actionPlans) {
        return Rows.readInOrderOf(actionPlans, ActionPlan::caseId, plans::goals);
    }

    @NonNull
    @Description("Every revision of the goal, oldest first.")
    public List<@NonNull List<@NonNull RevisionView>> revisions(@Source List<GoalView> goals) {
        return Rows.readInOrderOf(goals, GoalView::id, plans::revisions);
    }

    @Mutation
    @Description("Adds a goal to a case's action plan (the lead agency's caseworkers and supervisors).")
    public AddGoalPayload addActionPlanGoal(@NonNull AddGoalInput input) {
        return new AddGoalPayload(plans.add(input));
    }

    @Mutation
    @Description("Revises a goal: its text, actions, responsible agency or status. The previous revisions are kept.")
    public ReviseGoalPayload reviseActionPlanGoal(@NonNull ReviseGoalInput input) {
        return new ReviseGoalPayload(plans.revise(input));
    }
}
