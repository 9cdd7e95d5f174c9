package org.casebridge.conference;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An action item's moves: {@code ActionItem.nextStatuses} offers each agency exactly the moves {@code updateActionItem}
 * then makes for it, for every pair of statuses the live schema has; nothing here lists the moves.
 */
@QuarkusTest
class ActionItemLifecycleTest {

    static final String ITEMS = """
            query($id: ID!) { conference(id: $id) { minutes { actionItems { id status version nextStatuses assignedAgency { code } } } } }""";

    /** Who works for each agency an item may be assigned to here: the lead agency and the invited one. */
    static final Map<String, String> STAFF = Map.of("AMANI", "cw.amani", "STLUKE", "pr.stluke");

    /** A conference of a new case, St Luke's invited on a conference consent, with an item for each agency of STAFF. */
    private static String conferenceWithItems() {
        String caseId = ConferenceTest.consentedCase();
        String conference = ok(Tokens.of("cw.amani"), ConferenceTest.CALL, Map.of("i", ConferenceTest.callInput(caseId,
                List.of(Map.of("agencyCode", "STLUKE"))))).getString("data.callConference.conference.id");
        for (String agency : STAFF.keySet()) {
            ok(Tokens.of("cw.amani"), ConferenceTest.ADD_ITEM, Map.of("i", Map.of("conferenceId", conference, "assignedAgencyCode", agency,
                    "description", "Follow up for " + agency, "dueOn", LocalDate.now().plusDays(3).toString())));
        }
        return conference;
    }

    private static List<String> statuses() {
        return ok(Tokens.of("cw.amani"), "{ __type(name: \"ActionItemStatus\") { enumValues { name } } }", null)
                .getList("data.__type.enumValues.name");
    }

    /** The item of {@code agency} as {@code user} reads it in the conference's minutes. */
    private static Map<String, Object> item(String user, String conference, String agency) {
        List<Map<String, Object>> items = ok(Tokens.of(user), ITEMS, Map.of("id", conference)).getList("data.conference.minutes.actionItems");
        return items.stream().filter(i -> agency.equals(((Map<?, ?>) i.get("assignedAgency")).get("code"))).findFirst().orElseThrow();
    }

    private static JsonPath update(String user, Map<String, Object> item, String status) {
        Map<String, Object> input = new HashMap<>(Map.of("id", item.get("id"), "version", item.get("version"), "status", status));
        input.put("completionNote", "What was done");
        return call(Tokens.of(user), ConferenceTest.UPDATE_ITEM, Map.of("i", input));
    }

    private static void putIn(Map<String, Object> item, String status) {
        Db.execute("update action_item set status = ?, completion_note = null where id = ?", status, Cases.uuid((String) item.get("id")));
    }

    @Test
    void eachAgencyIsOfferedExactlyTheMovesUpdateActionItemMakesForIt() {
        String conference = conferenceWithItems();
        List<String> statuses = statuses();
        assertTrue(statuses.size() >= 3, "the schema's statuses: " + statuses);
        List<String> offeredToAssigned = new ArrayList<>();
        for (String agency : STAFF.keySet()) {
            String itemId = (String) item("cw.amani", conference, agency).get("id");
            for (String from : statuses) {
                for (String to : statuses) {
                    for (String user : STAFF.values()) {
                        putIn(item("cw.amani", conference, agency), from);
                        Map<String, Object> item = item(user, conference, agency);
                        assertEquals(from, item.get("status"));
                        boolean offered = ((List<?>) item.get("nextStatuses")).contains(to);
                        JsonPath answer = update(user, item, to);
                        boolean made = answer.get("errors") == null;
                        String move = user + " on " + agency + "'s item " + from + " -> " + to;
                        assertEquals(offered, made, move + " is offered exactly when updateActionItem makes it: " + answer.prettify());
                        assertEquals(made ? to : from, Db.row("select status from action_item where id = ?", Cases.uuid(itemId)).get("status"), move);
                        if (offered) {
                            assertEquals(STAFF.get(agency), user, "only the assigned agency is offered a move: " + move);
                            offeredToAssigned.add(agency + ":" + from + ">" + to);
                        }
                    }
                }
            }
        }
        assertFalse(offeredToAssigned.isEmpty(), "some move is offered and made");
        // both items have the same machine: what is offered depends on the status, not on which agency holds it
        assertEquals(new TreeSet<>(offeredToAssigned.stream().filter(m -> m.startsWith("AMANI:")).map(m -> m.substring(6)).toList()),
                new TreeSet<>(offeredToAssigned.stream().filter(m -> m.startsWith("STLUKE:")).map(m -> m.substring(7)).toList()));
    }

    /** A closed case's action items are read-only: no move is offered, and none is made. */
    @Test
    void aClosedCasesActionItemOffersNoMove() {
        String conference = conferenceWithItems();
        Map<String, Object> open = item("pr.stluke", conference, "STLUKE");
        assertFalse(((List<?>) open.get("nextStatuses")).isEmpty(), "an open item offers its agency moves: " + open);
        Db.execute("update survivor_case set status = 'CLOSED' where id = (select case_id from conference where id = ?)", Cases.uuid(conference));
        for (Map.Entry<String, String> staff : STAFF.entrySet()) {
            Map<String, Object> item = item(staff.getValue(), conference, staff.getKey());
            assertEquals(List.of(), item.get("nextStatuses"), staff.getValue());
            for (String to : statuses()) {
                assertEquals("INVALID_TRANSITION", update(staff.getValue(), item, to).getString("errors[0].extensions.code"), staff + " -> " + to);
            }
        }
    }
}
