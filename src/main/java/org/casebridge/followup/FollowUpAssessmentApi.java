package org.casebridge.followup;

import org.casebridge.followup.FollowUpAssessmentTypes.AnswerView;
import org.casebridge.followup.FollowUpAssessmentTypes.DomainView;
import org.casebridge.followup.FollowUpAssessmentTypes.OutcomeView;
import org.casebridge.followup.FollowUpAssessmentTypes.QuestionView;
import org.casebridge.followup.FollowUpTypes.FollowUpView;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class FollowUpAssessmentApi {

    private final FollowUpAssessment assessments;

    public FollowUpAssessmentApi(FollowUpAssessment assessments) {
        this.assessments = assessments;
    }

    @Query
    @NonNull
    @Description("The safety questions every follow-up with contact answers (case management staff).")
    public List<@NonNull QuestionView> safetyQuestions() {
        return assessments.currentQuestions();
    }

    @NonNull
    @Description("The safety questions as answered at this follow-up, in order; empty without contact.")
    public List<@NonNull List<@NonNull AnswerView>> safetyAnswers(@Source List<FollowUpView> followUps) {
        return Rows.readInOrderOf(followUps, f -> f.followUp().id, assessments::answers);
    }

    @NonNull
    @Description("Her status in each of the module's domains at this follow-up.")
    public List<@NonNull List<@NonNull DomainView>> domainStatus(@Source List<FollowUpView> followUps) {
        return Rows.readInOrderOf(followUps, f -> f.followUp().id, assessments::domains);
    }

    @NonNull
    @Description("The outcome of each referral of the case discussed at this follow-up.")
    public List<@NonNull List<@NonNull OutcomeView>> referralOutcomeEntries(@Source List<FollowUpView> followUps) {
        return Rows.readInOrderOf(followUps, f -> f.followUp().id, assessments::outcomes);
    }
}
