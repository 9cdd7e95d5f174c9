package org.casebridge.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.InformationCategory;
import org.casebridge.access.SupervisorRoster;
import org.casebridge.casefile.MandatoryReportTypes.RecordReportInput;
import org.casebridge.casefile.MandatoryReportTypes.ReportView;
import org.casebridge.graphql.ApiException;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Mandatory reports: the lead agency records a report it made to an authority. It is audited and read by the lead
 * agency only; it creates no sharing decision and no route, so nobody gains access to the case through it.
 */
@ApplicationScoped
public class MandatoryReportService {

    private final CaseRecords records;
    private final SupervisorRoster supervisors;
    private final AccessPolicy access;

    public MandatoryReportService(CaseRecords records, SupervisorRoster supervisors, AccessPolicy access) {
        this.records = records;
        this.supervisors = supervisors;
        this.access = access;
    }

    public Optional<ReportView> report(UUID id) {
        return records.one("mandatoryreport.read", MandatoryReport.<MandatoryReport>findById(id), r -> r.caseId, ReportView::new);
    }

    public Map<UUID, List<ReportView>> forCases(List<CaseView> caseViews) {
        return records.ofLeadCases(caseViews, lead -> MandatoryReport.list("caseId in ?1 order by reportedAt, id", lead),
                (MandatoryReport r) -> r.caseId, ReportView::new);
    }

    @Transactional
    public ReportView record(RecordReportInput input) {
        CaseRecords.Recording recording = records.start(input, "mandatoryreport.record", "recordMandatoryReport",
                input == null ? null : input.caseId(), input == null ? null : input.idempotencyKey());
        if (recording.earlier().isPresent()) {
            return report(recording.earlier().get()).orElseThrow();
        }
        CaseFile file = recording.file();
        Caller caller = recording.caller();
        file.requireSinceOpening(input.reportedAt(), "input.reportedAt");
        onlyOneOf(input.survivorToldBeforehand(), input.survivorToldWhat(), "input.survivorToldWhat",
                "Say what she was told beforehand: what you must share, with whom, and what is likely to happen next",
                input.notToldBeforehandBecause(), "input.notToldBeforehandBecause", "Say why she could not be told beforehand");
        boolean consulted = present(input.supervisorConsultedName());
        onlyOneOf(consulted, input.supervisorConsultedName(), "input.supervisorConsultedName", "Name the supervisor consulted",
                input.supervisorNotConsultedBecause(), "input.supervisorNotConsultedBecause",
                "Name the supervisor the situation was discussed with before reporting, or say why none could be");
        String supervisorSubject = consulted ? supervisorConsulted(caller, input.supervisorConsultedName()) : null;
        if (consulted != (input.supervisorConsultedAt() != null)) {
            throw ApiException.invalid("input.supervisorConsultedAt", "Give when the supervisor was consulted, and only then");
        }
        if (consulted && input.supervisorConsultedAt().isAfter(input.reportedAt())) {
            throw ApiException.invalid("input.supervisorConsultedAt", "The supervisor is consulted before reporting");
        }
        MandatoryReport report = new MandatoryReport();
        report.id = recording.id();
        report.caseId = file.id;
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
        report.supervisorConsultedSubject = supervisorSubject;
        report.supervisorConsultedAt = input.supervisorConsultedAt();
        report.supervisorNotConsultedBecause = input.supervisorNotConsultedBecause();
        report.authorityReference = input.authorityReference();
        report.recordedBySubject = caller.subject();
        report.recordedByName = caller.username();
        report.recordedAt = recording.now();
        report.persist();
        records.recorded(recording, AuditLog.Entry.of("mandatoryreport.record", "MandatoryReport", report.id, file.id)
                .withCategories(report.categoriesShared).withDetail(input.authorityKind().name()));
        return new ReportView(report, records.disclosure(recording));
    }

    /**
     * What was shared with the authority is her information of the categories the report shared: read as each of them
     * (the reads of IDENTITY, INCIDENT, HEALTH and SAFETY_PLAN audited), like the case's own fields of those categories.
     */
    public String informationShared(ReportView view) {
        for (InformationCategory category : view.report().categoriesShared) {
            access.reveal(view.disclosure(), category);
        }
        return view.report().informationShared;
    }

    /** The protection needs discussed with her: a reassessment of her safety, category SAFETY_PLAN. */
    public String protectionNeedsDiscussed(ReportView view) {
        access.reveal(view.disclosure(), InformationCategory.SAFETY_PLAN);
        return view.report().protectionNeedsDiscussed;
    }

    /** "Discuss the situation with your supervisor": a supervisor of the caller's own agency, and not the caller. */
    private String supervisorConsulted(Caller caller, String username) {
        String subject = supervisors.supervisorOfOwnAgency(caller, username).orElseThrow(() -> ApiException.invalid(
                "input.supervisorConsultedName", "No supervisor of " + caller.agencyCode() + " with the username '" + username
                        + "' is known to Casebridge: name the supervisor by their username (a supervisor is known once they have "
                        + "used Casebridge), or say why none could be consulted"));
        if (subject.equals(caller.subject())) {
            throw ApiException.invalid("input.supervisorConsultedName",
                    "The supervisor consulted is someone other than the one reporting; else say why none could be consulted");
        }
        return subject;
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
