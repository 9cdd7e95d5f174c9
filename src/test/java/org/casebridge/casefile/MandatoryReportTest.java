package org.casebridge.casefile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.KeycloakUsers;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

/** Mandatory reports as their own record (module 14): the module's fields, what was not done says why, lead agency only, never a grant. */
@QuarkusTest
public class MandatoryReportTest {

    public static final String RECORD = """
            mutation($i: RecordMandatoryReportInput!) { recordMandatoryReport(input: $i) { report {
              id authorityKind authorityName categoriesShared survivorToldBeforehand survivorToldWhat notToldBeforehandBecause
              likelyNextSteps protectionNeedsDiscussed supervisorConsultedName supervisorNotConsultedBecause recordedByName } } }""";

    public static Map<String, Object> input(String caseId) {
        OffsetDateTime reported = OffsetDateTime.now();
        Map<String, Object> input = new HashMap<>(Map.of("caseId", caseId, "authorityKind", "CHILD_PROTECTION_AUTHORITY",
                "authorityName", "State child protection office, Maiduguri", "reportedAt", reported.toString(),
                "reportedHow", "PHONE", "informationShared", "Her age and that a forced marriage is planned",
                "categoriesShared", List.of("CASE_SUMMARY", "INCIDENT"), "survivorToldBeforehand", true,
                "likelyNextSteps", "A social worker visits the family within a week",
                "protectionNeedsDiscussed", "She stays with her aunt until the visit"));
        input.put("survivorToldWhat", "What will be shared, with the child protection office, and that a social worker will visit");
        input.put("supervisorConsultedName", "sup.amani");
        input.put("supervisorConsultedAt", reported.minusHours(1).toString());
        return input;
    }

    public static long reports(String caseId) {
        return Db.count("select count(*) from mandatory_report where case_id = ?", Cases.uuid(caseId));
    }

    @Test
    void aReportToAnAuthorityOutsideTheDirectoryIsRecordedAuditedAndGrantsNobodyAnything() {
        String caseId = Cases.open("cw.amani", "Reported " + UUID.randomUUID());
        long decisionsBefore = Db.count("select count(*) from sharing_decision where case_id = ?", Cases.uuid(caseId));
        JsonPath recorded = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", input(caseId)));
        assertEquals("CHILD_PROTECTION_AUTHORITY", recorded.getString("data.recordMandatoryReport.report.authorityKind"));
        assertEquals(List.of("CASE_SUMMARY", "INCIDENT"), recorded.getList("data.recordMandatoryReport.report.categoriesShared"));
        assertEquals("sup.amani", recorded.getString("data.recordMandatoryReport.report.supervisorConsultedName"));
        String report = recorded.getString("data.recordMandatoryReport.report.id");

        assertEquals(List.of(report), ok(Tokens.of("sup.amani"), "query($id: ID!) { case(id: $id) { mandatoryReports { id } } }",
                Map.of("id", caseId)).getList("data.case.mandatoryReports.id"));
        assertEquals(1, Db.count("""
                select count(*) from audit_entry where action = 'mandatoryreport.record' and case_id = ? and allowed
                and categories @> '{CASE_SUMMARY,INCIDENT}'""", Cases.uuid(caseId)));
        assertEquals(decisionsBefore, Db.count("select count(*) from sharing_decision where case_id = ?", Cases.uuid(caseId)));
        for (String outsider : List.of("pr.stluke", "pr.lawcentre", "cw.kindred")) {
            error(call(Tokens.of(outsider), "query($id: ID!) { case(id: $id) { id } }", Map.of("id", caseId)), "NOT_FOUND");
            error(call(Tokens.of(outsider), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", report)), "NOT_FOUND");
        }
    }

    @Test
    void whatCouldNotBeDoneBeforeReportingIsRecordedWithWhyNotAsDone() {
        String caseId = Cases.open("cw.amani", "Emergency report " + UUID.randomUUID());
        Map<String, Object> input = input(caseId);
        input.put("survivorToldBeforehand", false);
        input.remove("survivorToldWhat");
        input.put("notToldBeforehandBecause", "She was unconscious at the hospital; told the next morning");
        input.remove("supervisorConsultedName");
        input.remove("supervisorConsultedAt");
        input.put("supervisorNotConsultedBecause", "Night of the assault; the supervisor could not be reached");
        JsonPath recorded = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", input));
        assertEquals(false, recorded.getBoolean("data.recordMandatoryReport.report.survivorToldBeforehand"));
        assertNull(recorded.getString("data.recordMandatoryReport.report.supervisorConsultedName"));
        assertEquals(1, reports(caseId));
    }

    @Test
    void aReportMissingWhatTheModuleAsksIsRefusedNamingTheFieldAndNothingIsStored() {
        String caseId = Cases.open("cw.amani", "Refused report " + UUID.randomUUID());
        Map<String, Consumer<Map<String, Object>>> breakers = new LinkedHashMap<>();
        breakers.put("input.survivorToldWhat", i -> i.remove("survivorToldWhat"));
        breakers.put("input.notToldBeforehandBecause", i -> {
            i.put("survivorToldBeforehand", false);
            i.remove("survivorToldWhat");
        });
        breakers.put("input.supervisorNotConsultedBecause", i -> {
            i.remove("supervisorConsultedName");
            i.remove("supervisorConsultedAt");
        });
        breakers.put("input.supervisorConsultedAt", i -> i.remove("supervisorConsultedAt"));
        breakers.put("input.supervisorConsultedAt ", i -> i.put("supervisorConsultedAt", OffsetDateTime.now().toString()));
        breakers.put("input.categoriesShared", i -> i.put("categoriesShared", List.of()));
        breakers.put("input.protectionNeedsDiscussed", i -> i.put("protectionNeedsDiscussed", " "));
        breakers.put("input.reportedAt", i -> i.put("reportedAt", OffsetDateTime.now().plusDays(1).toString()));
        breakers.forEach((expectedField, breaker) -> {
            Map<String, Object> input = input(caseId);
            breaker.accept(input);
            var refused = error(call(Tokens.of("cw.amani"), RECORD, Map.of("i", input)), "VALIDATION_FAILED");
            assertEquals(expectedField.trim(), field(refused), expectedField);
        });
        assertEquals(0, reports(caseId));
    }

    @Test
    void noOtherAgencyRecordsOrSeesReportsEvenThroughAReferral() {
        String caseId = Cases.open("cw.amani", "Report route " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "INCIDENT", "HEALTH"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        ok(Tokens.of("cw.amani"), RECORD, Map.of("i", input(caseId)));
        assertEquals(List.of(), ok(Tokens.of("pr.stluke"), "query($id: ID!) { referral(id: $id) { case { mandatoryReports { id } } } }",
                Map.of("id", referral)).getList("data.referral.case.mandatoryReports"));
        for (String outsider : List.of("pr.stluke", "cw.kindred")) {
            error(call(Tokens.of(outsider), RECORD, Map.of("i", input(caseId))), "NOT_FOUND");
        }
        assertEquals(1, reports(caseId));
        assertEquals(2, Db.count("select count(*) from audit_entry where action = 'mandatoryreport.record' and case_id = ? and not allowed",
                Cases.uuid(caseId)));
    }

    @Test
    void theSupervisorConsultedIsASupervisorOfTheReportingAgencyElseTheReportIsRefusedAndNothingStored() {
        String caseId = Cases.open("cw.amani", "Supervisor named " + UUID.randomUUID());
        Map<String, String> breakers = new LinkedHashMap<>();
        breakers.put("cw.amani", "a caseworker of the agency, not a supervisor");
        breakers.put("sup.kindred", "a supervisor of another agency");
        breakers.put("Mrs Supervisor", "nobody Casebridge knows");
        breakers.forEach((named, why) -> {
            Map<String, Object> input = input(caseId);
            input.put("supervisorConsultedName", named);
            assertEquals("input.supervisorConsultedName",
                    field(error(call(Tokens.of("cw.amani"), RECORD, Map.of("i", input)), "VALIDATION_FAILED")), why);
        });
        assertEquals("input.supervisorConsultedName", field(error(call(Tokens.of("sup.amani"), RECORD, Map.of("i", input(caseId))),
                "VALIDATION_FAILED")), "a supervisor reporting does not consult herself");
        assertEquals(0, reports(caseId));

        Map<String, Object> anyCase = input(caseId);
        anyCase.put("supervisorConsultedName", "SUP.AMANI");
        String report = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", anyCase)).getString("data.recordMandatoryReport.report.id");
        assertEquals("0746d904-ae9f-5db7-8c2f-626f25c46c0b", Db.row("select supervisor_consulted_subject from mandatory_report where id = ?",
                Cases.uuid(report)).get("supervisor_consulted_subject"), "the name is bound to the supervisor's subject");
    }

    @Test
    void aSupervisorIsKnownOnceTheyHaveActedInCasebridge() {
        String username = "sup" + UUID.randomUUID().toString().substring(0, 8) + ".amani";
        String subject = KeycloakUsers.create(username, "AMANI", "Borno", "supervisor");
        try {
            String caseId = Cases.open("cw.amani", "New supervisor " + UUID.randomUUID());
            Map<String, Object> input = input(caseId);
            input.put("supervisorConsultedName", username);
            assertEquals("input.supervisorConsultedName", field(error(call(Tokens.of("cw.amani"), RECORD, Map.of("i", input)), "VALIDATION_FAILED")),
                    "a supervisor who never used Casebridge is not known to it yet");
            ok(KeycloakUsers.token(username), "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id } } }",
                    Map.of("i", Map.of("identity", Map.of("fullName", "Opened by the new supervisor " + UUID.randomUUID()),
                            "intakeNotice", Cases.intakeNotice())));
            String report = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", input)).getString("data.recordMandatoryReport.report.id");
            assertEquals(subject, Db.row("select supervisor_consulted_subject from mandatory_report where id = ?", Cases.uuid(report))
                    .get("supervisor_consulted_subject"));
            assertEquals(0, Db.count("select count(*) from agency_supervisor where subject = ? and agency_code <> 'AMANI'", subject));
        } finally {
            KeycloakUsers.delete(subject);
        }
    }
}
