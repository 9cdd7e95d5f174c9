package org.casebridge.casefile;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The current step of cases, read from the derived view; the lead agency's only. */
@ApplicationScoped
public class CaseSteps {

    public Map<UUID, CaseStep.Step> forCases(List<CaseView> cases) {
        List<UUID> lead = cases.stream().filter(c -> c.disclosure().leadAgency()).map(c -> c.file().id).toList();
        return lead.isEmpty() ? Map.of()
                : CaseStep.<CaseStep>list("caseId in ?1", lead).stream().collect(Collectors.toMap(s -> s.caseId, s -> s.step));
    }
}
