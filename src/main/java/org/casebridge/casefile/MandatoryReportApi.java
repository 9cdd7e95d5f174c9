package org.casebridge.casefile;

import jakarta.enterprise.inject.Produces;
import org.casebridge.casefile.MandatoryReportTypes.RecordReportInput;
import org.casebridge.casefile.MandatoryReportTypes.RecordReportPayload;
import org.casebridge.casefile.MandatoryReportTypes.ReportView;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class MandatoryReportApi {

    private final MandatoryReportService reports;

    public MandatoryReportApi(MandatoryReportService reports) {
        this.reports = reports;
    }

    @Mutation
    @Description("Records a report the law required, made to an authority (police, child protection...), by the lead agency's "
            + "caseworkers and supervisors. Audited; it shares nothing through Casebridge and grants no agency anything.")
    public RecordReportPayload recordMandatoryReport(@NonNull RecordReportInput input) {
        return new RecordReportPayload(reports.record(input));
    }

    @NonNull
    @Description("Mandatory reports made for this case, oldest first (lead agency only; empty for anyone else).")
    public List<@NonNull List<@NonNull ReportView>> mandatoryReports(@Source List<CaseView> cases) {
        return Rows.inOrderOf(cases, reports.forCases(cases), c -> c.file().id);
    }

    @NonNull
    @Description("What information was shared with the authority: her information of the categories it shared (categoriesShared), "
            + "read as each of them, so that reading it is audited as reading category IDENTITY, INCIDENT, HEALTH or SAFETY_PLAN is.")
    public String informationShared(@Source ReportView report) {
        return reports.informationShared(report);
    }

    @NonNull
    @Description("Category SAFETY_PLAN: the protection needs associated with the report, as discussed with her.")
    public String protectionNeedsDiscussed(@Source ReportView report) {
        return reports.protectionNeedsDiscussed(report);
    }

    @Produces
    static NodeLoader reports(MandatoryReportService reports) {
        return new NodeLoader(MandatoryReportTypes.TYPE, reports::report);
    }
}
