package org.casebridge.casefile;

import jakarta.enterprise.inject.Produces;
import org.casebridge.casefile.CaseInputs.CaseFilter;
import org.casebridge.casefile.CaseInputs.CaseSummary;
import org.casebridge.casefile.CaseInputs.OpenCaseInput;
import org.casebridge.casefile.CaseInputs.OpenCasePayload;
import org.casebridge.casefile.CaseInputs.UpdateCaseInput;
import org.casebridge.casefile.CaseInputs.UpdateCasePayload;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.UUID;

@GraphQLApi
public class CaseApi {

    private final CaseService cases;

    public CaseApi(CaseService cases) {
        this.cases = cases;
    }

    @Query
    @Description("Your agency's cases (caseworkers and supervisors of the lead agency).")
    public CaseConnection cases(CaseFilter filter, Integer first, String after) {
        return cases.cases(filter, PageRequest.of(first, after));
    }

    @Query("case")
    @Description("One of your agency's cases. Other agencies reach a case only through a referral or invitation.")
    public CaseView caseById(@Id @NonNull String id) {
        return cases.caseById(GlobalId.decode(id, CaseView.TYPE, "id")).orElseThrow(() -> ApiException.notFound("Case"));
    }

    @Description("A caseworker or supervisor of a lead agency opens a survivor's case (identity sealed at rest).")
    @Mutation
    public OpenCasePayload openCase(@NonNull OpenCaseInput input) {
        return new OpenCasePayload(cases.openCase(input));
    }

    @Description("The lead agency changes a case, with the version it saw (CONFLICT when stale).")
    @Mutation
    public UpdateCasePayload updateCase(@NonNull UpdateCaseInput input) {
        return new UpdateCasePayload(cases.updateCase(input));
    }

    @Description("Category IDENTITY.")
    public SurvivorIdentity identity(@Source CaseView survivorCase) {
        return cases.identity(survivorCase);
    }

    @Description("Category CASE_SUMMARY.")
    public CaseSummary summary(@Source CaseView survivorCase) {
        return cases.summary(survivorCase);
    }

    @Description("Category SAFETY_PLAN.")
    public String safetyPlan(@Source CaseView survivorCase) {
        return cases.safetyPlan(survivorCase);
    }

    @Description("Category INCIDENT.")
    public String incident(@Source CaseView survivorCase) {
        return cases.incident(survivorCase);
    }

    @Description("Category HEALTH: health and psychosocial notes.")
    public String healthNotes(@Source CaseView survivorCase) {
        return cases.healthNotes(survivorCase);
    }

    @Produces
    static NodeLoader cases(CaseService cases) {
        return new NodeLoader(CaseView.TYPE, cases::caseById);
    }
}
