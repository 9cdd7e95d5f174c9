package org.casebridge.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/** Client feedback survey inputs, payloads and views. */
public final class FeedbackTypes {

    private FeedbackTypes() {
    }

    @org.eclipse.microprofile.graphql.Name("FeedbackSection")
    public enum Section { SERVICE_DELIVERY, CONFIDENTIALITY, STAFF, WELLBEING }

    @org.eclipse.microprofile.graphql.Name("FeedbackMode")
    public enum Mode { INTERVIEW, SELF_COMPLETION }

    @org.eclipse.microprofile.graphql.Name("FeedbackAnswer")
    public enum Answer { YES, PARTLY, NO, NO_ANSWER }

    @Type("FeedbackSurveyTemplate")
    @Description("A version of the client feedback survey: the informed-consent script and the questions of its four sections.")
    public record TemplateView(int version, @NonNull String title, @NonNull String consentScript,
                               @Description("Where the questions come from: an instrument cited, or who wrote them and from what.")
                               String provenance,
                               @NonNull List<@NonNull QuestionView> questions) {
    }

    @Type("FeedbackQuestion")
    public record QuestionView(@Id @NonNull String id, @NonNull Section section, int position, @NonNull String text) {
    }

    @Type("FeedbackSurveyAdministration")
    @Description("A survey given to a survivor after closure. Her answers are not linked to it.")
    public record AdministrationView(@Id @NonNull String id, @NonNull Mode mode, @NonNull String administeredByName,
                                     @NonNull OffsetDateTime startedAt, OffsetDateTime linkExpiresAt, boolean completed,
                                     @NonNull TemplateView template) {
    }

    @Input("FeedbackConsentInput")
    @Description("The survivor was told the purpose (to help improve services), that it is completely voluntary, that her "
            + "responses are kept confidential and that they will not affect her services; and she agreed.")
    public record ConsentInput(boolean purposeExplained, boolean voluntaryExplained, boolean confidentialityExplained,
                               boolean noEffectOnServicesExplained, boolean consentGiven) {
    }

    @Input("StartFeedbackSurveyInput")
    public record StartInput(@Id @NonNull String caseId,
                             @NonNull @NotNull Mode mode,
                             @NonNull @NotNull @Valid ConsentInput consent) {
    }

    @Type("StartFeedbackSurveyPayload")
    public record StartPayload(@NonNull AdministrationView administration,
                               @Description("SELF_COMPLETION only: the single-use token for her survey link. Shown once, never again.")
                               String linkToken) {
    }

    @Input("FeedbackAnswerInput")
    public record AnswerInput(@Id @NonNull String questionId, @NonNull @NotNull Answer answer) {
    }

    @Input("SubmitFeedbackInterviewInput")
    public record InterviewInput(@Id @NonNull String administrationId,
                                 @NonNull @NotNull @Size(max = 100) List<@NonNull @Valid AnswerInput> answers) {
    }

    @Input("SubmitFeedbackSurveyInput")
    public record LinkInput(@NonNull @NotNull @Size(max = 200) String token,
                            @NonNull @NotNull @Size(max = 100) List<@NonNull @Valid AnswerInput> answers) {
    }

    @Type("SubmitFeedbackPayload")
    @Description("Thank you. The answers are stored without any link to the survivor.")
    public record SubmitPayload(boolean recorded) {
    }
}
