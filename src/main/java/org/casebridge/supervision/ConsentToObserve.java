package org.casebridge.supervision;

import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.supervision.ProcedureTypes.ChildAgreement;

import java.time.LocalDate;

/**
 * The consent an observation needs, as the tool asks for it (seed 002): "the child's informed consent/assent and the
 * consent of the caregiver when needed", obtained "prior to the session", after it was explained "that all
 * information disclosed during this session will remain confidential". Checked before anything is stored.
 */
final class ConsentToObserve {

    private ConsentToObserve() {
    }

    /** The consent fields of an input that records it (recordObservation, beginObservation). */
    interface Given {
        boolean childConsent();

        ChildAgreement childAgreement();

        LocalDate childAgreementOn();

        String childAgreementBy();

        Boolean caregiverConsentNeeded();

        boolean caregiverConsent();

        String caregiverConsentNotNeededReason();

        Boolean purposeAndConfidentialityExplained();
    }

    static void require(Given given, LocalDate sessionOn) {
        if (!given.childConsent()) {
            throw refused("input.childConsent", "An observation needs the child's informed consent or assent, obtained before the session");
        }
        if (given.childAgreement() == null) {
            throw ApiException.invalid("input.childAgreement", "Say whether the child gave informed consent or assent");
        }
        if (given.childAgreementOn() == null || given.childAgreementOn().isAfter(sessionOn)) {
            throw ApiException.invalid("input.childAgreementOn", "The day the child's consent or assent was obtained, before the session");
        }
        if (blank(given.childAgreementBy())) {
            throw ApiException.invalid("input.childAgreementBy", "Who obtained the child's consent or assent");
        }
        if (caregiverConsentNeeded(given)) {
            if (!given.caregiverConsent()) {
                throw refused("input.caregiverConsent", "The caregiver's consent is needed for this observation; say why if it is not");
            }
        } else if (blank(given.caregiverConsentNotNeededReason())) {
            throw ApiException.invalid("input.caregiverConsentNotNeededReason", "Say why the caregiver's consent is not needed");
        }
        if (!Boolean.TRUE.equals(given.purposeAndConfidentialityExplained())) {
            throw refused("input.purposeAndConfidentialityExplained", "Explain to the child and caregiver in advance why the session "
                    + "is observed and that all information disclosed will remain confidential");
        }
    }

    static void apply(Given given, Observation observation) {
        observation.childConsent = true;
        observation.childAgreement = given.childAgreement();
        observation.childAgreementOn = given.childAgreementOn();
        observation.childAgreementBy = given.childAgreementBy().strip();
        observation.caregiverConsentNeeded = caregiverConsentNeeded(given);
        observation.caregiverConsent = given.caregiverConsent();
        observation.caregiverConsentNotNeededReason = observation.caregiverConsentNeeded ? null : given.caregiverConsentNotNeededReason().strip();
        observation.purposeAndConfidentialityExplained = true;
    }

    private static boolean caregiverConsentNeeded(Given given) {
        return given.caregiverConsentNeeded() == null || given.caregiverConsentNeeded();
    }

    private static ApiException refused(String field, String message) {
        return new ApiException(ErrorCode.CONSENT_REQUIRED, message, field);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
