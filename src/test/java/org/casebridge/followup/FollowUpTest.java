package org.casebridge.followup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

/** Follow-up (step 5): scheduling, outcomes, failed attempts, the last successful contact, and what is overdue. */
@QuarkusTest
class FollowUpTest {

    static final String SCHEDULE = "mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { followUp { id status version } } }";
    static final String RECORD = """
            mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) {
              followUp { id status version contactAt psychosocialState failedAttempts { note } } nextFollowUp { id scheduledAt } } }""";
    static final String OVERDUE = "{ overdueFollowUps(first: 100) { totalCount edges { node { id overdue case { caseNumber } } } } }";

    static String schedule(String user, String caseId, OffsetDateTime at) {
        return ok(Tokens.of(user), SCHEDULE, Map.of("i", Map.of("caseId", caseId,
                "schedule", Map.of("at", at.toString(), "place", "AMANI office", "mode", "IN_PERSON"))))
                .getString("data.scheduleFollowUp.followUp.id");
    }

    static long followUps(String caseId) {
        return Db.count("select count(*) from follow_up where case_id = ?", Cases.uuid(caseId));
    }

    static OffsetDateTime lastContact(String caseId) {
        return ((java.sql.Timestamp) Db.row("select last_contact_at from survivor_case where id = ?", Cases.uuid(caseId))
                .get("last_contact_at")).toInstant().atOffset(ZoneOffset.UTC);
    }

    @Test
    void aFailedAttemptIsKeptAndTheFollowUpStaysDueThenContactMovesTheLastContact() {
        String caseId = Cases.open("cw.amani", "Follow-up " + UUID.randomUUID());
        String followUp = schedule("cw.amani", caseId, OffsetDateTime.now().plusSeconds(1));
        OffsetDateTime opened = lastContact(caseId);

        JsonPath failed = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", Map.of("id", followUp, "version", 0, "contactMade", false,
                "at", OffsetDateTime.now().toString(), "mode", "PHONE", "attemptNote", "Phone switched off")));
        assertEquals("SCHEDULED", failed.getString("data.recordFollowUp.followUp.status"));
        assertEquals(List.of("Phone switched off"), failed.getList("data.recordFollowUp.followUp.failedAttempts.note"));
        assertEquals(opened, lastContact(caseId), "a failed attempt is not a contact");

        OffsetDateTime contact = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Map<String, Object> outcome = new HashMap<>(Map.of("id", followUp, "version", failed.getInt("data.recordFollowUp.followUp.version"),
                "contactMade", true, "at", contact.toString(), "safetyReassessed", true, "safetyPlanUpdated", true,
                "safetyNotes", "Moved to her aunt", "psychosocialState", "Calmer; sleeping better", "newNeeds", "School fees"));
        outcome.put("nextFollowUp", Map.of("at", OffsetDateTime.now().plusDays(14).toString(), "mode", "HOME_VISIT"));
        outcome = org.casebridge.support.CaseWork.withContact(outcome);
        JsonPath recorded = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", outcome));
        assertEquals("COMPLETED", recorded.getString("data.recordFollowUp.followUp.status"));
        assertEquals("Calmer; sleeping better", recorded.getString("data.recordFollowUp.followUp.psychosocialState"));
        assertEquals(contact.toInstant(), lastContact(caseId).toInstant());
        assertEquals(2, followUps(caseId), "the next follow-up is scheduled");
        assertTrue(Db.count("select count(*) from audit_entry where case_id = ? and action = 'followup.record' and 'HEALTH' = any(categories)",
                Cases.uuid(caseId)) == 1);

        error(call(Tokens.of("cw.amani"), RECORD, Map.of("i", outcome)), "INVALID_TRANSITION");
    }

    @Test
    void overdueFollowUpsAreTheCaseworkersOwnAndTheSupervisorsWholeAgency() {
        String mine = Cases.open("cw.amani", "Overdue mine " + UUID.randomUUID());
        String colleagues = Cases.open("cw2.amani", "Overdue colleague " + UUID.randomUUID());
        String due = schedule("cw.amani", mine, OffsetDateTime.now().plusSeconds(1));
        String theirs = schedule("cw2.amani", colleagues, OffsetDateTime.now().plusSeconds(1));
        String later = schedule("cw.amani", mine, OffsetDateTime.now().plusDays(3));
        Db.execute("update follow_up set scheduled_at = now() - interval '2 days' where id in (?, ?)",
                GlobalId.decode(due, "id").uuid(), GlobalId.decode(theirs, "id").uuid());

        List<String> caseworker = ok(Tokens.of("cw.amani"), OVERDUE, null).getList("data.overdueFollowUps.edges.node.id");
        assertTrue(caseworker.contains(due));
        assertFalse(caseworker.contains(theirs), "a caseworker lists her own cases only");
        assertFalse(caseworker.contains(later));
        List<String> supervisor = ok(Tokens.of("sup.amani"), OVERDUE, null).getList("data.overdueFollowUps.edges.node.id");
        assertTrue(supervisor.containsAll(List.of(due, theirs)));
        assertFalse(ok(Tokens.of("sup.kindred"), OVERDUE, null).getList("data.overdueFollowUps.edges.node.id").contains(due));
        for (String user : List.of("pr.stluke", "lead.borno", "auditor")) {
            error(call(Tokens.of(user), OVERDUE), "FORBIDDEN");
        }
    }

    @Test
    void impossibleDatesAreRefusedAndNothingIsStored() {
        String caseId = Cases.open("cw.amani", "Dates " + UUID.randomUUID());
        for (String at : List.of("1900-01-01T10:00:00Z", OffsetDateTime.now().minusDays(1).toString(), "2999-01-01T10:00:00Z")) {
            var refused = error(call(Tokens.of("cw.amani"), SCHEDULE, Map.of("i", Map.of("caseId", caseId,
                    "schedule", Map.of("at", at, "mode", "PHONE")))), "VALIDATION_FAILED");
            assertEquals("input.schedule.at", field(refused), at);
        }
        assertEquals(0, followUps(caseId));

        String followUp = schedule("cw.amani", caseId, OffsetDateTime.now().plusSeconds(1));
        var future = error(call(Tokens.of("cw.amani"), RECORD, Map.of("i", Map.of("id", followUp, "version", 0, "contactMade", true,
                "at", OffsetDateTime.now().plusDays(2).toString()))), "VALIDATION_FAILED");
        assertEquals("input.at", field(future));
        assertEquals("SCHEDULED", Db.row("select status from follow_up where id = ?", GlobalId.decode(followUp, "id").uuid()).get("status"));
    }

    @Test
    void anotherAgencyCannotScheduleOrRecordAndFindsNothing() {
        String caseId = Cases.open("cw.amani", "Foreign " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "HEALTH"), "REFERRAL");
        for (String user : List.of("pr.stluke", "cw.kindred", "lead.borno")) {
            error(call(Tokens.of(user), SCHEDULE, Map.of("i", Map.of("caseId", caseId,
                    "schedule", Map.of("at", OffsetDateTime.now().plusDays(1).toString(), "mode", "PHONE")))), "NOT_FOUND");
        }
        String followUp = schedule("cw.amani", caseId, OffsetDateTime.now().plusDays(1));
        error(call(Tokens.of("pr.stluke"), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", followUp)), "NOT_FOUND");
        assertEquals(1, followUps(caseId));
    }
}
