package org.casebridge.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.access.Caller;
import org.casebridge.casefile.IntakeNoticeTypes.IntakeNoticeInput;
import org.casebridge.casefile.IntakeNoticeTypes.IntakeNoticeView;
import org.casebridge.graphql.ApiException;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The intake notice of step 1: required to open a case, recorded with it, read by the lead agency. */
@ApplicationScoped
public class IntakeNotices {

    /** Refuses the opening, naming the field, unless she was told and consented; nothing is stored before this. */
    public void requireGiven(IntakeNoticeInput notice, String field) {
        if (notice == null) {
            throw ApiException.invalid(field, "Record what she was told at intake and her consent to case management");
        }
        if (!notice.confidentialityLimitsExplained()) {
            throw ApiException.invalid(field + ".confidentialityLimitsExplained",
                    "Tell her the limits of confidentiality before opening her case");
        }
        if (!notice.mandatoryReportingExplained()) {
            throw ApiException.invalid(field + ".mandatoryReportingExplained",
                    "Always inform the survivor of your obligation to report before opening her case");
        }
        if (!notice.consentToCaseManagement()) {
            throw ApiException.invalid(field + ".consentToCaseManagement",
                    "A case is opened only with her informed consent to case management");
        }
    }

    public void record(UUID caseId, IntakeNoticeInput input, Caller caller, OffsetDateTime at) {
        IntakeNotice notice = new IntakeNotice();
        notice.caseId = caseId;
        notice.confidentialityLimitsExplained = input.confidentialityLimitsExplained();
        notice.mandatoryReportingExplained = input.mandatoryReportingExplained();
        notice.toldHow = input.toldHow();
        notice.language = input.language();
        notice.interpreterUsed = input.interpreterUsed();
        notice.consentGivenBy = input.consentGivenBy();
        notice.consentToCaseManagement = input.consentToCaseManagement();
        notice.consentObtainedHow = input.consentObtainedHow();
        notice.note = input.note();
        notice.recordedBySubject = caller.subject();
        notice.recordedByName = caller.username();
        notice.recordedAt = at;
        notice.persist();
    }

    /** The notices of the cases the caller's agency leads; another agency's view of a case has none. */
    public Map<UUID, IntakeNoticeView> forCases(List<CaseView> caseViews) {
        Set<UUID> lead = caseViews.stream().filter(v -> v.disclosure().leadAgency()).map(v -> v.file().id).collect(Collectors.toSet());
        Map<UUID, IntakeNoticeView> byCase = new HashMap<>();
        if (!lead.isEmpty()) {
            IntakeNotice.<IntakeNotice>list("caseId in ?1", lead).forEach(n -> byCase.put(n.caseId, IntakeNoticeView.of(n)));
        }
        return byCase;
    }
}
