package org.casebridge.casefile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.access.Disclosure;
import org.casebridge.access.InformationCategory;
import org.casebridge.graphql.FreeText;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.HasHappened;
import org.casebridge.graphql.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** Mandatory reports' input, payload and view. */
public final class MandatoryReportTypes {

    static final String TYPE = "MandatoryReport";

    private MandatoryReportTypes() {
    }

    @Type("MandatoryReport")
    @Description("A report the law required, to an authority that need not be in the directory (lead agency only). It opens no "
            + "route: the authority gets nothing through Casebridge.")
    public static class ReportView implements Node {
        private final MandatoryReport report;
        private final Disclosure disclosure;

        ReportView(MandatoryReport report, Disclosure disclosure) {
            this.report = report;
            this.disclosure = disclosure;
        }

        @Ignore
        public MandatoryReport report() {
            return report;
        }

        @Ignore
        public Disclosure disclosure() {
            return disclosure;
        }

        @Override
        @Id
        @NonNull
        public String getId() {
            return GlobalId.encode(TYPE, report.id);
        }

        @NonNull
        public MandatoryReport.AuthorityKind getAuthorityKind() {
            return report.authorityKind;
        }

        @NonNull
        @Description("The authority reported to, e.g. the police division or the state child-protection office.")
        public String getAuthorityName() {
            return report.authorityName;
        }

        @NonNull
        public OffsetDateTime getReportedAt() {
            return report.reportedAt;
        }

        @NonNull
        public MandatoryReport.ReportedHow getReportedHow() {
            return report.reportedHow;
        }

        @NonNull
        @Description("The categories of her information the report shared.")
        public List<@NonNull InformationCategory> getCategoriesShared() {
            return report.categoriesShared.stream().sorted().toList();
        }

        @Description("She was told beforehand what would be shared, with whom, and what is likely to happen next.")
        public boolean isSurvivorToldBeforehand() {
            return report.survivorToldBeforehand;
        }

        @Description("What she was told before the report.")
        public String getSurvivorToldWhat() {
            return report.survivorToldWhat;
        }

        @Description("Why she could not be told beforehand, when she was not.")
        public String getNotToldBeforehandBecause() {
            return report.notToldBeforehandBecause;
        }

        @NonNull
        @Description("What is likely to happen next.")
        public String getLikelyNextSteps() {
            return report.likelyNextSteps;
        }

        @Description("The supervisor the situation was discussed with before reporting.")
        public String getSupervisorConsultedName() {
            return report.supervisorConsultedName;
        }

        public OffsetDateTime getSupervisorConsultedAt() {
            return report.supervisorConsultedAt;
        }

        @Description("Why no supervisor could be consulted before reporting, when none was.")
        public String getSupervisorNotConsultedBecause() {
            return report.supervisorNotConsultedBecause;
        }

        @Description("The authority's reference for the report, if it gave one.")
        public String getAuthorityReference() {
            return report.authorityReference;
        }

        @NonNull
        public String getRecordedByName() {
            return report.recordedByName;
        }

        @NonNull
        public OffsetDateTime getRecordedAt() {
            return report.recordedAt;
        }
    }

    @Input("RecordMandatoryReportInput")
    @Description("Module 14: explain what you must share, with whom and what is likely to happen next; discuss the protection "
            + "needs; discuss the situation with your supervisor before reporting. What could not be done says why.")
    public record RecordReportInput(@Size(max = 100) String idempotencyKey,
                                    @Id @NonNull String caseId,
                                    @NonNull @NotNull MandatoryReport.AuthorityKind authorityKind,
                                    @NonNull @NotNull @FreeText @Size(max = 300) String authorityName,
                                    @NonNull @NotNull @HasHappened OffsetDateTime reportedAt,
                                    @NonNull @NotNull MandatoryReport.ReportedHow reportedHow,
                                    @NonNull @NotNull @FreeText @Size(max = 4000) String informationShared,
                                    @NonNull @NotNull @Size(min = 1, max = 7) Set<@NonNull InformationCategory> categoriesShared,
                                    boolean survivorToldBeforehand,
                                    @Description("Required when she was told: what she was told would be shared, with whom, what next.")
                                    @FreeText @Size(max = 4000) String survivorToldWhat,
                                    @Description("Required when she was not told beforehand: why.") @FreeText @Size(max = 2000) String notToldBeforehandBecause,
                                    @NonNull @NotNull @FreeText @Size(max = 4000) String likelyNextSteps,
                                    @NonNull @NotNull @FreeText @Size(max = 4000) String protectionNeedsDiscussed,
                                    @Description("The username of the supervisor of your agency the situation was discussed with before reporting.")
                                    @FreeText @Size(max = 200) String supervisorConsultedName,
                                    @Description("When the supervisor was consulted: before the report.") OffsetDateTime supervisorConsultedAt,
                                    @Description("Required when no supervisor was consulted: why.") @FreeText @Size(max = 2000) String supervisorNotConsultedBecause,
                                    @Size(max = 200) String authorityReference) {
    }

    @Type("RecordMandatoryReportPayload")
    public record RecordReportPayload(@NonNull ReportView report) {
    }
}
