package org.casebridge.access;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.graphql.FreeText;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("WithdrawSharingDecisionInput")
public record WithdrawSharingDecisionInput(@Id @NonNull @NotNull String id,
                                           @NonNull @NotNull @FreeText
                                           @Size(max = 2000) String reason) {
}
