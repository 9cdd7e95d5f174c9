package org.casebridge.support;

import io.restassured.path.json.JsonPath;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.casebridge.support.GraphQLClient.ok;

/** Observation inputs as the tool asks for them (seed 002), for tests that record and complete observations. */
public final class Observations {

    public static final String TEMPLATE = """
            { observationTemplate { version guidance { heading body } duties { id phase dutyOf position text }
              areas { code examples { id } } } }""";

    private Observations() {
    }

    public static JsonPath template(String token) {
        return ok(token, TEMPLATE, null);
    }

    /** The child's assent, the caregiver's consent, purpose and confidentiality explained, the day before the session. */
    public static Map<String, Object> consent(LocalDate session) {
        Map<String, Object> consent = new HashMap<>();
        consent.put("childConsent", true);
        consent.put("childAgreement", "ASSENT");
        consent.put("childAgreementOn", session.minusDays(1).toString());
        consent.put("childAgreementBy", "Aisha Bello, caseworker");
        consent.put("caregiverConsent", true);
        consent.put("purposeAndConfidentialityExplained", true);
        return consent;
    }

    /** A recordObservation input with the consent the tool asks for, without the form. */
    public static Map<String, Object> recorded(String caseworker, LocalDate on, String stage) {
        Map<String, Object> input = consent(on);
        input.put("caseworkerId", caseworker);
        input.put("observedOn", on.toString());
        input.put("stage", stage);
        return input;
    }

    /**
     * Everything completing asks for, with every area rated {@code rating}: a concrete example per area, every before
     * and during duty done, no intervention, strengths and areas to improve.
     */
    public static Map<String, Object> readyToComplete(JsonPath template, String rating) {
        List<Map<String, Object>> areas = new ArrayList<>();
        for (String code : template.<String>getList("data.observationTemplate.areas.code")) {
            areas.add(Map.of("area", code, "rating", rating, "examplesObserved", "Sat at the child's level and asked what she likes to draw"));
        }
        List<Map<String, Object>> duties = new ArrayList<>();
        for (Map<String, Object> duty : template.<Map<String, Object>>getList("data.observationTemplate.duties")) {
            if (!"AFTER".equals(duty.get("phase"))) duties.add(Map.of("dutyId", duty.get("id"), "done", true));
        }
        return new HashMap<>(Map.of("areas", areas, "duties", duties, "supervisorIntervened", false,
                "feedbackStrengths", "Warm greeting; open questions", "feedbackAreasToImprove", "Agree next steps before closing"));
    }

    /** A recordObservation input ready to be completed at once. */
    public static Map<String, Object> complete(String token, String caseworker, LocalDate on, String stage, String rating) {
        Map<String, Object> input = recorded(caseworker, on, stage);
        input.putAll(readyToComplete(template(token), rating));
        return input;
    }
}
