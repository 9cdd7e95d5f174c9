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
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ObservationTest {

    static final String DEMO_OBSERVATION_OF_CW2 = GlobalId.encode("Observation", UUID.fromString("f1000000-0000-4000-8000-000000000001"));
    static final String CW_AMANI = GlobalId.encode("Caseworker", UUID.fromString("f0000000-0000-4000-8000-000000000001"));
    static final String RECORD = """
            mutation($i: RecordObservationInput!) { recordObservation(input: $i) { observation { id status version
              areas { area rating checklist { exampleId mark } } } } }""";
    static final String READ = "query($id: ID!) { observation(id: $id) { id status caseworker { username } } }";

    /** The tool's areas and example IDs, from the API. */
    private static JsonPath template() {
        return ok(Tokens.of("sup.amani"), "{ observationTemplate { name version areas { code title purpose examples { id text } } } }", null);
    }

    private static List<Map<String, Object>> allAreasRated(JsonPath template) {
        List<Map<String, Object>> areas = new ArrayList<>();
        List<Map<String, Object>> templateAreas = template.getList("data.observationTemplate.areas");
        for (Map<String, Object> area : templateAreas) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> examples = (List<Map<String, Object>>) area.get("examples");
            areas.add(Map.of("area", area.get("code"), "rating", "MEETS", "examplesObserved", "Seen",
                    "checklist", List.of(Map.of("exampleId", examples.get(0).get("id"), "mark", "OBSERVED"))));
        }
        return areas;
    }

    /** Consent, duties, intervention and feedback as completing asks for them (Observations), with the given areas. */
    private static Map<String, Object> observationOf(String caseworkerId, LocalDate on, List<Map<String, Object>> areas) {
        Map<String, Object> input = Observations.complete(Tokens.of("sup.amani"), caseworkerId, on, "FOLLOW_UP", "MEETS");
        input.put("areas", areas);
        input.put("supervisorActions", "Coach on closing");
        input.put("caseworkerActions", "Agree next steps with the child");
        return input;
    }

    private static String newCaseworker(String level, LocalDate started) {
        String username = "cw-" + UUID.randomUUID().toString().substring(0, 8);
        return ok(Tokens.of("sup.amani"), "mutation($i: RegisterCaseworkerInput!) { registerCaseworker(input: $i) { caseworker { id } } }",
                Map.of("i", Map.of("username", username, "displayName", "Test " + username, "experienceLevel", level,
                        "startedOn", started.toString()))).getString("data.registerCaseworker.caseworker.id");
    }

    private static long observations() {
        return Db.count("select count(*) from observation");
    }

    @Test
    void theToolCarriesTheNineAreasInTheFieldsOwnWords() {
        JsonPath template = template();
        assertEquals(List.of("PREPARATION", "INTRODUCTION", "CONFIDENTIALITY", "COMMUNICATION", "TRUST", "SUPPORT_SKILLS",
                "PARTICIPATION", "SAFETY", "CLOSING"), template.getList("data.observationTemplate.areas.code"));
        assertTrue(template.getList("data.observationTemplate.areas[3].examples.text").contains("Sit at the child's level"));
        assertTrue(template.getList("data.observationTemplate.areas[5].examples.text").contains("Use statements such as: This is not your fault"));
        assertEquals(1, template.getInt("data.observationTemplate.version"));
    }

    @Test
    void visibility() {
        ok(Tokens.of("cw2.amani"), READ, Map.of("id", DEMO_OBSERVATION_OF_CW2));
        ok(Tokens.of("sup.amani"), READ, Map.of("id", DEMO_OBSERVATION_OF_CW2));
        for (String user : List.of("cw.amani", "sup.kindred", "cw.kindred", "pr.stluke", "admin.amani", "lead.borno", "auditor")) {
            error(call(Tokens.of(user), READ, Map.of("id", DEMO_OBSERVATION_OF_CW2)), "NOT_FOUND");
        }
        List<String> own = ok(Tokens.of("cw.amani"), "{ observations { caseworker { username } } }", null)
                .getList("data.observations.caseworker.username");
        assertFalse(own.isEmpty());
        assertTrue(own.stream().allMatch("cw.amani"::equals));
        error(call(Tokens.of("sup.kindred"), RECORD, Map.of("i", observationOf(CW_AMANI, LocalDate.now(), List.of()))), "NOT_FOUND");
    }

    @Test
    void withoutTheChildsAndCaregiversConsentNothingIsRecorded() {
        long before = observations();
        for (String missing : List.of("childConsent", "caregiverConsent")) {
            Map<String, Object> input = observationOf(CW_AMANI, LocalDate.now(), allAreasRated(template()));
            input.put(missing, false);
            assertEquals("input." + missing, field(error(call(Tokens.of("sup.amani"), RECORD, Map.of("i", input)), "CONSENT_REQUIRED")));
        }
        assertEquals(before, observations());
    }

    @Test
    void checklistItemsOutsideTheToolAreRefused() {
        JsonPath template = template();
        long before = observations();
        String communicationExample = template.getString("data.observationTemplate.areas[3].examples[0].id");
        List<Map<String, Object>> wrongArea = List.of(Map.of("area", "SAFETY", "rating", "MEETS",
                "checklist", List.of(Map.of("exampleId", communicationExample, "mark", "OBSERVED"))));
        assertEquals("input.areas[0].checklist[0].exampleId",
                field(error(call(Tokens.of("sup.amani"), RECORD, Map.of("i", observationOf(CW_AMANI, LocalDate.now(), wrongArea))), "VALIDATION_FAILED")));
        List<Map<String, Object>> unknown = List.of(Map.of("area", "SAFETY", "rating", "MEETS",
                "checklist", List.of(Map.of("exampleId", GlobalId.encode("ObservationExample", UUID.randomUUID()), "mark", "OBSERVED"))));
        error(call(Tokens.of("sup.amani"), RECORD, Map.of("i", observationOf(CW_AMANI, LocalDate.now(), unknown))), "VALIDATION_FAILED");
        assertEquals(before, observations());
    }

    @Test
    void statusMovesOnlyByTheRightPerson() {
        String caseworker = newCaseworker("NEW", LocalDate.now().minusDays(3));
        String username = ok(Tokens.of("sup.amani"), "{ caseworkers { id username } }", null)
                .getString("data.caseworkers.find { it.id == '" + caseworker + "' }.username");
        JsonPath recorded = ok(Tokens.of("sup.amani"), RECORD, Map.of("i", observationOf(caseworker, LocalDate.now(), List.of(
                Map.of("area", "SAFETY", "rating", "STRONG")))));
        String id = recorded.getString("data.recordObservation.observation.id");
        String complete = "mutation($i: CompleteObservationInput!) { completeObservation(input: $i) { observation { status version } } }";
        String acknowledge = "mutation($i: AcknowledgeObservationInput!) { acknowledgeObservation(input: $i) { observation { status } } }";

        error(call(Tokens.of("sup.amani"), complete, Map.of("i", Map.of("id", id, "version", 0))), "VALIDATION_FAILED");
        ok(Tokens.of("sup.amani"), "mutation($i: UpdateObservationInput!) { updateObservation(input: $i) { observation { version } } }",
                Map.of("i", Map.of("id", id, "version", 0, "areas", allAreasRated(template()))));
        error(call(Tokens.of("cw2.amani"), complete, Map.of("i", Map.of("id", id, "version", 1))), "NOT_FOUND");
        error(call(Tokens.of("sup.amani"), acknowledge, Map.of("i", Map.of("id", id, "version", 1))), "FORBIDDEN");
        assertEquals("DRAFT", Db.row("select status from observation where id = ?", GlobalId.decode(id, "id").uuid()).get("status"));
        assertEquals("COMPLETED", ok(Tokens.of("sup.amani"), complete, Map.of("i", Map.of("id", id, "version", 1)))
                .getString("data.completeObservation.observation.status"));
        error(call(Tokens.of("sup.amani"), complete, Map.of("i", Map.of("id", id, "version", 2))), "INVALID_TRANSITION");
        error(call(Tokens.of("sup.amani"), acknowledge, Map.of("i", Map.of("id", id, "version", 2))), "FORBIDDEN");
        assertTrue(username.startsWith("cw-"));
    }

    @Test
    void observedCaseworkerAcknowledgesWithReflections() {
        JsonPath template = template();
        JsonPath recorded = ok(Tokens.of("sup.amani"), RECORD, Map.of("i", observationOf(CW_AMANI, LocalDate.now(), allAreasRated(template))));
        String id = recorded.getString("data.recordObservation.observation.id");
        ok(Tokens.of("sup.amani"), "mutation($i: CompleteObservationInput!) { completeObservation(input: $i) { observation { status } } }",
                Map.of("i", Map.of("id", id, "version", 0, "feedbackSessionOn", LocalDate.now().toString())));
        error(call(Tokens.of("cw2.amani"), "mutation($i: AcknowledgeObservationInput!) { acknowledgeObservation(input: $i) { observation { status } } }",
                Map.of("i", Map.of("id", id, "version", 1))), "NOT_FOUND");
        JsonPath acknowledged = ok(Tokens.of("cw.amani"), """
                mutation($i: AcknowledgeObservationInput!) { acknowledgeObservation(input: $i) { observation {
                  status caseworkerReflections caseworkerQuestions areas { area rating checklist { mark } } } } }""",
                Map.of("i", Map.of("id", id, "version", 1, "reflections", "I will sit at the child's level", "questions", "How to close?")));
        assertEquals("FEEDBACK_GIVEN", acknowledged.getString("data.acknowledgeObservation.observation.status"));
        assertEquals(9, acknowledged.getList("data.acknowledgeObservation.observation.areas").size());
    }

    private static List<String> dueOn(LocalDate day) {
        return ok(Tokens.of("sup.amani"), "query($d: Date) { observationsDue(asOf: $d) { caseworker { id } nextDueOn daysOverdue } }",
                Map.of("d", day.toString())).getList("data.observationsDue.caseworker.id");
    }

    private static void observeCompleted(String caseworker, LocalDate on) {
        String id = ok(Tokens.of("sup.amani"), RECORD, Map.of("i", observationOf(caseworker, on, allAreasRated(template()))))
                .getString("data.recordObservation.observation.id");
        ok(Tokens.of("sup.amani"), "mutation($i: CompleteObservationInput!) { completeObservation(input: $i) { observation { status } } }",
                Map.of("i", Map.of("id", id, "version", 0)));
    }

    @Test
    void observationsFallDueEveryTwoWeeksForNewAndMonthlyForExperiencedCaseworkers() {
        LocalDate observed = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String fresh = newCaseworker("NEW", observed.minusDays(30));
        String seasoned = newCaseworker("EXPERIENCED", observed.minusYears(3));
        assertTrue(dueOn(observed).contains(fresh), "never observed: due");
        observeCompleted(fresh, observed);
        observeCompleted(seasoned, observed);

        assertFalse(dueOn(observed.plusDays(13)).contains(fresh));
        assertTrue(dueOn(observed.plusDays(14)).contains(fresh));
        assertFalse(dueOn(observed.plusMonths(1).minusDays(1)).contains(seasoned));
        assertTrue(dueOn(observed.plusMonths(1)).contains(seasoned));
        assertFalse(dueOn(observed.plusDays(20)).contains(seasoned));
        error(call(Tokens.of("cw.amani"), "{ observationsDue { nextDueOn } }"), "NOT_FOUND");
    }

    @Test
    void summaryCountsRatingsPerArea() {
        JsonPath summary = ok(Tokens.of("sup.amani"), "query($f: Date!, $t: Date!) { observationSummary(from: $f, to: $t) { observations areas { area needsImprovement meets strong } } }",
                Map.of("f", LocalDate.now().minusDays(30).toString(), "t", LocalDate.now().toString()));
        assertTrue(summary.getInt("data.observationSummary.observations") >= 2);
        assertEquals(9, summary.getList("data.observationSummary.areas").size());
        assertTrue(summary.getInt("data.observationSummary.areas.find { it.area == 'COMMUNICATION' }.needsImprovement") >= 2);
        error(call(Tokens.of("cw.amani"), "query($f: Date!, $t: Date!) { observationSummary(from: $f, to: $t) { observations } }",
                Map.of("f", "2026-01-01", "t", "2026-12-31")), "NOT_FOUND");
    }
}
