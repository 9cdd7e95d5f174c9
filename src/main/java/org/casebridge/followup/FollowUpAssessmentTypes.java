package org.casebridge.followup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/**
 * What a follow-up with contact assesses (module 14, step 5): safety by the safety questions, her status in each of
 * the module's domains, and the outcome of each referral.
 */
public final class FollowUpAssessmentTypes {

    static final String TEXT = "(?s).*\\S.*";

    private FollowUpAssessmentTypes() {
    }

    @Name("SafetyAnswer")
    @Description("An answer to a safety question. DECLINED and NOT_SAFE_TO_ASK record honestly that it was not answered.")
    public enum Answer { YES, NO, UNSURE, DECLINED, NOT_SAFE_TO_ASK }

    @Name("FollowUpDomain")
    @Description("\"The status of the survivor in terms of their safety, health, family, social life (friends, school, work), "
            + "feelings, and services.\"")
    public enum Domain { SAFETY, HEALTH, FAMILY, SOCIAL_LIFE, FEELINGS, SERVICES }

    @Name("DomainStatus")
    public enum Status { GOOD, SOME_CONCERNS, SERIOUS_CONCERNS, NOT_DISCUSSED }

    @Name("FollowUpReferralOutcome")
    @Description("What became of a referral, as she tells it at the follow-up. NOT_DISCUSSED records honestly that it did not come "
            + "up, with why in the note.")
    public enum Outcome { RECEIVED, PARTLY_RECEIVED, NOT_RECEIVED, WAITING, DECLINED_BY_HER, NOT_DISCUSSED }

    @Type("SafetyQuestion")
    @Description("A question asked at every follow-up with contact (\"Assess safety during every visit\"). The module names none: "
            + "these are Casebridge's, versioned; an agency's own set is a new version (a migration).")
    public record QuestionView(@Id @NonNull String id, int version, int position, @NonNull String text) {
    }

    @Input("SafetyAnswerInput")
    public record AnswerInput(@Id @NonNull String questionId, @NonNull @NotNull Answer answer,
                              @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 2000) String note) {
    }

    @Type("FollowUpSafetyAnswer")
    public record AnswerView(@NonNull QuestionView question, @NonNull Answer answer, String note) {
    }

    @Input("DomainStatusInput")
    public record DomainInput(@NonNull @NotNull Domain domain, @NonNull @NotNull Status status,
                              @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 2000) String note) {
    }

    @Type("FollowUpDomainStatus")
    public record DomainView(@NonNull Domain domain, @NonNull Status status, String note) {
    }

    @Input("FollowUpReferralOutcomeInput")
    public record OutcomeInput(@Id @NonNull String referralId, @NonNull @NotNull Outcome outcome,
                               @Description("Required with NOT_DISCUSSED: why it was not discussed.")
                               @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 2000) String note) {
    }

    @Type("FollowUpReferralOutcomeEntry")
    public record OutcomeView(@Id @NonNull String referralId, @NonNull Outcome outcome, String note) {
    }

    /** The structured part of a follow-up with contact, validated together. */
    public record Assessment(@Size(max = 50) List<@Valid AnswerInput> safetyAnswers,
                             @Size(max = 6) List<@Valid DomainInput> domains,
                             @Size(max = 200) List<@Valid OutcomeInput> referralOutcomes) {
    }
}
