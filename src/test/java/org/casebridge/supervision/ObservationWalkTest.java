package org.casebridge.supervision;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.KeycloakUsers;
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
 * Issue 19, "Done when": a supervisor plans, runs and follows up an observation as the tool (seed 002) describes,
 * through the API with real tokens, and the observed caseworker takes part with her own. Each step checks what the next
 * one sees: the due lists, the plan with its grounds, the duties, the form with an example per area, the intervention,
 * feedback split and due, and the actions the next observation reviews.
 */
@QuarkusTest
class ObservationWalkTest {

    private static final String SUPERVISOR = "sup.amani";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String OBSERVATION = ObservationProcedureTest.OBSERVATION
            + " templateVersion caseId areas { area rating examplesObserved checklist { exampleId mark } } feedbackSessionOn acknowledgedAt"
            + " caseworkerReflections caseworkerQuestions";

    private static String mutation(String name, String inputType) {
        return "mutation($i: " + inputType + "!) { " + name + "(input: $i) { observation { " + OBSERVATION + " } } }";
    }

    private static final String PLAN = mutation("planObservation", "PlanObservationInput");
    private static final String BEGIN = mutation("beginObservation", "BeginObservationInput");
    private static final String UPDATE = mutation("updateObservation", "UpdateObservationInput");
    private static final String COMPLETE = mutation("completeObservation", "CompleteObservationInput");
    private static final String ACKNOWLEDGE = mutation("acknowledgeObservation", "AcknowledgeObservationInput");
    private static final String READ = "query($id: ID!) { observation(id: $id) { " + OBSERVATION + " } }";
    private static final String DUE_LISTS = """
            query($d: Date) { observationPlan(asOf: $d) { planned { id } overdue { id } feedbackOverdue { id feedbackDueOn } }
              observationsDue(asOf: $d) { caseworker { id } nextDueOn lastObservedOn } }""";

    private static Map<String, Object> step(String token, String document, Map<String, Object> observation, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("id", observation.get("id"));
        input.put("version", observation.get("version"));
        Map<String, Object> data = ok(token, document, Map.of("i", input)).getMap("data");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) data.values().iterator().next();
        @SuppressWarnings("unchecked")
        Map<String, Object> changed = (Map<String, Object>) payload.get("observation");
        return changed;
    }

    private static JsonPath dueLists(LocalDate day) {
        return ok(Tokens.of(SUPERVISOR), DUE_LISTS, Map.of("d", day.toString()));
    }

    private static boolean listed(JsonPath lists, String list, String id) {
        return lists.getList("data.observationPlan." + list + ".id").contains(id);
    }

    private static Map<String, Object> dueEntry(JsonPath lists, String caseworker) {
        return lists.<Map<String, Object>>getList("data.observationsDue").stream()
                .filter(d -> caseworker.equals(((Map<?, ?>) d.get("caseworker")).get("id"))).findFirst().orElse(null);
    }

    @Test
    void aSupervisorPlansRunsAndFollowsUpAnObservation() {
        // A new caseworker with a Keycloak account of her own, registered by the supervisor.
        String username = "cw" + UUID.randomUUID().toString().substring(0, 8) + ".amani";
        String subject = KeycloakUsers.create(username, "AMANI", "Borno", "caseworker");
        try {
            String caseworkerToken = KeycloakUsers.token(username);
            LocalDate started = TODAY.minusDays(20);
            String caseworker = ok(Tokens.of(SUPERVISOR), "mutation($i: RegisterCaseworkerInput!) { registerCaseworker(input: $i) { caseworker { id } } }",
                    Map.of("i", Map.of("username", username, "displayName", "Walk caseworker", "experienceLevel", "NEW",
                            "startedOn", started.toString()))).getString("data.registerCaseworker.caseworker.id");
            Map<String, Object> due = dueEntry(dueLists(TODAY), caseworker);
            assertEquals(started.toString(), due.get("nextDueOn"), "never observed: due from the day she started");
            assertNull(due.get("lastObservedOn"));

            // The tool: its duties, areas and example behaviours, in its version.
            JsonPath template = Observations.template(Tokens.of(SUPERVISOR));
            int toolVersion = template.getInt("data.observationTemplate.version");
            List<Map<String, Object>> duties = template.getList("data.observationTemplate.duties");
            List<Map<String, Object>> areas = template.getList("data.observationTemplate.areas");
            assertEquals(9, areas.size());
            Object familiarWithTheFile = duties.stream().filter(d -> "BEFORE".equals(d.get("phase")) && "SUPERVISOR".equals(d.get("dutyOf")))
                    .findFirst().orElseThrow().get("id");

            // Plan in advance, the case chosen together and why; the before duty done so far.
            String caseId = Cases.open("cw.amani", "Observed child " + UUID.randomUUID());
            Map<String, Object> plan = new HashMap<>(Map.of("caseworkerId", caseworker, "plannedFor", TODAY.toString(), "stage", "FOLLOW_UP",
                    "caseId", caseId, "caseChosenTogether", true, "caseSelectionGrounds", List.of("VULNERABILITY", "DO_NO_HARM"),
                    "caseSelectionNote", "A stable placement; the visit will not unsettle him", "idempotencyKey", UUID.randomUUID().toString(),
                    "duties", List.of(Map.of("dutyId", familiarWithTheFile, "done", true))));
            assertEquals("input.caseSelectionGrounds", field(error(call(Tokens.of(SUPERVISOR), PLAN, Map.of("i",
                    new HashMap<>(Map.of("caseworkerId", caseworker, "plannedFor", TODAY.toString(), "stage", "FOLLOW_UP",
                            "caseChosenTogether", true, "caseSelectionGrounds", List.of())))), "VALIDATION_FAILED")));
            Map<String, Object> o = ok(Tokens.of(SUPERVISOR), PLAN, Map.of("i", plan)).getMap("data.planObservation.observation");
            assertEquals(o.get("id"), ok(Tokens.of(SUPERVISOR), PLAN, Map.of("i", plan)).getString("data.planObservation.observation.id"),
                    "a retried plan is one observation");
            String id = (String) o.get("id");
            assertEquals("PLANNED", o.get("status"));
            assertEquals(caseId, o.get("caseId"));
            assertEquals(toolVersion, o.get("templateVersion"), "stored with the tool's version");

            // Due lists: planned today, overdue tomorrow if it has not begun; a plan is not an observation held.
            assertTrue(listed(dueLists(TODAY), "planned", id));
            assertTrue(listed(dueLists(TODAY.plusDays(1)), "overdue", id));
            assertTrue(dueEntry(dueLists(TODAY), caseworker) != null, "still due: planned, not held");

            // The caseworker sees what was planned with her, and why.
            Map<String, Object> hers = ok(caseworkerToken, READ, Map.of("id", id)).getMap("data.observation");
            assertEquals(List.of("VULNERABILITY", "DO_NO_HARM"), hers.get("caseSelectionGrounds"));
            assertEquals(true, hers.get("caseChosenTogether"));
            error(call(Tokens.of("cw2.amani"), READ, Map.of("id", id)), "NOT_FOUND");

            // The day of the session: consent as the tool asks for it, the caregiver's not needed and why.
            Map<String, Object> consent = new HashMap<>(Observations.consent(TODAY));
            consent.put("caregiverConsent", false);
            consent.put("caregiverConsentNeeded", false);
            consent.put("caregiverConsentNotNeededReason", "He is 17 and lives independently; his caregiver is not part of the case");
            o = step(Tokens.of(SUPERVISOR), BEGIN, o, consent);
            assertEquals("DRAFT", o.get("status"));
            assertEquals(false, o.get("caregiverConsentNeeded"));
            assertFalse(listed(dueLists(TODAY.plusDays(1)), "overdue", id), "begun: no longer overdue");

            // The form: an example or comment per area with its checklist, the duties, the intervention, feedback, actions.
            List<Map<String, Object>> observed = new ArrayList<>();
            for (Map<String, Object> area : areas) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> examples = (List<Map<String, Object>>) area.get("examples");
                observed.add(Map.of("area", area.get("code"), "rating", "MEETS", "examplesObserved", "In " + area.get("code")
                        + ": asked him what he wanted to talk about first", "checklist", List.of(Map.of("exampleId", examples.get(0).get("id"),
                        "mark", "OBSERVED"))));
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> otherAreasExample = (List<Map<String, Object>>) areas.get(1).get("examples");
            List<Map<String, Object>> misplaced = new ArrayList<>(observed);
            misplaced.set(0, Map.of("area", areas.get(0).get("code"), "rating", "MEETS", "examplesObserved", "x",
                    "checklist", List.of(Map.of("exampleId", otherAreasExample.get(0).get("id"), "mark", "OBSERVED"))));
            Map<String, Object> wrongArea = new HashMap<>(Map.of("areas", misplaced, "id", id, "version", o.get("version")));
            assertEquals("input.areas[0].checklist[0].exampleId", field(error(call(Tokens.of(SUPERVISOR), UPDATE, Map.of("i", wrongArea)),
                    "VALIDATION_FAILED")), "an example of another area");
            assertEquals(0, ((List<?>) ok(Tokens.of(SUPERVISOR), READ, Map.of("id", id)).getList("data.observation.areas")).size(),
                    "nothing of the refused form is stored");

            List<Map<String, Object>> checks = new ArrayList<>();
            for (Map<String, Object> duty : duties) {
                if (!"AFTER".equals(duty.get("phase"))) checks.add(Map.of("dutyId", duty.get("id"), "done", true));
            }
            o = step(Tokens.of(SUPERVISOR), UPDATE, o, Map.of("areas", observed, "duties", checks, "supervisorIntervened", true,
                    "interventionReason", "CASEWORKER_ASKED", "interventionNote", "She asked me to explain the referral to the clinic",
                    "feedbackStrengths", "Warm greeting; let him lead", "feedbackAreasToImprove", "Agree next steps before closing",
                    "actions", List.of(Map.of("actionOf", "SUPERVISOR", "text", "Share the referral pathway sheet"),
                            Map.of("actionOf", "CASEWORKER", "text", "Close with next steps agreed aloud"))));
            assertEquals(9, ((List<?>) o.get("areas")).size());
            assertEquals("CASEWORKER_ASKED", o.get("interventionReason"));
            assertEquals(2, ((List<?>) o.get("actions")).size());

            o = step(Tokens.of(SUPERVISOR), COMPLETE, o, Map.of());
            assertEquals("COMPLETED", o.get("status"));
            LocalDate feedbackDue = TODAY.plusDays(7);
            assertEquals(feedbackDue.toString(), o.get("feedbackDueOn"), "shortly after: a week by default");
            assertFalse(listed(dueLists(feedbackDue), "feedbackOverdue", id));
            assertTrue(listed(dueLists(feedbackDue.plusDays(1)), "feedbackOverdue", id));
            Map<String, Object> nextDue = dueEntry(dueLists(TODAY.plusDays(14)), caseworker);
            assertEquals(TODAY.plusDays(14).toString(), nextDue.get("nextDueOn"), "a new caseworker: every two weeks");
            assertEquals(TODAY.toString(), nextDue.get("lastObservedOn"));
            assertNull(dueEntry(dueLists(TODAY.plusDays(13)), caseworker));

            // The feedback session: the caseworker reads the feedback split and acknowledges it; nobody else can.
            Map<String, Object> feedback = ok(caseworkerToken, READ, Map.of("id", id)).getMap("data.observation");
            assertEquals("Warm greeting; let him lead", feedback.get("feedbackStrengths"));
            assertEquals("Agree next steps before closing", feedback.get("feedbackAreasToImprove"));
            error(call(Tokens.of(SUPERVISOR), ACKNOWLEDGE, Map.of("i", Map.of("id", id, "version", o.get("version"),
                    "reflections", "Not mine to give"))), "FORBIDDEN");
            assertEquals("COMPLETED", ok(Tokens.of(SUPERVISOR), READ, Map.of("id", id)).getString("data.observation.status"));
            o = step(caseworkerToken, ACKNOWLEDGE, o, Map.of("reflections", "I rushed the ending", "questions", "How do I refer to the clinic?"));
            assertEquals("FEEDBACK_GIVEN", o.get("status"));
            assertFalse(listed(dueLists(feedbackDue.plusDays(1)), "feedbackOverdue", id), "given: no longer overdue");

            // The next observation reviews the actions.
            Map<String, Object> next = new HashMap<>(plan);
            next.put("plannedFor", TODAY.toString());
            next.put("idempotencyKey", UUID.randomUUID().toString());
            next.remove("duties");
            Map<String, Object> later = ok(Tokens.of(SUPERVISOR), PLAN, Map.of("i", next)).getMap("data.planObservation.observation");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> toReview = (List<Map<String, Object>>) later.get("actionsToReview");
            assertEquals(List.of("Share the referral pathway sheet", "Close with next steps agreed aloud"), toReview.stream().map(a -> a.get("text")).toList());
            later = step(Tokens.of(SUPERVISOR), BEGIN, later, Observations.consent(TODAY));
            Map<String, Object> ready = Observations.readyToComplete(template, "STRONG");
            later = step(Tokens.of(SUPERVISOR), UPDATE, later, ready);
            assertEquals("observation.actionsToReview", field(error(call(Tokens.of(SUPERVISOR), COMPLETE, Map.of("i",
                    Map.of("id", later.get("id"), "version", later.get("version")))), "VALIDATION_FAILED")));
            later = step(Tokens.of(SUPERVISOR), UPDATE, later, Map.of("actionReviews", List.of(
                    Map.of("actionId", toReview.get(0).get("id"), "status", "DONE"),
                    Map.of("actionId", toReview.get(1).get("id"), "status", "NOT_DONE", "note", "Still ends abruptly; practise in role play"))));
            later = step(Tokens.of(SUPERVISOR), COMPLETE, later, Map.of());
            assertEquals("COMPLETED", later.get("status"));
            String laterId = (String) later.get("id");
            List<Map<String, Object>> reviewed = ok(caseworkerToken, READ, Map.of("id", id)).getList("data.observation.actions");
            assertEquals(List.of("DONE", "NOT_DONE"), reviewed.stream().map(a -> a.get("status")).toList());
            assertTrue(reviewed.stream().allMatch(a -> laterId.equals(a.get("reviewedInId"))), "reviewed by the next observation");
            assertEquals("Still ends abruptly; practise in role play", reviewed.get(1).get("reviewNote"));
        } finally {
            KeycloakUsers.delete(subject);
        }
    }
}
