package org.casebridge.referral;

import jakarta.enterprise.inject.Produces;
import org.casebridge.casefile.CaseView;
import org.casebridge.events.EventsHub;
import org.casebridge.events.Notice;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.graphql.PageRequest;
import org.casebridge.referral.ReferralInputs.ChangeReferralStatusInput;
import org.casebridge.referral.ReferralInputs.ChangeReferralStatusPayload;
import org.casebridge.referral.ReferralInputs.CreateReferralInput;
import org.casebridge.referral.ReferralInputs.CreateReferralPayload;
import org.casebridge.referral.ReferralInputs.HistoryEntry;
import org.casebridge.referral.ReferralInputs.ReferralCoverage;
import org.casebridge.referral.ReferralInputs.ReferralConnection;
import org.casebridge.referral.ReferralInputs.ReferralFilter;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import org.casebridge.access.Caller;
import org.casebridge.runtime.Rows;

import java.util.List;

@GraphQLApi
public class ReferralApi {

    @Type("ReferralEvent")
    @Description("A referral changed status. Carries no survivor information: fetch the referral for what you may see.")
    public record ReferralEventView(@Id @NonNull String referralId, @NonNull ReferralStatus status, String fromAgencyCode,
                                    String toAgencyCode, java.time.OffsetDateTime at) {
        static ReferralEventView of(Notice notice) {
            return new ReferralEventView(GlobalId.encode(ReferralView.TYPE, notice.id()), ReferralStatus.valueOf(notice.change()),
                    notice.agencies().get(0), notice.agencies().get(1), notice.at());
        }
    }

    private final ReferralService referrals;
    private final EventsHub hub;

    public ReferralApi(ReferralService referrals, EventsHub hub) {
        this.referrals = referrals;
        this.hub = hub;
    }

    @Subscription
    @Description("Status changes of referrals your agency sent or received, as they happen (graphql-ws; send the token as "
            + "Authorization in the connection_init payload). Delivered on every replica.")
    public Multi<ReferralEventView> referralEvents() {
        Caller caller = referrals.subscriber();
        return hub.notices()
                .filter(n -> n.kind() == Notice.Kind.REFERRAL && referrals.hears(caller, n))
                .map(ReferralEventView::of);
    }

    @Query
    @Description("Referrals your agency sent, most recently updated first.")
    public ReferralConnection referralsSent(ReferralFilter filter, Integer first, String after) {
        return referrals.sent(filter, PageRequest.of(first, after));
    }

    @Query
    @Description("Referrals sent to your agency, most recently updated first.")
    public ReferralConnection referralsReceived(ReferralFilter filter, Integer first, String after) {
        return referrals.received(filter, PageRequest.of(first, after));
    }

    @Query
    @NonNull
    @Description("Lead agency staff, before referring: for each agency named (at most 100), whether a referral of the case "
            + "to it is covered now and by what, as createReferral decides it: the survivor's current consents to that agency "
            + "for REFERRAL or COORDINATION, or else a supervisor's sharing decision given with the referral. In the order "
            + "asked. A case your agency does not lead answers NOT_FOUND.")
    public List<@NonNull ReferralCoverage> referralCoverage(@Id @NonNull String caseId, @NonNull List<@NonNull String> agencyCodes) {
        return referrals.coverage(caseId, agencyCodes);
    }

    @Description("A referral your agency sent or received, with what the survivor consented to share with your agency; anything else answers NOT_FOUND.")
    @Query
    public ReferralView referral(@Id @NonNull String id) {
        return referrals.referral(GlobalId.decode(id, ReferralView.TYPE, "id")).orElseThrow(() -> ApiException.notFound("Referral"));
    }

    @Mutation
    @Description("Refers a case to a service. Needs a current consent to the receiving agency, or a supervisor's sharing decision.")
    public CreateReferralPayload createReferral(@NonNull CreateReferralInput input) {
        return new CreateReferralPayload(referrals.create(input));
    }

    @Mutation
    @Description("Moves a referral through its lifecycle: the receiving agency accepts, rejects, starts, holds, completes or "
            + "fails it; the referring agency cancels it.")
    public ChangeReferralStatusPayload changeReferralStatus(@NonNull ChangeReferralStatusInput input) {
        return new ChangeReferralStatusPayload(referrals.changeStatus(input));
    }

    @Description("What the survivor needs from the service (category CASE_SUMMARY).")
    public String note(@Source ReferralView referral) {
        return referrals.note(referral);
    }

    @NonNull
    @Description("The statuses your agency may move this referral to now with changeReferralStatus: the receiving "
            + "agency's answers and progress, the referring agency's cancellation; none once it is final or while the case "
            + "is closed. A UI offers these moves and no others.")
    public List<@NonNull ReferralStatus> nextStatuses(@Source ReferralView referral) {
        return referrals.nextStatuses(referral);
    }

    @NonNull
    @Description("Every change of status: who, when, from, to, note. Another agency's notes are CASE_SUMMARY of the route: "
            + "null outside its grant.")
    public List<@NonNull List<@NonNull HistoryEntry>> history(@Source List<ReferralView> referralViews) {
        return Rows.inOrderOf(referralViews, referrals.history(referralViews), r -> r.referral().id);
    }

    @Name("referrals")
    @Description("The referrals of this case (lead agency only; empty for other agencies).")
    public List<@NonNull List<@NonNull ReferralView>> caseReferrals(@Source List<CaseView> cases) {
        return Rows.inOrderOf(cases, referrals.forCases(cases), c -> c.file().id);
    }

    @Produces
    static NodeLoader referrals(ReferralService referrals) {
        return new NodeLoader(ReferralView.TYPE, referrals::referral);
    }
}
