package org.casebridge.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.SafeguardingReportPolicy;
import org.casebridge.assessment.AssessmentEnums.ConcernRiskLevel;
import org.casebridge.assessment.SafeguardingReportTypes.OpenCaseFromReportInput;
import org.casebridge.assessment.SafeguardingReportTypes.OpenCaseFromReportPayload;
import org.casebridge.assessment.SafeguardingReportTypes.ReportView;
import org.casebridge.casefile.CaseInputs.OpenCaseInput;
import org.casebridge.casefile.CaseService;
import org.casebridge.casefile.CaseView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.InputValidation;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Safeguarding concerns reported to a lead agency (route LEAD_AGENCY), as that agency reads them, and the
 * child-protection case it opens from one. A report needs no survivor consent flow; the case is opened through the
 * agency's usual intake ({@link CaseService#openCase}), and it carries only what the facilitator recorded.
 */
@ApplicationScoped
public class SafeguardingReportService {

    private final SafeguardingReportPolicy policy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final EntityManager em;
    private final Clock clock;
    private final CaseService cases;

    public SafeguardingReportService(SafeguardingReportPolicy policy, AuditLog audit, InputValidation validation, EntityManager em, Clock clock,
                                     CaseService cases) {
        this.policy = policy;
        this.audit = audit;
        this.validation = validation;
        this.em = em;
        this.clock = clock;
        this.cases = cases;
    }

    private record ReportRow(UUID id, ConcernRiskLevel riskLevel, String description, OffsetDateTime raisedAt, OffsetDateTime reportedAt,
                             String reportedTo, String supervisorConsulted, String supervisorNotConsultedReason, String facilitatorUsername,
                             String facilitatorAgency, String state, LocalDate heldOn, UUID caseId, OffsetDateTime caseOpenedAt,
                             String leadAgencyCode) {
        ReportView view() {
            return new ReportView(GlobalId.encode(SafeguardingReportTypes.REPORT, id), riskLevel, description, raisedAt, reportedAt, reportedTo,
                    supervisorConsulted, supervisorNotConsultedReason, facilitatorUsername, facilitatorAgency, state, heldOn,
                    caseId == null ? null : GlobalId.encode(CaseView.TYPE, caseId), caseOpenedAt);
        }
    }

    private static final String SELECT = """
            select c.id, c.risk_level, c.description, c.raised_at, c.reported_at, c.reported_to, c.supervisor_consulted,
                   c.supervisor_not_consulted_reason, s.facilitator_username, s.facilitator_agency, s.state, s.held_on, c.case_id,
                   c.case_opened_at, a.code as lead_agency_code
            from fg_safeguarding_concern c join fg_session s on s.id = c.session_id join agency a on a.id = c.lead_agency_id
            where c.route = 'LEAD_AGENCY' and c.reported_at is not null and c.risk_level is not null""";

    /** The reports received by the caller's agency, latest first. */
    @Transactional
    public List<ReportView> received() {
        Caller caller = policy.mayReadReportsReceived("safeguarding-report.list");
        List<ReportView> reports = Rows.read(em, ReportRow.class, SELECT + " and upper(a.code) = upper(?1) order by c.reported_at desc, c.id limit 100",
                caller.agencyCode()).stream().map(ReportRow::view).toList();
        audit.allowed(caller, AuditLog.Entry.of("safeguarding-report.list", SafeguardingReportTypes.REPORT, null, null));
        return reports;
    }

    @Transactional
    public OpenCaseFromReportPayload openCase(OpenCaseFromReportInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.reportId(), SafeguardingReportTypes.REPORT, "input.reportId");
        ReportRow report = Rows.read(em, ReportRow.class, SELECT + " and c.id = ?1 for update of c", id).stream().findFirst().orElse(null);
        Caller caller = policy.mayOpenCaseFrom("safeguarding-report.open-case", id, report == null ? null : report.leadAgencyCode());
        OpenCaseInput given = input.openCase();
        OpenCaseInput asReported = new OpenCaseInput(given.idempotencyKey(), given.identity(), given.intakeNotice(), given.needs(),
                given.serviceRequested(), given.riskLevel(), given.ageBand(), given.sex(), given.safetyPlan(),
                given.incident() == null ? report.description() : given.incident(), given.healthNotes(), given.reportingConsent());
        if (report.caseId() != null) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "A case was already opened from this report");
        }
        CaseView opened = cases.openCase(asReported);
        UUID caseId = opened.file().id;
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("update fg_safeguarding_concern set case_id = ?2, case_opened_at = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, caseId).setParameter(3, now).executeUpdate();
        audit.allowed(caller, AuditLog.Entry.of("safeguarding-report.open-case", SafeguardingReportTypes.REPORT, id, caseId));
        ReportRow linked = new ReportRow(report.id(), report.riskLevel(), report.description(), report.raisedAt(), report.reportedAt(),
                report.reportedTo(), report.supervisorConsulted(), report.supervisorNotConsultedReason(), report.facilitatorUsername(),
                report.facilitatorAgency(), report.state(), report.heldOn(), caseId, now, report.leadAgencyCode());
        return new OpenCaseFromReportPayload(linked.view(), opened);
    }
}
