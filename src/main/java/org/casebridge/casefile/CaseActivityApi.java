package org.casebridge.casefile;

import jakarta.enterprise.inject.Produces;
import org.casebridge.casefile.CaseActivityTypes.ActivityView;
import org.casebridge.casefile.CaseActivityTypes.RecordActivityInput;
import org.casebridge.casefile.CaseActivityTypes.OutcomeRevision;
import org.casebridge.casefile.CaseActivityTypes.RecordActivityPayload;
import org.casebridge.casefile.CaseActivityTypes.RecordOutcomeInput;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class CaseActivityApi {

    private final CaseActivityService activities;

    public CaseActivityApi(CaseActivityService activities) {
        this.activities = activities;
    }

    @Mutation
    @Description("Records work done for the survivor between referrals: accompaniment, advocacy, a direct service, psychosocial "
            + "support (the lead agency's caseworkers and supervisors, on an open case). With her present it counts as contact.")
    public RecordActivityPayload recordCaseActivity(@NonNull RecordActivityInput input) {
        return new RecordActivityPayload(activities.record(input));
    }

    @Mutation
    @Description("Records what came of an activity, when it is known after the activity was recorded, or a better account of it "
            + "(the lead agency's caseworkers and supervisors, on an open case; with the version last read). Earlier outcomes are kept.")
    public RecordActivityPayload recordCaseActivityOutcome(@NonNull RecordOutcomeInput input) {
        return new RecordActivityPayload(activities.recordOutcome(input));
    }

    @NonNull
    @Description("Activities between referrals, oldest first (lead agency only; empty for anyone else).")
    public List<@NonNull List<@NonNull ActivityView>> activities(@Source List<CaseView> cases) {
        return Rows.inOrderOf(cases, activities.forCases(cases), c -> c.file().id);
    }

    @NonNull
    @Description("Every outcome stated for the activity, oldest first.")
    public List<@NonNull List<@NonNull OutcomeRevision>> outcomeHistory(@Source List<ActivityView> views) {
        return Rows.readInOrderOf(views, v -> v.activity().id, activities::outcomeHistory);
    }

    @Produces
    static NodeLoader activities(CaseActivityService activities) {
        return new NodeLoader(CaseActivityTypes.TYPE, activities::activity);
    }
}
