package org.casebridge.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.casebridge.assessment.AssessmentEnums.ConcernRiskLevel;
import org.casebridge.casefile.CaseInputs.OpenCaseInput;
import org.casebridge.casefile.CaseView;
import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/** A safeguarding concern as the lead agency it was reported to reads it: only what the facilitator recorded. */
public final class SafeguardingReportTypes {

    private SafeguardingReportTypes() {
    }

    static final String REPORT = "SafeguardingReport";

    @Type("SafeguardingReport")
    @Description("A child-protection concern raised in a focus group and reported to your agency: what the facilitator recorded "
            + "and nothing else of the session (no notes, no participants).")
    public record ReportView(@Id @NonNull String id, @NonNull ConcernRiskLevel riskLevel, @NonNull String description,
                             @NonNull OffsetDateTime raisedAt, @NonNull OffsetDateTime reportedAt, @NonNull String reportedTo,
                             String supervisorConsulted, String supervisorNotConsultedReason,
                             @Description("Who reported it: the session's facilitator and their agency, to be contacted.")
                             @NonNull String reportedByUsername, String reportedByAgencyCode,
                             @Description("The state and day of the session it was raised in.") @NonNull String state, @NonNull LocalDate raisedOn,
                             @Id @Description("The case your agency opened from it. Only your agency reads it: the facilitator who "
                                     + "reported sees that the report was acted on, not what was done.") String caseId,
                             OffsetDateTime caseOpenedAt) {
    }

    public static class SafeguardingReportConnection extends Connection<ReportView, SafeguardingReportConnection.SafeguardingReportEdge> {
        public record SafeguardingReportEdge(@NonNull String cursor, @NonNull ReportView node) implements Edge<ReportView> {
        }

        <R> SafeguardingReportConnection(PageRequest page, List<R> rowsPlusOne, Function<R, String> sortKey, Function<R, ReportView> toNode,
                                         long total) {
            super(page, rowsPlusOne, sortKey, toNode, SafeguardingReportEdge::new, total);
        }
    }

    @Input("OpenCaseFromSafeguardingReportInput")
    @Description("Your agency opens a case from a report it received, through its usual intake (openCase). The case's incident "
            + "is the report's description unless you write one.")
    public record OpenCaseFromReportInput(@Id @NonNull String reportId,
                                          @NonNull @NotNull @Valid OpenCaseInput openCase) {
    }

    @Type("OpenCaseFromSafeguardingReportPayload")
    public record OpenCaseFromReportPayload(@NonNull ReportView report, @NonNull CaseView openedCase) {
    }
}
