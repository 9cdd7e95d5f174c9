package org.casebridge.casefile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.CaseWork;
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
import java.util.function.Consumer;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Case activities between referrals (module 14, step 4): recorded on the case, contact when she was there, lead agency only. */
@QuarkusTest
class CaseActivityTest {

    static final String RECORD = """
            mutation($i: RecordCaseActivityInput!) { recordCaseActivity(input: $i) { activity {
              id kind tookPlaceAt survivorPresent withWhom description referralId goalId outcome performedByName } } }""";
    static final String ACTIVITIES = """
            query($id: ID!) { case(id: $id) { lastContactAt currentStep activities { id kind survivorPresent referralId goalId } } }""";

    static Map<String, Object> input(String caseId, String kind, boolean present, OffsetDateTime at) {
        Map<String, Object> input = new HashMap<>(Map.of("caseId", caseId, "kind", kind, "survivorPresent", present,
                "tookPlaceAt", at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), "description", "Went with her to the clinic and waited with her"));
        input.put("withWhom", "Nurse on duty");
        input.put("outcome", "She was seen the same day");
        return input;
    }

    static long activities(String caseId) {
        return Db.count("select count(*) from case_activity where case_id = ?", Cases.uuid(caseId));
    }

    static OffsetDateTime lastContact(String caseId) {
        return ((java.sql.Timestamp) Db.row("select last_contact_at from survivor_case where id = ?", Cases.uuid(caseId))
                .get("last_contact_at")).toInstant().atOffset(ZoneOffset.UTC);
    }

    @Test
    void anActivityWithHerIsListedOnTheCaseLinkedToItsReferralAndGoalAndCountsAsContact() {
        String caseId = Cases.open("cw.amani", "Accompanied " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        String goal = CaseWork.addGoal("cw.amani", caseId, "STLUKE");
        OffsetDateTime opened = lastContact(caseId);

        Map<String, Object> advocacy = input(caseId, "ADVOCACY_POLICE_PROTECTION", false, OffsetDateTime.now());
        advocacy.put("description", "Asked the division for patrols near her sister's house");
        JsonPath away = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", advocacy));
        assertEquals("ADVOCACY_POLICE_PROTECTION", away.getString("data.recordCaseActivity.activity.kind"));
        assertEquals(opened.toInstant(), lastContact(caseId).toInstant(), "she was not there: no contact");

        Map<String, Object> accompaniment = input(caseId, "ACCOMPANIMENT", true, OffsetDateTime.now().plusSeconds(1));
        accompaniment.put("referralId", referral);
        accompaniment.put("goalId", goal);
        JsonPath with = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", accompaniment));
        assertEquals(referral, with.getString("data.recordCaseActivity.activity.referralId"));
        assertEquals(goal, with.getString("data.recordCaseActivity.activity.goalId"));
        assertEquals("cw.amani", with.getString("data.recordCaseActivity.activity.performedByName"));
        assertEquals(OffsetDateTime.parse(with.getString("data.recordCaseActivity.activity.tookPlaceAt")).toInstant(),
                lastContact(caseId).toInstant());

        JsonPath read = ok(Tokens.of("sup.amani"), ACTIVITIES, Map.of("id", caseId));
        assertEquals(List.of("ADVOCACY_POLICE_PROTECTION", "ACCOMPANIMENT"), read.getList("data.case.activities.kind"));
        assertEquals("IMPLEMENTATION", read.getString("data.case.currentStep"));
        assertEquals(2, Db.count("select count(*) from audit_entry where action = 'activity.record' and case_id = ? and allowed",
                Cases.uuid(caseId)));
    }

    @Test
    void badActivitiesAreRefusedNamingTheFieldAndNothingIsStored() {
        String caseId = Cases.open("cw.amani", "Refused activity " + UUID.randomUUID());
        String other = Cases.open("cw.amani", "Other case " + UUID.randomUUID());
        Cases.consent("cw.amani", other, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String othersReferral = Cases.refer("cw.amani", other, Cases.CLINIC_CARE);
        String othersGoal = CaseWork.addGoal("cw.amani", other, "STLUKE");
        OffsetDateTime before = lastContact(caseId);

        Map<String, Consumer<Map<String, Object>>> breakers = new java.util.LinkedHashMap<>();
        breakers.put("input.referralId", i -> i.put("referralId", othersReferral));
        breakers.put("input.goalId", i -> i.put("goalId", othersGoal));
        breakers.put("input.tookPlaceAt", i -> i.put("tookPlaceAt", OffsetDateTime.now().plusHours(2).toString()));
        breakers.put("input.description", i -> i.put("description", "   "));
        breakers.forEach((expectedField, breaker) -> {
            Map<String, Object> input = input(caseId, "EMOTIONAL_SUPPORT", true, OffsetDateTime.now());
            breaker.accept(input);
            var refused = error(call(Tokens.of("cw.amani"), RECORD, Map.of("i", input)), "VALIDATION_FAILED");
            assertEquals(expectedField, field(refused));
        });
        Map<String, Object> beforeOpening = input(caseId, "EMOTIONAL_SUPPORT", true, before.minusDays(1));
        assertEquals("input.tookPlaceAt", field(error(call(Tokens.of("cw.amani"), RECORD, Map.of("i", beforeOpening)), "VALIDATION_FAILED")));
        assertEquals(0, activities(caseId));
        assertEquals(before.toInstant(), lastContact(caseId).toInstant());
    }

    @Test
    void noOtherAgencyRecordsOrSeesActivitiesEvenThroughAReferral() {
        String caseId = Cases.open("cw.amani", "Private activity " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "HEALTH", "CASE_PLAN"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        String activity = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", input(caseId, "INFORMATION_ABOUT_GBV", true,
                OffsetDateTime.now()))).getString("data.recordCaseActivity.activity.id");

        JsonPath through = ok(Tokens.of("pr.stluke"), "query($id: ID!) { referral(id: $id) { case { activities { id } currentStep } } }",
                Map.of("id", referral));
        assertEquals(List.of(), through.getList("data.referral.case.activities"));
        assertNull(through.getString("data.referral.case.currentStep"));
        for (String outsider : List.of("pr.stluke", "cw.kindred", "sup.kindred")) {
            error(call(Tokens.of(outsider), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", activity)), "NOT_FOUND");
            error(call(Tokens.of(outsider), RECORD, Map.of("i", input(caseId, "DIRECT_SERVICE", true, OffsetDateTime.now()))), "NOT_FOUND");
        }
        assertEquals(1, activities(caseId));
        assertEquals(3, Db.count("select count(*) from audit_entry where action = 'activity.record' and case_id = ? and not allowed",
                Cases.uuid(caseId)));
    }

    static final String OUTCOME = """
            mutation($i: RecordCaseActivityOutcomeInput!) { recordCaseActivityOutcome(input: $i) { activity {
              id outcome version outcomeHistory { revision outcome recordedByName } } } }""";

    static long outcomes(String activity) {
        return Db.count("select count(*) from case_activity_outcome where activity_id = ?", Cases.uuid(activity));
    }

    @Test
    void anOutcomeKnownLaterIsRecordedWithTheVersionReadAndEveryEarlierOneIsKept() {
        String caseId = Cases.open("cw.amani", "Outcome later " + UUID.randomUUID());
        Map<String, Object> accompaniment = input(caseId, "ACCOMPANIMENT", true, OffsetDateTime.now());
        accompaniment.remove("outcome");
        String activity = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", accompaniment)).getString("data.recordCaseActivity.activity.id");
        assertEquals(0, outcomes(activity));

        JsonPath first = ok(Tokens.of("cw.amani"), OUTCOME, Map.of("i", Map.of("id", activity, "version", 0,
                "outcome", "The clinic gave her an appointment for Friday")));
        assertEquals("The clinic gave her an appointment for Friday", first.getString("data.recordCaseActivityOutcome.activity.outcome"));
        assertEquals(1, first.getInt("data.recordCaseActivityOutcome.activity.version"));
        JsonPath second = ok(Tokens.of("sup.amani"), OUTCOME, Map.of("i", Map.of("id", activity, "version", 1,
                "outcome", "Seen on Friday; treatment started")));
        assertEquals(List.of("The clinic gave her an appointment for Friday", "Seen on Friday; treatment started"),
                second.getList("data.recordCaseActivityOutcome.activity.outcomeHistory.outcome"), "the earlier outcome is kept");
        assertEquals(List.of("cw.amani", "sup.amani"), second.getList("data.recordCaseActivityOutcome.activity.outcomeHistory.recordedByName"));
        assertEquals(2, Db.count("select count(*) from audit_entry where action = 'activity.outcome' and target_id = ? and allowed",
                Cases.uuid(activity)));

        Map<String, Map<String, Object>> breakers = new java.util.LinkedHashMap<>();
        breakers.put("CONFLICT", Map.of("id", activity, "version", 1, "outcome", "Written on a stale copy"));
        breakers.put("VALIDATION_FAILED input.outcome", Map.of("id", activity, "version", 2, "outcome", "  "));
        breakers.put("NOT_FOUND", Map.of("id", caseId, "version", 2, "outcome", "An ID of another type"));
        breakers.forEach((expected, bad) -> {
            String[] codeAndField = expected.split(" ");
            Map<String, Object> refused = error(call(Tokens.of("cw.amani"), OUTCOME, Map.of("i", bad)), codeAndField[0]);
            if (codeAndField.length > 1) {
                assertEquals(codeAndField[1], field(refused), expected);
            }
        });
        for (String outsider : List.of("pr.stluke", "cw.kindred", "sup.kindred")) {
            error(call(Tokens.of(outsider), OUTCOME, Map.of("i", Map.of("id", activity, "version", 2, "outcome", "Not theirs"))), "NOT_FOUND");
        }
        CaseWork.requestClosure("cw.amani", CaseWork.closureInput(caseId, "SURVIVOR_REQUEST", List.of()));
        error(call(Tokens.of("cw.amani"), OUTCOME, Map.of("i", Map.of("id", activity, "version", 2, "outcome", "After closure was requested"))),
                "INVALID_TRANSITION");
        assertEquals(2, outcomes(activity), "no refused outcome is stored");
        assertEquals("Seen on Friday; treatment started", Db.row("select outcome from case_activity where id = ?", Cases.uuid(activity)).get("outcome"));
        assertEquals(2, Db.count("select version from case_activity where id = ?", Cases.uuid(activity)));
    }
}
