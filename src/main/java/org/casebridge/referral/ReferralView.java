package org.casebridge.referral;

import org.casebridge.access.SharingBasis;
import org.casebridge.access.SharingDecision;
import org.casebridge.access.SharingDecisionView;
import org.casebridge.agency.AgencyNode;
import org.casebridge.agency.ServiceNode;
import org.casebridge.casefile.CaseView;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Duration;
import java.time.OffsetDateTime;

@Type("Referral")
@Description("A referral of a survivor's case from the lead agency to a service of a partner agency.")
public class ReferralView implements Node {

    public static final String TYPE = "Referral";

    @Type("ReferralOutcome")
    public record Outcome(boolean serviceProvided, String note) {
    }

    private final Referral referral;
    private final CaseView survivorCase;
    private final SharingDecision decision;

    ReferralView(Referral referral, CaseView survivorCase, SharingDecision decision) {
        this.referral = referral;
        this.survivorCase = survivorCase;
        this.decision = decision;
    }

    @Ignore
    public Referral referral() {
        return referral;
    }

    @Override
    @Id
    @NonNull
    public String getId() {
        return GlobalId.encode(TYPE, referral.id);
    }

    @NonNull
    public ReferralStatus getStatus() {
        return referral.status;
    }

    @NonNull
    public Referral.Urgency getUrgency() {
        return referral.urgency;
    }

    @NonNull
    public AgencyNode getFromAgency() {
        return AgencyNode.of(referral.fromAgency);
    }

    @NonNull
    public AgencyNode getToAgency() {
        return AgencyNode.of(referral.toAgency);
    }

    @NonNull
    public ServiceNode getService() {
        return ServiceNode.of(referral.service);
    }

    @NonNull
    @Name("case")
    @Description("The survivor's case, as far as she consented to share it with the caller's agency.")
    public CaseView getSurvivorCase() {
        return survivorCase;
    }

    @Description("What the referral was made on: the survivor's consent, or a supervisor's decision recorded for this referral. "
            + "Null for the receiving agency once the referral has stopped being its route to the case.")
    public SharingBasis getSharingBasis() {
        return survivorCase.disclosure().routeOpen() ? SharingBasis.of(decision == null ? null : decision.kind) : null;
    }

    @Description("The supervisor's sharing decision recorded for this referral, with its end (lead agency only; null otherwise).")
    public SharingDecisionView getSharingDecision() {
        return decision != null && survivorCase.disclosure().leadAgency() ? SharingDecisionView.of(decision, survivorCase.disclosure()) : null;
    }

    @NonNull
    public OffsetDateTime getRequestedAt() {
        return referral.requestedAt;
    }

    @NonNull
    @Description("When the request expires if the receiving agency has not answered.")
    public OffsetDateTime getResponseDueAt() {
        return referral.responseDueAt;
    }

    public OffsetDateTime getAcceptedAt() {
        return referral.acceptedAt;
    }

    public OffsetDateTime getCompletedAt() {
        return referral.completedAt;
    }

    @Description("Why the referral was rejected or failed.")
    public String getReason() {
        return referral.reason;
    }

    public Outcome getOutcome() {
        return referral.outcomeServiceProvided == null ? null : new Outcome(referral.outcomeServiceProvided, referral.outcomeNote);
    }

    @Description("Minutes from request to acceptance.")
    public Integer getMinutesToAccept() {
        return referral.acceptedAt == null ? null : (int) Duration.between(referral.requestedAt, referral.acceptedAt).toMinutes();
    }

    @Description("Minutes from request to completion.")
    public Integer getMinutesToComplete() {
        return referral.completedAt == null ? null : (int) Duration.between(referral.requestedAt, referral.completedAt).toMinutes();
    }

    @NonNull
    public OffsetDateTime getUpdatedAt() {
        return referral.updatedAt;
    }

    @Description("Give this back when changing the status, to detect concurrent changes.")
    public int getVersion() {
        return referral.version;
    }
}
