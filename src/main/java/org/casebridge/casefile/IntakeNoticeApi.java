package org.casebridge.casefile;

import org.casebridge.casefile.IntakeNoticeTypes.IntakeNoticeView;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class IntakeNoticeApi {

    private final IntakeNotices notices;

    public IntakeNoticeApi(IntakeNotices notices) {
        this.notices = notices;
    }

    @Description("What she was told at intake and her consent to case management (lead agency only).")
    public List<IntakeNoticeView> intakeNotice(@Source List<CaseView> cases) {
        return Rows.singleInOrderOf(cases, notices.forCases(cases), c -> c.file().id);
    }
}
