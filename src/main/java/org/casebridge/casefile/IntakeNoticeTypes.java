package org.casebridge.casefile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casebridge.access.Consent;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** The intake notice's input and view. */
public final class IntakeNoticeTypes {

    static final String TEXT = "(?s).*\\S.*";

    private IntakeNoticeTypes() {
    }

    @Input("IntakeNoticeInput")
    @Description("Step 1 of module 14: \"Always inform the survivor of your obligation to report\". The case is opened only "
            + "when she was told the limits of confidentiality and the mandatory-reporting obligations, and gave her informed "
            + "consent to case management (for a child, her caregiver).")
    public record IntakeNoticeInput(
            @Description("She was told what stays confidential and when it cannot.") boolean confidentialityLimitsExplained,
            @Description("She was told of the caseworker's obligation to report, and what is reported to whom.")
            boolean mandatoryReportingExplained,
            @NonNull @NotNull @Description("How she was told.") IntakeNotice.ToldHow toldHow,
            @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 100) @Description("The language she was told in.")
            String language,
            boolean interpreterUsed,
            @NonNull @NotNull @Description("Who consented to case management: the survivor, or the caregiver of a child.")
            Consent.GivenBy consentGivenBy,
            @Description("Informed consent to case management was given.") boolean consentToCaseManagement,
            @NonNull @NotNull Consent.ObtainedHow consentObtainedHow,
            @Size(max = 2000) String note) {
    }

    @Type("IntakeNotice")
    @Description("What the survivor was told at intake and her consent to case management (lead agency only). Null for cases "
            + "opened before it was recorded.")
    public record IntakeNoticeView(boolean confidentialityLimitsExplained, boolean mandatoryReportingExplained,
                                   @NonNull IntakeNotice.ToldHow toldHow, String language, boolean interpreterUsed,
                                   @NonNull Consent.GivenBy consentGivenBy, boolean consentToCaseManagement,
                                   @NonNull Consent.ObtainedHow consentObtainedHow, String note,
                                   @NonNull String recordedByName, @NonNull OffsetDateTime recordedAt) {
        static IntakeNoticeView of(IntakeNotice n) {
            return new IntakeNoticeView(n.confidentialityLimitsExplained, n.mandatoryReportingExplained, n.toldHow, n.language,
                    n.interpreterUsed, n.consentGivenBy, n.consentToCaseManagement, n.consentObtainedHow, n.note,
                    n.recordedByName, n.recordedAt);
        }
    }
}
