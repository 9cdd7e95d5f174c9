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
import org.casebridge.assessment.SafeguardingReportTypes.SafeguardingReportConnection;
import org.casebridge.assessment.SafeguardingReportTypes.ReportView;
import org.casebridge.casefile.CaseInputs.OpenCaseInput;
import org.casebridge.casefile.CaseService;
import org.casebridge.casefile.CaseView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.graphql.PageRequest;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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
    private final IdempotencyKeys idempotencyKeys;

    public SafeguardingReportService(SafeguardingReportPolicy policy, AuditLog audit, InputValidation validation, EntityManager em, Clock clock,
                                     CaseService cases, IdempotencyKeys idempotencyKeys) {
        this.policy = policy;
        this.audit = audit;
        this.validation = validation;
        this.em = em;
        this.clock = clock;
        this.cases = cases;
        this.idempotencyKeys = idempotencyKeys;
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

    /** Reported concerns as the lead agency reads them; {@code REPORTS} alone is what every query of them filters on. */
    private static final String REPORTS = """
             from fg_safeguarding_concern c join fg_session s on s.id = c.session_id join agency a on a.id = c.lead_agency_id
            where c.route = 'LEAD_AGENCY' and c.reported_at is not null and c.risk_level is not null""";
    private static final String FROM = """
            select c.id, c.risk_level, c.description, c.raised_at, c.reported_at, c.reported_to, c.supervisor_consulted,
                   c.supervisor_not_consulted_reason, s.facilitator_username, s.facilitator_agency, s.state, s.held_on, c.case_id,
                   c.case_opened_at, a.code as lead_agency_code""" + REPORTS;

    /** The reports received by the caller's agency, latest first, a page at a time. */
    @Transactional
    public SafeguardingReportConnection received(PageRequest page) {
        Caller caller = policy.mayReadReportsReceived("safeguarding-report.list");
        String ofAgency = " and upper(a.code) = upper(?1)";
        long total = ((Number) em.createNativeQuery("select count(*)" + REPORTS + ofAgency)
                .setParameter(1, caller.agencyCode()).getSingleResult()).longValue();
        PageRequest.TimeAndId after = page.afterTimeAndId();
        String order = " order by c.reported_at desc, c.id desc limit " + page.fetchSize();
        List<ReportRow> rows = after == null
                ? Rows.read(em, ReportRow.class, FROM + ofAgency + order, caller.agencyCode())
                : Rows.read(em, ReportRow.class, FROM + ofAgency + " and (c.reported_at < ?2 or (c.reported_at = ?2 and c.id < ?3))" + order,
                caller.agencyCode(), after.at(), after.id());
        audit.allowed(caller, AuditLog.Entry.of("safeguarding-report.list", SafeguardingReportTypes.REPORT, null, null));
        return new SafeguardingReportConnection(page, rows, r -> PageRequest.TimeAndId.key(r.reportedAt(), r.id()), ReportRow::view, total);
    }

    /**
     * A retry with the same idempotency key answers the first result, as every create of the API does; the case itself
     * is opened without a key of openCase's, so that a key the caller once gave openCase cannot link another case here.
     */
    @Transactional
    public OpenCaseFromReportPayload openCase(OpenCaseFromReportInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.reportId(), SafeguardingReportTypes.REPORT, "input.reportId");
        ReportRow report = reportForUpdate(id);
        Caller caller = policy.mayOpenCaseFrom("safeguarding-report.open-case", id, report == null ? null : report.leadAgencyCode());
        OpenCaseInput given = input.openCase();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "openCaseFromSafeguardingReport", given.idempotencyKey(), id);
        if (earlier.isPresent()) {
            ReportRow first = earlier.get().equals(id) ? report : reportForUpdate(earlier.get());
            policy.mayOpenCaseFrom("safeguarding-report.open-case", first.id(), first.leadAgencyCode());
            return new OpenCaseFromReportPayload(first.view(), cases.caseById(first.caseId()).orElseThrow());
        }
        if (report.caseId() != null) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "This report has already been acted on; a report opens one case");
        }
        OpenCaseInput asReported = new OpenCaseInput(null, given.identity(), given.intakeNotice(), given.needs(),
                given.serviceRequested(), given.riskLevel(), given.ageBand(), given.sex(), given.safetyPlan(),
                given.incident() == null ? report.description() : given.incident(), given.healthNotes(), given.reportingConsent());
        CaseView opened = openAsThisMutation(asReported);
        UUID caseId = opened.file().id;
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("update fg_safeguarding_concern set case_id = ?2, case_opened_at = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, caseId).setParameter(3, now).executeUpdate();
        audit.allowed(caller, AuditLog.Entry.of("safeguarding-report.open-case", SafeguardingReportTypes.REPORT, id, caseId));
        return new OpenCaseFromReportPayload(reportForUpdate(id).view(), opened);
    }

    private ReportRow reportForUpdate(UUID id) {
        return Rows.read(em, ReportRow.class, FROM + " and c.id = ?1 for update of c", id).stream().findFirst().orElse(null);
    }

    /** openCase names its own input's fields ({@code input.identity}); here they are under {@code input.openCase}. */
    private CaseView openAsThisMutation(OpenCaseInput input) {
        try {
            return cases.openCase(input);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.VALIDATION_FAILED && e.field() != null && e.field().startsWith("input.")) {
                throw ApiException.invalid("input.openCase." + e.field().substring("input.".length()), e.getMessage());
            }
            throw e;
        }
    }
}
