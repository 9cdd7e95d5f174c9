package org.casebridge.supervision;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Db;
import org.casebridge.support.Observations;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The observation procedure of the tool (seed 002): consent as the tool asks for it, planned in advance with the case
 * chosen together, the before / during / after duties, intervention, concrete examples, feedback and its session,
 * actions reviewed by the next observation.
 */
@QuarkusTest
class ObservationProcedureTest {

    static final String OBSERVATION = """
            id status version observedOn plannedAt caseChosenTogether caseSelectionGrounds childAgreement childAgreementOn childAgreementBy
            caregiverConsent caregiverConsentNeeded caregiverConsentNotNeededReason purposeAndConfidentialityExplained
            supervisorIntervened interventionReason feedbackStrengths feedbackAreasToImprove feedbackDueOn
            duties { dutyId phase dutyOf done note } actions { id actionOf text status reviewNote reviewedInId }
            actionsToReview { id text status }""";
    static final String RECORD = "mutation($i: RecordObservationInput!) { recordObservation(input: $i) { observation { " + OBSERVATION + " } } }";
    static final String PLAN = "mutation($i: PlanObservationInput!) { planObservation(input: $i) { observation { " + OBSERVATION + " } } }";
    static final String BEGIN = "mutation($i: BeginObservationInput!) { beginObservation(input: $i) { observation { " + OBSERVATION + " } } }";
    static final String UPDATE = "mutation($i: UpdateObservationInput!) { updateObservation(input: $i) { observation { " + OBSERVATION + " } } }";
    static final String COMPLETE = "mutation($i: CompleteObservationInput!) { completeObservation(input: $i) { observation { " + OBSERVATION + " } } }";
    static JsonPath template() {
        return Observations.template(Tokens.of("sup.amani"));
    }

    static String newCaseworker() {
        String username = "cw-" + UUID.randomUUID().toString().substring(0, 8);
        return ok(Tokens.of("sup.amani"), "mutation($i: RegisterCaseworkerInput!) { registerCaseworker(input: $i) { caseworker { id } } }",
                Map.of("i", Map.of("username", username, "displayName", "Test " + username, "experienceLevel", "NEW",
                        "startedOn", LocalDate.now(ZoneOffset.UTC).minusDays(40).toString()))).getString("data.registerCaseworker.caseworker.id");
    }

    static Map<String, Object> consent(LocalDate session) {
        return Observations.consent(session);
    }

    static Map<String, Object> recorded(String caseworker, LocalDate on) {
        return Observations.recorded(caseworker, on, "FOLLOW_UP");
    }

    static Map<String, Object> readyToComplete(JsonPath template) {
        return Observations.readyToComplete(template, "MEETS");
    }

    static JsonPath change(String document, String id, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("id", id);
        input.put("version", version(id));
        return call(Tokens.of("sup.amani"), document, Map.of("i", input));
    }

    static int version(String observation) {
        return ((Number) Db.row("select version from observation where id = ?", GlobalId.decode(observation, "id").uuid()).get("version")).intValue();
    }

    static long observations() {
        return Db.count("select count(*) from observation");
    }

    @Test
    void theToolCarriesItsGuidanceAndTheDutiesBeforeDuringAndAfterInItsOwnWords() {
        JsonPath template = template();
        List<String> guidance = template.getList("data.observationTemplate.guidance.body");
        assertEquals(5, guidance.size());
        assertTrue(guidance.get(0).contains("unless it is essential to intervene, because a case management principle is significantly violated"));
        assertTrue(guidance.get(4).contains("all information disclosed during this session will remain confidential"));
        List<Map<String, Object>> duties = template.getList("data.observationTemplate.duties");
        assertEquals(17, duties.size());
        assertTrue(duties.stream().anyMatch(d -> d.get("phase").equals("BEFORE") && d.get("dutyOf").equals("SUPERVISOR")
                && d.get("text").equals("Be familiar with the child’s case file ahead of joining a meeting and any issues that may arise.")));
        assertTrue(duties.stream().anyMatch(d -> d.get("phase").equals("DURING") && d.get("dutyOf").equals("CASEWORKER")
                && d.get("text").equals("Introduce the child and caregiver to the supervisor and remind them why the supervisor is joining the visit.")));
        assertTrue(duties.stream().anyMatch(d -> d.get("phase").equals("DURING") && d.get("dutyOf").equals("SUPERVISOR")
                && String.valueOf(d.get("text")).startsWith("Explain that you will be taking notes about the caseworker's practice and let the child/caregiver/other see the notes")));
    }

    /** Seed 002: "the consent of the caregiver when needed" — V3 required it always. */
    @Test
    void theCaregiversConsentIsAskedWhenNeededAndWhyNotIsRecorded() {
        String caseworker = newCaseworker();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> notNeeded = recorded(caseworker, today);
        notNeeded.put("caregiverConsent", false);
        notNeeded.put("caregiverConsentNeeded", false);
        notNeeded.put("caregiverConsentNotNeededReason", "The caregiver is the alleged perpetrator; asking would put the child at risk");
        Map<String, Object> stored = ok(Tokens.of("sup.amani"), RECORD, Map.of("i", notNeeded)).getMap("data.recordObservation.observation");
        assertEquals(false, stored.get("caregiverConsentNeeded"));
        assertEquals(false, stored.get("caregiverConsent"));
        assertEquals("The caregiver is the alleged perpetrator; asking would put the child at risk", stored.get("caregiverConsentNotNeededReason"));
        assertEquals("ASSENT", stored.get("childAgreement"));
        assertEquals(today.minusDays(1).toString(), stored.get("childAgreementOn"));
        assertEquals("Aisha Bello, caseworker", stored.get("childAgreementBy"));
        assertEquals(true, stored.get("purposeAndConfidentialityExplained"));
    }

    @Test
    void withoutTheConsentTheToolAsksForNothingIsRecorded() {
        String caseworker = newCaseworker();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long before = observations();
        record Refusal(String field, Object value, String code) {
        }
        for (Refusal refusal : List.of(
                new Refusal("childConsent", false, "CONSENT_REQUIRED"),
                new Refusal("caregiverConsent", false, "CONSENT_REQUIRED"),
                new Refusal("purposeAndConfidentialityExplained", false, "CONSENT_REQUIRED"),
                new Refusal("childAgreement", null, "VALIDATION_FAILED"),
                new Refusal("childAgreementOn", null, "VALIDATION_FAILED"),
                new Refusal("childAgreementOn", today.plusDays(1).toString(), "VALIDATION_FAILED"),
                new Refusal("childAgreementBy", " ", "VALIDATION_FAILED"),
                new Refusal("caregiverConsentNotNeededReason", null, "VALIDATION_FAILED"))) {
            Map<String, Object> input = recorded(caseworker, today);
            if (refusal.field().equals("caregiverConsentNotNeededReason")) {
                input.put("caregiverConsent", false);
                input.put("caregiverConsentNeeded", false);
            }
            input.put(refusal.field(), refusal.value());
            assertEquals("input." + refusal.field(), field(error(call(Tokens.of("sup.amani"), RECORD, Map.of("i", input)), refusal.code())),
                    refusal.toString());
        }
        assertEquals(before, observations());
    }

    @Test
    void anObservationIsPlannedInAdvanceWithTheCaseChosenTogetherAndListedWhenOverdue() {
        String caseworker = newCaseworker();
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Map<String, Object> plan = new HashMap<>(Map.of("caseworkerId", caseworker, "plannedFor", tomorrow.toString(), "stage", "ASSESSMENT",
                "caseChosenTogether", true, "caseSelectionGrounds", List.of("SAFETY", "BEST_INTEREST_OF_THE_CHILD"),
                "caseSelectionNote", "A settled placement: an observation will not unsettle her"));
        long before = observations();
        for (Map.Entry<String, Object> bad : List.of(Map.<String, Object>entry("plannedFor", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()),
                Map.<String, Object>entry("caseChosenTogether", false), Map.<String, Object>entry("caseSelectionGrounds", List.of()))) {
            Map<String, Object> input = new HashMap<>(plan);
            input.put(bad.getKey(), bad.getValue());
            assertEquals("input." + bad.getKey(), field(error(call(Tokens.of("sup.amani"), PLAN, Map.of("i", input)), "VALIDATION_FAILED")));
        }
        error(call(Tokens.of("sup.kindred"), PLAN, Map.of("i", plan)), "NOT_FOUND");
        error(call(Tokens.of("cw.amani"), PLAN, Map.of("i", plan)), "NOT_FOUND");
        assertEquals(before, observations());

        Map<String, Object> planned = ok(Tokens.of("sup.amani"), PLAN, Map.of("i", plan)).getMap("data.planObservation.observation");
        assertEquals("PLANNED", planned.get("status"));
        assertEquals(List.of("SAFETY", "BEST_INTEREST_OF_THE_CHILD"), planned.get("caseSelectionGrounds"));
        String id = (String) planned.get("id");
        String lists = "query($d: Date) { observationPlan(asOf: $d) { planned { id } overdue { id } feedbackOverdue { id } } }";
        JsonPath onTime = ok(Tokens.of("sup.amani"), lists, Map.of("d", tomorrow.toString()));
        assertTrue(onTime.getList("data.observationPlan.planned.id").contains(id));
        assertFalse(onTime.getList("data.observationPlan.overdue.id").contains(id));
        JsonPath late = ok(Tokens.of("sup.amani"), lists, Map.of("d", tomorrow.plusDays(1).toString()));
        assertTrue(late.getList("data.observationPlan.overdue.id").contains(id));
        assertFalse(late.getList("data.observationPlan.planned.id").contains(id));
        error(call(Tokens.of("cw.amani"), lists, Map.of("d", tomorrow.toString())), "NOT_FOUND");
        assertFalse(ok(Tokens.of("sup.kindred"), lists, Map.of("d", tomorrow.plusDays(1).toString()))
                .getList("data.observationPlan.overdue.id").contains(id), "another agency's supervisors never see it");

        assertEquals("input.childConsent", field(error(change(BEGIN, id, Map.of("childConsent", false, "caregiverConsent", true)),
                "CONSENT_REQUIRED")));
        assertEquals("PLANNED", Db.row("select status from observation where id = ?", GlobalId.decode(id, "id").uuid()).get("status"));
        Map<String, Object> begun = change(BEGIN, id, consent(tomorrow)).getMap("data.beginObservation.observation");
        assertEquals("DRAFT", begun.get("status"));
        assertEquals(tomorrow.toString(), begun.get("observedOn"));
    }

    @Test
    void completingNeedsAConcreteExampleForEveryAreaTheDutiesInterventionAndFeedback() {
        JsonPath template = template();
        String id = ok(Tokens.of("sup.amani"), RECORD, Map.of("i", recorded(newCaseworker(), LocalDate.now(ZoneOffset.UTC))))
                .getString("data.recordObservation.observation.id");
        Map<String, Object> ready = readyToComplete(template);
        record Gap(String field, String observationField, Object value) {
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> areas = new ArrayList<>((List<Map<String, Object>>) ready.get("areas"));
        Map<String, Object> safetyWithoutExample = new HashMap<>(areas.get(7));
        safetyWithoutExample.put("examplesObserved", " ");
        areas.set(7, safetyWithoutExample);
        @SuppressWarnings("unchecked")
        List<Object> duties = new ArrayList<>((List<Object>) ready.get("duties"));
        duties.remove(0);
        for (Gap gap : List.of(new Gap("areas", "observation.areas.SAFETY.examplesObserved", areas),
                new Gap("duties", "observation.duties", duties),
                new Gap("supervisorIntervened", "observation.supervisorIntervened", null),
                new Gap("feedbackStrengths", "observation.feedbackStrengths", null),
                new Gap("feedbackAreasToImprove", "observation.feedbackAreasToImprove", null))) {
            Map<String, Object> input = new HashMap<>(ready);
            input.remove(gap.field());
            if (gap.value() != null) input.put(gap.field(), gap.value());
            String fresh = ok(Tokens.of("sup.amani"), RECORD, Map.of("i", recorded(newCaseworker(), LocalDate.now(ZoneOffset.UTC))))
                    .getString("data.recordObservation.observation.id");
            ok(Tokens.of("sup.amani"), UPDATE, Map.of("i", withIdAndVersion(fresh, input)));
            assertEquals(gap.observationField(), field(error(change(COMPLETE, fresh, Map.of()), "VALIDATION_FAILED")), gap.toString());
            assertEquals("DRAFT", Db.row("select status from observation where id = ?", GlobalId.decode(fresh, "id").uuid()).get("status"));
        }
        Map<String, Object> intervened = new HashMap<>(ready);
        intervened.put("supervisorIntervened", true);
        assertEquals("input.interventionReason", field(error(change(UPDATE, id, intervened), "VALIDATION_FAILED")));
        assertNull(Db.row("select supervisor_intervened from observation where id = ?", GlobalId.decode(id, "id").uuid()).get("supervisor_intervened"));
        intervened.put("interventionReason", "RISK_OF_HARM");
        intervened.put("interventionNote", "The caregiver began to blame the child; I asked to pause");
        ok(Tokens.of("sup.amani"), UPDATE, Map.of("i", withIdAndVersion(id, intervened)));
        Map<String, Object> completed = change(COMPLETE, id, Map.of()).getMap("data.completeObservation.observation");
        assertEquals("COMPLETED", completed.get("status"));
        assertEquals("RISK_OF_HARM", completed.get("interventionReason"));
        assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(7).toString(), completed.get("feedbackDueOn"), "shortly after: a week by default");
    }

    @Test
    void theFeedbackSessionIsListedWhenOverdueAndTheNextObservationReviewsTheActions() {
        JsonPath template = template();
        String caseworker = newCaseworker();
        LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        Map<String, Object> withActions = recorded(caseworker, first);
        withActions.putAll(readyToComplete(template));
        withActions.put("actions", List.of(Map.of("actionOf", "SUPERVISOR", "text", "Share child-friendly safety-planning materials"),
                Map.of("actionOf", "CASEWORKER", "text", "Practise open-ended questions")));
        String earlier = ok(Tokens.of("sup.amani"), RECORD, Map.of("i", withActions)).getString("data.recordObservation.observation.id");
        Map<String, Object> completed = change(COMPLETE, earlier, Map.of()).getMap("data.completeObservation.observation");
        assertEquals(first.plusDays(7).toString(), completed.get("feedbackDueOn"));
        String lists = "query($d: Date) { observationPlan(asOf: $d) { feedbackOverdue { id feedbackDueOn } } }";
        assertFalse(ok(Tokens.of("sup.amani"), lists, Map.of("d", first.plusDays(7).toString())).getList("data.observationPlan.feedbackOverdue.id").contains(earlier));
        assertTrue(ok(Tokens.of("sup.amani"), lists, Map.of("d", first.plusDays(8).toString())).getList("data.observationPlan.feedbackOverdue.id").contains(earlier));

        Map<String, Object> next = recorded(caseworker, LocalDate.now(ZoneOffset.UTC));
        next.putAll(readyToComplete(template));
        Map<String, Object> draft = ok(Tokens.of("sup.amani"), RECORD, Map.of("i", next)).getMap("data.recordObservation.observation");
        String later = (String) draft.get("id");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> toReview = (List<Map<String, Object>>) draft.get("actionsToReview");
        assertEquals(List.of("Share child-friendly safety-planning materials", "Practise open-ended questions"),
                toReview.stream().map(a -> a.get("text")).toList());
        assertEquals("observation.actionsToReview", field(error(change(COMPLETE, later, Map.of()), "VALIDATION_FAILED")));

        List<Map<String, Object>> reviews = List.of(Map.of("actionId", toReview.get(0).get("id"), "status", "DONE"),
                Map.of("actionId", toReview.get(1).get("id"), "status", "NOT_DONE", "note", "No open questions yet; keep practising"));
        assertEquals("input.actionReviews[0].status", field(error(change(UPDATE, later, Map.of("actionReviews",
                List.of(Map.of("actionId", toReview.get(0).get("id"), "status", "OPEN")))), "VALIDATION_FAILED")));
        assertEquals("input.actionReviews[0].actionId", field(error(change(UPDATE, later, Map.of("actionReviews",
                List.of(Map.of("actionId", GlobalId.encode("ObservationAction", UUID.randomUUID()), "status", "DONE")))), "VALIDATION_FAILED")));
        ok(Tokens.of("sup.amani"), UPDATE, Map.of("i", withIdAndVersion(later, Map.of("actionReviews", reviews))));
        assertEquals("COMPLETED", change(COMPLETE, later, Map.of()).getString("data.completeObservation.observation.status"));
        List<Map<String, Object>> reviewed = ok(Tokens.of("sup.amani"),
                "query($id: ID!) { observation(id: $id) { actions { text status reviewNote reviewedInId } } }", Map.of("id", earlier))
                .getList("data.observation.actions");
        assertEquals(List.of("DONE", "NOT_DONE"), reviewed.stream().map(a -> a.get("status")).toList());
        assertTrue(reviewed.stream().allMatch(a -> later.equals(a.get("reviewedInId"))));
        assertEquals("No open questions yet; keep practising", reviewed.get(1).get("reviewNote"));
    }

    /** The written-text rule and the version check are the house's (graphql/FreeText, ApiException.requireVersion). */
    @Test
    void blankWrittenTextAndAStaleVersionAreRefusedWithNothingStored() {
        long profiles = Db.count("select count(*) from caseworker_profile");
        for (String field : List.of("username", "displayName")) {
            Map<String, Object> input = new HashMap<>(Map.of("username", "cw-" + UUID.randomUUID().toString().substring(0, 8),
                    "displayName", "Blank Test", "experienceLevel", "NEW"));
            input.put(field, " \n\t ");
            assertEquals("input." + field, field(error(call(Tokens.of("sup.amani"),
                    "mutation($i: RegisterCaseworkerInput!) { registerCaseworker(input: $i) { caseworker { id } } }", Map.of("i", input)),
                    "VALIDATION_FAILED")));
        }
        assertEquals(profiles, Db.count("select count(*) from caseworker_profile"));

        String caseworker = newCaseworker();
        long before = observations();
        Map<String, Object> blankAction = recorded(caseworker, LocalDate.now(ZoneOffset.UTC));
        blankAction.put("actions", List.of(Map.of("actionOf", "CASEWORKER", "text", "Practise open-ended questions"),
                Map.of("actionOf", "SUPERVISOR", "text", "  \n ")));
        assertEquals("input.actions[1].text", field(error(call(Tokens.of("sup.amani"), RECORD, Map.of("i", blankAction)), "VALIDATION_FAILED")));
        assertEquals(before, observations());

        Map<String, Object> twice = recorded(caseworker, LocalDate.now(ZoneOffset.UTC));
        twice.put("caseSelectionGrounds", List.of("SAFETY", "SAFETY", "DO_NO_HARM"));
        String id = ok(Tokens.of("sup.amani"), RECORD, Map.of("i", twice)).getString("data.recordObservation.observation.id");
        assertEquals(List.of("SAFETY", "DO_NO_HARM"), ok(Tokens.of("sup.amani"), "query($id: ID!) { observation(id: $id) { caseSelectionGrounds } }",
                Map.of("id", id)).getList("data.observation.caseSelectionGrounds"), "a ground named twice is one ground, as when planning");
        int version = version(id);
        ok(Tokens.of("sup.amani"), UPDATE, Map.of("i", withIdAndVersion(id, Map.of("feedbackStrengths", "Warm and patient"))));
        Map<String, Object> stale = error(call(Tokens.of("sup.amani"), UPDATE, Map.of("i", Map.of("id", id, "version", version,
                "feedbackStrengths", "Overwritten by a stale form"))), "CONFLICT");
        assertEquals("The observation was changed since version " + version + "; reload it and retry", stale.get("message"));
        assertEquals("Warm and patient", Db.row("select feedback_strengths from observation where id = ?", GlobalId.decode(id, "id").uuid())
                .get("feedback_strengths"));
        assertEquals(version + 1, version(id));
    }

    private static Map<String, Object> withIdAndVersion(String id, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("id", id);
        input.put("version", version(id));
        return input;
    }
}
