package org.casebridge.casefile;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.agency.ServiceType;
import org.casebridge.casefile.CaseEnums.AgeBand;
import org.casebridge.casefile.CaseEnums.CaseStatus;
import org.casebridge.casefile.CaseEnums.RiskLevel;
import org.casebridge.casefile.CaseEnums.Sex;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.Set;

/** Inputs, payloads and the CASE_SUMMARY shape of survivor cases. */
public final class CaseInputs {

    private CaseInputs() {
    }

    @Type("CaseSummary")
    @Description("Needs, service requested, risk level, age band, sex (category CASE_SUMMARY).")
    public record CaseSummary(@NonNull Set<@NonNull ServiceType> needs, String serviceRequested, RiskLevel riskLevel,
                              AgeBand ageBand, Sex sex,
                              @Description("Whether the survivor agreed that her non-identifiable data is counted in reports.")
                              boolean reportingConsent) {
    }

    @Input("OpenCaseInput")
    public record OpenCaseInput(@Size(max = 100) String idempotencyKey,
                                @NonNull @NotNull @Valid SurvivorIdentity identity,
                                @NonNull @NotNull @Valid IntakeNoticeTypes.IntakeNoticeInput intakeNotice,
                                @Nullable Set<@NonNull ServiceType> needs,
                                @Size(max = 500) String serviceRequested,
                                RiskLevel riskLevel,
                                AgeBand ageBand,
                                Sex sex,
                                @Size(max = 10_000) String safetyPlan,
                                @Size(max = 10_000) String incident,
                                @Size(max = 10_000) String healthNotes,
                                Boolean reportingConsent) {
    }

    @Input("UpdateCaseInput")
    @Description("Fields left out (null) keep their value.")
    public record UpdateCaseInput(@Id @NonNull String id,
                                  int version,
                                  @Valid SurvivorIdentity identity,
                                  @Nullable Set<@NonNull ServiceType> needs,
                                  @Size(max = 500) String serviceRequested,
                                  RiskLevel riskLevel,
                                  AgeBand ageBand,
                                  Sex sex,
                                  @Size(max = 10_000) String safetyPlan,
                                  @Size(max = 10_000) String incident,
                                  @Size(max = 10_000) String healthNotes,
                                  Boolean reportingConsent) {
    }

    @Input("CaseFilter")
    public record CaseFilter(CaseStatus status, RiskLevel riskLevel,
                             @Description("Only cases assigned to the caller.") Boolean assignedToMe,
                             OffsetDateTime openedSince,
                             @Description("Only cases at this step of the six, as derived from their records (currentStep).")
                             CaseStep.Step step) {
    }

    @Type("OpenCasePayload")
    public record OpenCasePayload(@Name("case") @NonNull CaseView survivorCase) {
    }

    @Type("UpdateCasePayload")
    public record UpdateCasePayload(@Name("case") @NonNull CaseView survivorCase) {
    }
}
