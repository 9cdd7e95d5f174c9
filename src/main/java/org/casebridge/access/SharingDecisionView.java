package org.casebridge.access;

import org.casebridge.graphql.GlobalId;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A sharing decision as the lead agency reads it, with what the caller may see of its case: what it records as shared
 * is her information of the decision's categories ({@code informationShared}, {@link ConsentApi}), read through the
 * policy like the case's own fields of those categories.
 */
@Type("SharingDecision")
@Description("A supervisor's decision to share without consent, for one referral or one conference invitation, with its "
        + "reason and end. Shown to the lead agency only.")
public final class SharingDecisionView {

    public static final String TYPE = "SharingDecision";

    private final SharingDecision decision;
    private final Disclosure disclosure;

    private SharingDecisionView(SharingDecision decision, Disclosure disclosure) {
        this.decision = decision;
        this.disclosure = disclosure;
    }

    /** The decision, read through {@code disclosure}: what the caller sees of its case through the object it was reached by. */
    public static SharingDecisionView of(SharingDecision decision, Disclosure disclosure) {
        return new SharingDecisionView(decision, disclosure);
    }

    @Ignore
    public SharingDecision decision() {
        return decision;
    }

    @Ignore
    public Disclosure disclosure() {
        return disclosure;
    }

    @Id
    @NonNull
    public String getId() {
        return GlobalId.encode(TYPE, decision.id);
    }

    @NonNull
    public SharingDecision.Kind getKind() {
        return decision.kind;
    }

    @NonNull
    public ConsentPurpose getPurpose() {
        return decision.purpose;
    }

    @NonNull
    public List<@NonNull InformationCategory> getCategories() {
        return decision.categories.stream().sorted().toList();
    }

    @NonNull
    public String getReason() {
        return decision.reason;
    }

    public String getAuthority() {
        return decision.authority;
    }

    public Boolean getSurvivorInformedBeforehand() {
        return decision.survivorInformedBeforehand;
    }

    public String getNextStepsExplained() {
        return decision.nextStepsExplained;
    }

    @NonNull
    public String getSupervisorName() {
        return decision.supervisorName;
    }

    @NonNull
    public OffsetDateTime getDecidedAt() {
        return decision.decidedAt;
    }

    @NonNull
    public OffsetDateTime getValidUntil() {
        return decision.validUntil;
    }

    public OffsetDateTime getWithdrawnAt() {
        return decision.withdrawnAt;
    }

    public String getWithdrawnByName() {
        return decision.withdrawnByName;
    }

    public String getWithdrawalReason() {
        return decision.withdrawalReason;
    }
}
