package org.casebridge.feedback;

import org.casebridge.feedback.FeedbackTypes.InterviewInput;
import org.casebridge.feedback.FeedbackTypes.LinkInput;
import org.casebridge.feedback.FeedbackTypes.StartInput;
import org.casebridge.feedback.FeedbackTypes.StartPayload;
import org.casebridge.feedback.FeedbackTypes.SubmitPayload;
import org.casebridge.feedback.FeedbackTypes.TemplateView;
import org.casebridge.insight.AggregateTable;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import org.casebridge.insight.InsightService;
import org.casebridge.insight.ReportingPeriod;

@GraphQLApi
public class FeedbackApi {

    private final FeedbackService feedback;
    private final InsightService insight;

    public FeedbackApi(FeedbackService feedback, InsightService insight) {
        this.feedback = feedback;
        this.insight = insight;
    }

    @Query
    @NonNull
    @Description("The client feedback survey in use: its consent script and questions.")
    public TemplateView feedbackSurveyTemplate() {
        return feedback.currentTemplate();
    }

    @Query
    @NonNull
    @Description("The survey behind a self-completion link, for the survivor's page. Needs no login: the token is the key.")
    public TemplateView feedbackSurveyByLink(@NonNull String token) {
        return feedback.surveyByLink(token);
    }

    @Query
    @NonNull
    @Description("Your agency's feedback answers per question for a closed period (supervisors), as released with the state's "
            + "feedback table and protected together with it and every other agency's.")
    public AggregateTable feedbackResults(@NonNull ReportingPeriod.In period) {
        return insight.feedbackResults(ReportingPeriod.of(period, "period"));
    }

    @Mutation
    @Description("Starts a feedback survey for a closed case, with the survivor's informed consent: a supervisor or another "
            + "caseworker of the agency, never her own caseworker. SELF_COMPLETION returns a single-use link token.")
    public StartPayload startFeedbackSurvey(@NonNull StartInput input) {
        return feedback.start(input);
    }

    @Mutation
    @Description("The answers of an interview, entered by the person who administered it.")
    public SubmitPayload submitFeedbackInterview(@NonNull InterviewInput input) {
        feedback.submitInterview(input);
        return new SubmitPayload(true);
    }

    @Mutation
    @Description("The survivor's own answers through her survey link. Needs no login; the link works once and expires.")
    public SubmitPayload submitFeedbackSurvey(@NonNull LinkInput input) {
        feedback.submitByLink(input);
        return new SubmitPayload(true);
    }
}
