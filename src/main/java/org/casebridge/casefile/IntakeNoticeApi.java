package org.casebridge.casefile;

import org.casebridge.casefile.IntakeNoticeTypes.IntakeNoticeView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@GraphQLApi
public class IntakeNoticeApi {

    private final IntakeNotices notices;

    public IntakeNoticeApi(IntakeNotices notices) {
        this.notices = notices;
    }

    @Description("What she was told at intake and her consent to case management (lead agency only).")
    public List<IntakeNoticeView> intakeNotice(@Source List<CaseView> cases) {
        Map<UUID, IntakeNoticeView> byCase = notices.forCases(cases);
        return cases.stream().map(c -> byCase.get(c.file().id)).toList();
    }
}
