package org.casebridge.access;

import org.casebridge.graphql.GlobalId;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

@Type("SharingDecision")
@Description("A supervisor's decision to share without consent, for one referral or one conference invitation, with its "
        + "reason and end. Shown to the lead agency only.")
public record SharingDecisionView(@Id @NonNull String id, @NonNull SharingDecision.Kind kind, @NonNull ConsentPurpose purpose,
                                  @NonNull List<@NonNull InformationCategory> categories, @NonNull String reason,
                                  String authority, String informationShared, Boolean survivorInformedBeforehand,
                                  String nextStepsExplained, @NonNull String supervisorName, @NonNull OffsetDateTime decidedAt,
                                  @NonNull OffsetDateTime validUntil, OffsetDateTime withdrawnAt, String withdrawnByName,
                                  String withdrawalReason) {

    public static final String TYPE = "SharingDecision";

    public static SharingDecisionView of(SharingDecision d) {
        return new SharingDecisionView(GlobalId.encode(TYPE, d.id), d.kind, d.purpose, d.categories.stream().sorted().toList(),
                d.reason, d.authority, d.informationShared, d.survivorInformedBeforehand, d.nextStepsExplained,
                d.supervisorName, d.decidedAt, d.validUntil, d.withdrawnAt, d.withdrawnByName, d.withdrawalReason);
    }
}
