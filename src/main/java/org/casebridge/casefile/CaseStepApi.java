package org.casebridge.casefile;

import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class CaseStepApi {

    private final CaseSteps steps;

    public CaseStepApi(CaseSteps steps) {
        this.steps = steps;
    }

    @Description("Where the case stands among the six steps, derived from what was recorded (lead agency only; null for anyone else).")
    public List<CaseStep.Step> currentStep(@Source List<CaseView> cases) {
        return Rows.singleInOrderOf(cases, steps.forCases(cases), c -> c.file().id);
    }
}
