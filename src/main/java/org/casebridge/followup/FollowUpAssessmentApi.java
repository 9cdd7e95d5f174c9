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
    private final FollowUpService followUps;

    public FollowUpAssessmentApi(FollowUpAssessment assessments, FollowUpService followUps) {
        this.assessments = assessments;
        this.followUps = followUps;
    }

    @Query
    @NonNull
    @Description("The safety questions every follow-up with contact answers (case management staff).")
    public List<@NonNull QuestionView> safetyQuestions() {
        return assessments.currentQuestions();
    }

    @NonNull
    @Description("Category SAFETY_PLAN: the safety questions as answered at this follow-up (the reassessment of her safety), "
            + "in order; empty without contact.")
    public List<@NonNull AnswerView> safetyAnswers(@Source FollowUpView followUp) {
        return followUps.safetyAnswers(followUp);
    }

    @NonNull
    @Description("Category SAFETY_PLAN and category HEALTH: her status in each of the module's domains at this follow-up "
            + "(safety, health, family, social life, feelings, services).")
    public List<@NonNull DomainView> domainStatus(@Source FollowUpView followUp) {
        return followUps.domainStatus(followUp);
    }

    @NonNull
    @Description("The outcome of each referral of the case discussed at this follow-up.")
    public List<@NonNull List<@NonNull OutcomeView>> referralOutcomeEntries(@Source List<FollowUpView> followUps) {
        return Rows.readInOrderOf(followUps, f -> f.followUp().id, assessments::outcomes);
    }
}
