package org.casebridge.supervision;

import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Observations;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A supervisor registers caseworkers of their own agency only: a profile is one agency's, a username registered
 * by one agency never blocks another's registration, and a caseworker's token matches only the profiles of the
 * agency it carries.
 */
@QuarkusTest
class CaseworkerRegistrationTest {

    static final String REGISTER = """
            mutation($i: RegisterCaseworkerInput!) { registerCaseworker(input: $i) { caseworker { id username displayName } } }""";
    static final String CW_AMANI = GlobalId.encode("Caseworker", UUID.fromString("f0000000-0000-4000-8000-000000000001"));

    private static String register(String supervisor, String username, String displayName) {
        return ok(Tokens.of(supervisor), REGISTER, Map.of("i", Map.of("username", username, "displayName", displayName,
                "experienceLevel", "NEW"))).getString("data.registerCaseworker.caseworker.id");
    }

    private static List<String> caseworkersOf(String supervisor) {
        return ok(Tokens.of(supervisor), "{ caseworkers { id } }", null).getList("data.caseworkers.id");
    }

    @Test
    void aSupervisorOfAnotherAgencyCannotLockAUsernameAway() {
        String username = "cw-claimed-" + UUID.randomUUID().toString().substring(0, 8);
        String kindreds = register("sup.kindred", username, "Claimed by Kindred");
        String amanis = register("sup.amani", username, "Amani's own");
        assertNotEquals(kindreds, amanis);
        assertTrue(caseworkersOf("sup.amani").contains(amanis));
        assertFalse(caseworkersOf("sup.amani").contains(kindreds));
        assertTrue(caseworkersOf("sup.kindred").contains(kindreds));
        assertFalse(caseworkersOf("sup.kindred").contains(amanis));
    }

    @Test
    void kindredsProfileNamedCwAmaniNeitherTouchesAmanisNorReachesCwAmani() {
        String kindreds = register("sup.kindred", "cw.amani", "Not Amani's");
        assertNotEquals(CW_AMANI, kindreds);

        Map<String, Object> input = Observations.complete(Tokens.of("sup.kindred"), kindreds, LocalDate.now(), "ASSESSMENT", "NEEDS_IMPROVEMENT");
        String observation = ok(Tokens.of("sup.kindred"), "mutation($i: RecordObservationInput!) { recordObservation(input: $i) { observation { id } } }",
                Map.of("i", input)).getString("data.recordObservation.observation.id");
        ok(Tokens.of("sup.kindred"), "mutation($i: CompleteObservationInput!) { completeObservation(input: $i) { observation { status } } }",
                Map.of("i", Map.of("id", observation, "version", 0)));

        String cwAmani = Tokens.of("cw.amani");
        error(call(cwAmani, "query($id: ID!) { observation(id: $id) { id } }", Map.of("id", observation)), "NOT_FOUND");
        assertFalse(ok(cwAmani, "{ observations { id } }", null).getList("data.observations.id").contains(observation));
        error(call(cwAmani, "mutation($i: AcknowledgeObservationInput!) { acknowledgeObservation(input: $i) { observation { status } } }",
                Map.of("i", Map.of("id", observation, "version", 1))), "NOT_FOUND");
        assertFalse(ok(cwAmani, "{ observations { id } }", null).getList("data.observations.id").isEmpty(), "cw.amani keeps AMANI's own");

        assertEquals(CW_AMANI, ok(Tokens.of("sup.amani"), "{ caseworkers { id username } }", null)
                .getString("data.caseworkers.find { it.username == 'cw.amani' }.id"));
        assertEquals(CW_AMANI, register("sup.amani", "cw.amani", "Aisha Bello"));
        assertFalse(caseworkersOf("sup.amani").contains(kindreds));
    }
}
