package org.casebridge.access;

import org.casebridge.access.ConsentService.RecordConsentInput;
import org.casebridge.access.ConsentService.RevokeConsentInput;
import org.casebridge.graphql.GlobalId;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@GraphQLApi
public class ConsentApi {

    @Type("RecordConsentPayload")
    public record RecordConsentPayload(@NonNull ConsentNode consent) {
    }

    @Type("RevokeConsentPayload")
    public record RevokeConsentPayload(@NonNull ConsentNode consent) {
    }

    @Type("WithdrawSharingDecisionPayload")
    public record WithdrawSharingDecisionPayload(@NonNull SharingDecisionView sharingDecision) {
    }

    private final ConsentService consents;
    private final SharingDecisions decisions;

    public ConsentApi(ConsentService consents, SharingDecisions decisions) {
        this.consents = consents;
        this.decisions = decisions;
    }

    @Query
    @Description("The consents recorded for one of your agency's cases, revoked ones included.")
    public List<@NonNull ConsentNode> consents(@Id @NonNull String caseId) {
        return consents.consents(GlobalId.decode(caseId, "Case", "caseId"));
    }

    @Mutation
    @Description("Records the survivor's (or caregiver's) consent to share categories with an agency.")
    public RecordConsentPayload recordConsent(@NonNull RecordConsentInput input) {
        return new RecordConsentPayload(consents.record(input));
    }

    @Mutation
    @Description("Revokes a consent; it stops access from the next request on.")
    public RevokeConsentPayload revokeConsent(@NonNull RevokeConsentInput input) {
        return new RevokeConsentPayload(consents.revoke(input));
    }

    @Mutation
    @Description("Withdraws a supervisor's sharing decision (lead agency supervisors): from the next request on, the referral "
            + "or invitation it was recorded for shares only what current consents grant.")
    public WithdrawSharingDecisionPayload withdrawSharingDecision(@NonNull WithdrawSharingDecisionInput input) {
        return new WithdrawSharingDecisionPayload(decisions.withdraw(input));
    }

    @Description("What information the decision records as shared: her information of its categories (categories), read as "
            + "each of them, so that reading it is audited as reading category IDENTITY, INCIDENT, HEALTH or SAFETY_PLAN is.")
    public String informationShared(@Source SharingDecisionView decision) {
        return decisions.informationShared(decision);
    }
}
