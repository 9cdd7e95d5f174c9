package org.casebridge.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Db;
import org.casebridge.support.KeycloakUsers;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Observations and focus-group sessions belong to people, and a person is the token's subject, not the username it
 * carries: a username is given again when an account is closed (here: deleted and created anew in Keycloak), and
 * whoever holds it then is somebody else. Where only a username is known in advance (the caseworker a supervisor
 * registers, the note-taker a facilitator names), the first token carrying that username, the role and the agency
 * binds its subject; from then on only that subject matches.
 */
@QuarkusTest
class PeopleBySubjectTest {

    static final String CAREGIVERS_GUIDE = GlobalId.encode("DiscussionGuide", UUID.fromString("a1000000-0000-4000-8000-000000000001"));
    static final String READ_OBSERVATION = "query($id: ID!) { observation(id: $id) { id status } }";
    static final String MY_OBSERVATIONS = "{ observations { id } }";
    static final String ACKNOWLEDGE = "mutation($i: AcknowledgeObservationInput!) { acknowledgeObservation(input: $i) { observation { status } } }";
    static final String READ_SESSION = "query($id: ID!) { focusGroupSession(id: $id) { id } }";
    static final String MY_SESSIONS = "{ myFocusGroupSessions { id } }";
    static final String AGREE = "mutation($i: AgreeSessionNotesInput!) { agreeSessionNotes(input: $i) { session { status } } }";

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String completedObservationOf(String username) {
        String supervisor = Tokens.of("sup.amani");
        String caseworker = ok(supervisor, "mutation($i: RegisterCaseworkerInput!) { registerCaseworker(input: $i) { caseworker { id } } }",
                Map.of("i", Map.of("username", username, "displayName", "Test " + username, "experienceLevel", "NEW")))
                .getString("data.registerCaseworker.caseworker.id");
        Map<String, Object> input = Observations.complete(supervisor, caseworker, LocalDate.now(), "FOLLOW_UP", "MEETS");
        String id = ok(supervisor, "mutation($i: RecordObservationInput!) { recordObservation(input: $i) { observation { id } } }",
                Map.of("i", input)).getString("data.recordObservation.observation.id");
        ok(supervisor, "mutation($i: CompleteObservationInput!) { completeObservation(input: $i) { observation { status } } }",
                Map.of("i", Map.of("id", id, "version", 0)));
        return id;
    }

    @Test
    void anObservationStaysWithTheCaseworkerWhoseSubjectFirstUsedIt() {
        String username = fresh("cw-subject");
        String first = KeycloakUsers.create(username, "AMANI", "Borno", "caseworker");
        String observation = completedObservationOf(username);
        String firstToken = KeycloakUsers.token(username);
        ok(firstToken, READ_OBSERVATION, Map.of("id", observation));
        assertEquals(List.of(observation), ok(firstToken, MY_OBSERVATIONS, null).getList("data.observations.id"));
        assertEquals(first, Db.row("select subject from caseworker_profile where username = ?", username).get("subject"));
        assertEquals(1, Db.count("select count(*) from audit_entry where action = 'caseworker.bind' and actor_subject = ?", first));

        KeycloakUsers.delete(first);
        KeycloakUsers.create(username, "AMANI", "Borno", "caseworker");
        String sameNameOtherPerson = KeycloakUsers.token(username);
        error(call(sameNameOtherPerson, READ_OBSERVATION, Map.of("id", observation)), "NOT_FOUND");
        assertTrue(ok(sameNameOtherPerson, MY_OBSERVATIONS, null).getList("data.observations.id").isEmpty());
        error(call(sameNameOtherPerson, ACKNOWLEDGE, Map.of("i", Map.of("id", observation, "version", 1, "reflections", "Not mine"))),
                "NOT_FOUND");
        assertEquals("COMPLETED", Db.row("select status from observation where id = ?", GlobalId.decode(observation, "id").uuid()).get("status"));
    }

    @Test
    void aSessionFollowsItsFacilitatorsSubject() {
        String username = fresh("fac-subject");
        String first = KeycloakUsers.create(username, "AMANI", "Borno", "facilitator");
        String session = ok(KeycloakUsers.token(username), planDocument(), Map.of("i", plan("fac2.borno")))
                .getString("data.planFocusGroupSession.session.id");

        KeycloakUsers.delete(first);
        KeycloakUsers.create(username, "AMANI", "Borno", "facilitator");
        String sameNameOtherPerson = KeycloakUsers.token(username);
        error(call(sameNameOtherPerson, READ_SESSION, Map.of("id", session)), "NOT_FOUND");
        assertFalse(ok(sameNameOtherPerson, MY_SESSIONS, null).getList("data.myFocusGroupSessions.id").contains(session));
    }

    @Test
    void theNamedNoteTakerIsBoundOnFirstUseAndNobodyElseTakesTheirPlace() {
        String username = fresh("notes-subject");
        String first = KeycloakUsers.create(username, "AMANI", "Borno", "facilitator");
        String session = ok(Tokens.of("fac.borno"), planDocument(), Map.of("i", plan(username))).getString("data.planFocusGroupSession.session.id");
        String firstToken = KeycloakUsers.token(username);
        ok(firstToken, READ_SESSION, Map.of("id", session));
        assertTrue(ok(firstToken, MY_SESSIONS, null).getList("data.myFocusGroupSessions.id").contains(session));
        assertEquals(first, Db.row("select note_taker_subject from fg_session where id = ?", GlobalId.decode(session, "id").uuid())
                .get("note_taker_subject"));

        KeycloakUsers.delete(first);
        KeycloakUsers.create(username, "AMANI", "Borno", "facilitator");
        String sameNameOtherPerson = KeycloakUsers.token(username);
        error(call(sameNameOtherPerson, READ_SESSION, Map.of("id", session)), "NOT_FOUND");
        assertFalse(ok(sameNameOtherPerson, MY_SESSIONS, null).getList("data.myFocusGroupSessions.id").contains(session));
        int version = ((Number) Db.row("select version from fg_session where id = ?", GlobalId.decode(session, "id").uuid()).get("version")).intValue();
        error(call(sameNameOtherPerson, AGREE, Map.of("i", Map.of("id", session, "version", version))), "NOT_FOUND");
    }

    @Test
    void aNoteTakerOfAnotherAgencyIsNeverBound() {
        String username = fresh("notes-kindred");
        KeycloakUsers.create(username, "KINDRED", "Adamawa", "facilitator");
        String session = ok(Tokens.of("fac.borno"), planDocument(), Map.of("i", plan(username))).getString("data.planFocusGroupSession.session.id");
        String otherAgency = KeycloakUsers.token(username);
        error(call(otherAgency, READ_SESSION, Map.of("id", session)), "NOT_FOUND");
        assertEquals(null, Db.row("select note_taker_subject from fg_session where id = ?", GlobalId.decode(session, "id").uuid())
                .get("note_taker_subject"));
        assertFalse(ok(otherAgency, MY_SESSIONS, null).getList("data.myFocusGroupSessions.id").contains(session));
    }

    private static String planDocument() {
        return "mutation($i: PlanFocusGroupSessionInput!) { planFocusGroupSession(input: $i) { session { id } } }";
    }

    private static Map<String, Object> plan(String noteTaker) {
        return Map.of("guideId", CAREGIVERS_GUIDE, "format", "GROUP_DISCUSSION", "heldOn", LocalDate.now().toString(),
                "startsAt", "10:00:00", "endsAt", "11:30:00", "location", "Community hall", "noteTakerUsername", noteTaker,
                "composition", "MIXED");
    }
}
