package org.casebridge.casefile;

import jakarta.enterprise.inject.Produces;
import org.casebridge.casefile.CaseActivityTypes.ActivityView;
import org.casebridge.casefile.CaseActivityTypes.RecordActivityInput;
import org.casebridge.casefile.CaseActivityTypes.RecordActivityPayload;
import org.casebridge.graphql.NodeLoader;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    @NonNull
    @Description("Activities between referrals, oldest first (lead agency only; empty for anyone else).")
    public List<@NonNull List<@NonNull ActivityView>> activities(@Source List<CaseView> cases) {
        Map<UUID, List<ActivityView>> byCase = activities.forCases(cases);
        return cases.stream().map(c -> byCase.getOrDefault(c.file().id, List.of())).toList();
    }

    @Produces
    static NodeLoader activities(CaseActivityService activities) {
        return new NodeLoader(CaseActivityTypes.TYPE, activities::activity);
    }
}
