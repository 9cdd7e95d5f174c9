package org.casebridge.access;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.graphql.FreeText;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.Set;

@Input("SharingDecisionInput")
@Description("A supervisor's decision to share without consent. For a mandatory report: what is shared, with which "
        + "authority, that the survivor was told of the obligation beforehand, and what happens next.")
public record SharingDecisionInput(@NonNull @NotNull SharingDecision.Kind kind,
                                   @NonNull @NotNull @FreeText @Size(max = 2000) String reason,
                                   @NonNull @NotEmpty Set<@NonNull InformationCategory> categories,
                                   @Size(max = 300) String authority,
                                   @Size(max = 2000) String informationShared,
                                   Boolean survivorInformedBeforehand,
                                   @Size(max = 2000) String nextStepsExplained,
                                   @Description("When the decision ends (default: 30 days from now; at most a year). It "
                                           + "covers only the referral or invitation it is recorded with.")
                                   OffsetDateTime validUntil) {
}
