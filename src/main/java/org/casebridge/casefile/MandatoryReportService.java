package org.casebridge.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.casefile.MandatoryReportTypes.RecordReportInput;
import org.casebridge.casefile.MandatoryReportTypes.ReportView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.runtime.Rows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mandatory reports: the lead agency records a report it made to an authority. It is audited and read by the lead
 * agency only; it creates no sharing decision and no route, so nobody gains access to the case through it.
 */
@ApplicationScoped
public class MandatoryReportService {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final AccessPolicy access;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final CaseService cases;
    private final Clock clock;

    public MandatoryReportService(AccessPolicy access, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys,
                                  CaseService cases, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.cases = cases;
    }

    public Optional<ReportView> report(UUID id) {
        MandatoryReport report = MandatoryReport.findById(id);
        cases.forWork("mandatoryreport.read", report == null ? null : report.caseId);
        return Optional.of(new ReportView(report));
    }

    public Map<UUID, List<ReportView>> forCases(List<CaseView> caseViews) {
        Set<UUID> lead = caseViews.stream().filter(v -> v.disclosure().leadAgency()).map(v -> v.file().id).collect(Collectors.toSet());
        return lead.isEmpty() ? Map.of()
                : Rows.group(MandatoryReport.<MandatoryReport>list("caseId in ?1 order by reportedAt, id", lead), r -> r.caseId, ReportView::new);
    }

    @Transactional
    public ReportView record(RecordReportInput input) {
        validation.check(input);
        UUID caseId = GlobalId.decode(input.caseId(), CaseView.TYPE, "input.caseId");
        CaseFile file = cases.openForWork("mandatoryreport.record", caseId);
        Caller caller = access.caller();
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "recordMandatoryReport", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return report(earlier.get()).orElseThrow();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (input.reportedAt().isBefore(file.openedAt)) {
            throw ApiException.invalid("input.reportedAt", "The case was opened after this time");
        }
        if (input.reportedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.invalid("input.reportedAt", "A report is recorded once it has been made");
        }
        onlyOneOf(input.survivorToldBeforehand(), input.survivorToldWhat(), "input.survivorToldWhat",
                "Say what she was told beforehand: what you must share, with whom, and what is likely to happen next",
                input.notToldBeforehandBecause(), "input.notToldBeforehandBecause", "Say why she could not be told beforehand");
        boolean consulted = present(input.supervisorConsultedName());
        onlyOneOf(consulted, input.supervisorConsultedName(), "input.supervisorConsultedName", "Name the supervisor consulted",
                input.supervisorNotConsultedBecause(), "input.supervisorNotConsultedBecause",
                "Name the supervisor the situation was discussed with before reporting, or say why none could be");
        if (consulted != (input.supervisorConsultedAt() != null)) {
            throw ApiException.invalid("input.supervisorConsultedAt", "Give when the supervisor was consulted, and only then");
        }
        if (consulted && input.supervisorConsultedAt().isAfter(input.reportedAt())) {
            throw ApiException.invalid("input.supervisorConsultedAt", "The supervisor is consulted before reporting");
        }
        MandatoryReport report = new MandatoryReport();
        report.id = id;
        report.caseId = caseId;
        report.authorityKind = input.authorityKind();
        report.authorityName = input.authorityName();
        report.reportedAt = input.reportedAt();
        report.reportedHow = input.reportedHow();
        report.informationShared = input.informationShared();
        report.categoriesShared = EnumSet.copyOf(input.categoriesShared());
        report.survivorToldBeforehand = input.survivorToldBeforehand();
        report.survivorToldWhat = input.survivorToldWhat();
        report.notToldBeforehandBecause = input.notToldBeforehandBecause();
        report.likelyNextSteps = input.likelyNextSteps();
        report.protectionNeedsDiscussed = input.protectionNeedsDiscussed();
        report.supervisorConsultedName = consulted ? input.supervisorConsultedName() : null;
        report.supervisorConsultedAt = input.supervisorConsultedAt();
        report.supervisorNotConsultedBecause = input.supervisorNotConsultedBecause();
        report.authorityReference = input.authorityReference();
        report.recordedBySubject = caller.subject();
        report.recordedByName = caller.username();
        report.recordedAt = now;
        report.persist();
        file.updatedAt = now;
        audit.allowed(caller, AuditLog.Entry.of("mandatoryreport.record", "MandatoryReport", id, caseId)
                .withCategories(report.categoriesShared).withDetail(input.authorityKind().name()));
        return new ReportView(report);
    }

    /** Exactly one of the two texts: the first when {@code first} holds, the second (why not) otherwise. */
    private static void onlyOneOf(boolean first, String firstText, String firstField, String firstMissing,
                                  String secondText, String secondField, String secondMissing) {
        if (first && !present(firstText)) throw ApiException.invalid(firstField, firstMissing);
        if (first && secondText != null) throw ApiException.invalid(secondField, "Only when it was not done");
        if (!first && !present(secondText)) throw ApiException.invalid(secondField, secondMissing);
        if (!first && firstText != null) throw ApiException.invalid(firstField, "Only when it was done");
    }

    /** Texts of the input are non-blank when given (checked by the input's constraints). */
    private static boolean present(String text) {
        return text != null;
    }
}
