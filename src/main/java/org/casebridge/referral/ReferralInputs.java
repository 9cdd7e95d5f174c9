package org.casebridge.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.access.ConsentNode;
import org.casebridge.access.InformationCategory;
import org.casebridge.access.SharingDecisionInput;
import org.casebridge.agency.AgencyNode;
import org.casebridge.agency.ServiceType;
import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/** Inputs, payloads and lists of referrals. */
public final class ReferralInputs {

    private ReferralInputs() {
    }

    @Input("CreateReferralInput")
    public record CreateReferralInput(@Size(max = 100) String idempotencyKey,
                                      @Id @NonNull String caseId,
                                      @Id @NonNull String serviceId,
                                      @NonNull @NotNull Referral.Urgency urgency,
                                      @Description("What the survivor needs from the service (shared as CASE_SUMMARY).")
                                      @Size(max = 2000) String note,
                                      @Description("Only for a supervisor sharing without a covering consent.")
                                      @Valid SharingDecisionInput sharingDecision) {
    }

    @Input("ReferralOutcomeInput")
    public record OutcomeInput(boolean serviceProvided, @Size(max = 2000) String note) {
    }

    @Input("ChangeReferralStatusInput")
    public record ChangeReferralStatusInput(@Id @NonNull String id,
                                            int version,
                                            @NonNull @NotNull ReferralStatus status,
                                            @Description("Required when rejecting or failing.") @Size(max = 2000) String reason,
                                            @Description("Required when completing.") @Valid OutcomeInput outcome,
                                            @Size(max = 2000) String note) {
    }

    @Input("ReferralFilter")
    @Description("Referrals matching every field given; a field left out (or null) does not filter.")
    public record ReferralFilter(ReferralStatus status, ServiceType serviceType, Referral.Urgency urgency, OffsetDateTime updatedSince) {
    }

    @Type("ReferralCoverage")
    @Description("Whether a referral of a case to an agency is covered now, and by what: what createReferral decides "
            + "(it refuses CONSENT_REQUIRED when neither a consent covers it nor a supervisor's sharing decision is given).")
    public record ReferralCoverage(@NonNull AgencyNode agency,
                                   @Description("A current consent of the survivor to this agency, for REFERRAL or COORDINATION, "
                                           + "covers the referral: createReferral shares the case on it without a sharing decision.")
                                   boolean covered,
                                   @NonNull @Description("The consents that cover it; empty when none does.")
                                   List<@NonNull ConsentNode> consents,
                                   @NonNull @Description("What they let the agency see of the case through the referral; empty "
                                           + "when no consent covers it.")
                                   List<@NonNull InformationCategory> categories,
                                   @Description("Whether createReferral takes a sharing decision from you (input.sharingDecision: "
                                           + "supervisors only), the way to refer when no consent covers it. It covers that one "
                                           + "referral only.")
                                   boolean sharingDecisionAllowed) {
    }

    @Type("CreateReferralPayload")
    public record CreateReferralPayload(@NonNull ReferralView referral) {
    }

    @Type("ChangeReferralStatusPayload")
    public record ChangeReferralStatusPayload(@NonNull ReferralView referral) {
    }

    @Type("ReferralHistoryEntry")
    public record HistoryEntry(ReferralStatus fromStatus, @NonNull ReferralStatus toStatus, @NonNull String actorName,
                               String actorAgency, String note, @NonNull OffsetDateTime at) {
    }

    public static class ReferralConnection extends Connection<ReferralView, ReferralConnection.ReferralEdge> {

        public record ReferralEdge(@NonNull String cursor, @NonNull ReferralView node) implements Edge<ReferralView> {
        }

        ReferralConnection(PageRequest page, List<ReferralView> rows, long totalCount) {
            super(page, rows, r -> PageRequest.TimeAndId.key(r.referral().updatedAt, r.referral().id), r -> r, ReferralEdge::new, totalCount);
        }
    }
}
