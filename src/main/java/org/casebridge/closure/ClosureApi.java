package org.casebridge.closure;

import jakarta.enterprise.inject.Produces;
import org.casebridge.casefile.CaseView;
import org.casebridge.closure.ClosureTypes.ApproveClosurePayload;
import org.casebridge.closure.ClosureTypes.CarriedReferralView;
import org.casebridge.closure.ClosureTypes.ClosureConnection;
import org.casebridge.closure.ClosureTypes.ClosureView;
import org.casebridge.closure.ClosureInputs.DecideClosureInput;
import org.casebridge.closure.ClosureTypes.RejectClosurePayload;
import org.casebridge.closure.ClosureInputs.ReopenCaseInput;
import org.casebridge.closure.ClosureTypes.ReopenCasePayload;
import org.casebridge.closure.ClosureInputs.RequestClosureInput;
import org.casebridge.closure.ClosureTypes.RequestClosurePayload;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.graphql.PageRequest;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class ClosureApi {

    private final ClosureService closures;

    public ClosureApi(ClosureService closures) {
        this.closures = closures;
    }

    @Query
    @Description("Closure requests of your agency waiting for a supervisor's decision, oldest first.")
    public ClosureConnection pendingClosures(Integer first, String after) {
        return closures.pending(PageRequest.of(first, after));
    }

    @Mutation
    @Description("Requests closure of a case with its reason and the checklist. UNREACHABLE needs 30 days or more since the "
            + "last successful contact; referrals still open must be settled or carried over with a note.")
    public RequestClosurePayload requestCaseClosure(@NonNull RequestClosureInput input) {
        return new RequestClosurePayload(closures.request(input));
    }

    @Mutation
    @Description("A supervisor (not the one who requested it) approves the closure: the case becomes read-only.")
    public ApproveClosurePayload approveCaseClosure(@NonNull DecideClosureInput input) {
        return new ApproveClosurePayload(closures.approve(input));
    }

    @Mutation
    @Description("A supervisor (not the one who requested it) rejects the closure with a comment: the case stays open.")
    public RejectClosurePayload rejectCaseClosure(@NonNull DecideClosureInput input) {
        return new RejectClosurePayload(closures.reject(input));
    }

    @Mutation
    @Description("Reopens a closed case, with the reason.")
    public ReopenCasePayload reopenCase(@NonNull ReopenCaseInput input) {
        return new ReopenCasePayload(closures.reopen(input));
    }

    @Name("closures")
    @Description("Closure requests of this case, with decisions and reopenings (lead agency only).")
    public List<@NonNull List<@NonNull ClosureView>> caseClosures(@Source List<CaseView> cases) {
        return Rows.inOrderOf(cases, closures.forCases(cases), c -> c.file().id);
    }

    @NonNull
    public List<@NonNull List<@NonNull CarriedReferralView>> carriedOverReferrals(@Source List<ClosureView> views) {
        return Rows.readInOrderOf(views, v -> v.closure().id, closures::carriedOver);
    }

    @Produces
    static NodeLoader closures(ClosureService closures) {
        return new NodeLoader(ClosureView.TYPE, closures::closure);
    }
}
