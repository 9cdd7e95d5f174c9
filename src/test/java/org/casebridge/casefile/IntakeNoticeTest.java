package org.casebridge.casefile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Step 1: a case is opened only with the intake notice — confidentiality limits, the obligation to report, her consent. */
@QuarkusTest
class IntakeNoticeTest {

    static final String OPEN = "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id intakeNotice { toldHow consentGivenBy "
            + "mandatoryReportingExplained recordedByName } } } }";
    /** From the module: what she must have been told, and agreed to, before a case is opened. */
    static final Set<String> MUST_BE_TRUE = Set.of("confidentialityLimitsExplained", "mandatoryReportingExplained", "consentToCaseManagement");

    static long cases() {
        return Db.count("select count(*) from survivor_case");
    }

    static Map<String, Object> input(Map<String, Object> notice) {
        Map<String, Object> input = new HashMap<>(Map.of("identity", Map.of("fullName", "Intake " + UUID.randomUUID(),
                "dateOfBirth", "1996-04-04"), "needs", List.of("HEALTH")));
        if (notice != null) input.put("intakeNotice", notice);
        return input;
    }

    @Test
    void everyStatementTheNoticeNeedsMustBeTrueOrTheCaseIsNotOpened() {
        List<Map<String, Object>> fields = ok(Tokens.of("cw.amani"), "{ __type(name: \"IntakeNoticeInput\") { inputFields { name type { kind ofType { name } } } } }",
                Map.of()).getList("data.__type.inputFields");
        Set<String> booleans = new java.util.TreeSet<>();
        fields.stream().filter(f -> "Boolean".equals(((Map<?, ?>) ((Map<?, ?>) f.get("type")).get("ofType")) == null ? null
                : ((Map<?, ?>) ((Map<?, ?>) f.get("type")).get("ofType")).get("name"))).forEach(f -> booleans.add((String) f.get("name")));
        Set<String> expected = new java.util.TreeSet<>(MUST_BE_TRUE);
        expected.add("interpreterUsed");
        assertEquals(expected, booleans, "every yes/no of the notice has its expectation");

        long before = cases();
        for (String statement : MUST_BE_TRUE) {
            Map<String, Object> notice = new HashMap<>(Cases.intakeNotice());
            notice.put(statement, false);
            var refused = error(call(Tokens.of("cw.amani"), OPEN, Map.of("i", input(notice))), "VALIDATION_FAILED");
            assertEquals("input.intakeNotice." + statement, field(refused));
        }
        error(call(Tokens.of("cw.amani"), OPEN, Map.of("i", input(null))), "VALIDATION_FAILED");
        assertEquals(before, cases(), "no case was opened");
        assertEquals(0, Db.count("select count(*) from case_intake_notice n left join survivor_case c on c.id = n.case_id where c.id is null"));
    }

    @Test
    void theNoticeIsRecordedWithTheCaseAndReadByTheLeadAgencyOnly() {
        Map<String, Object> notice = new HashMap<>(Cases.intakeNotice());
        notice.put("consentGivenBy", "CAREGIVER");
        JsonPath opened = ok(Tokens.of("cw.amani"), OPEN, Map.of("i", input(notice)));
        String caseId = opened.getString("data.openCase.case.id");
        assertEquals("CAREGIVER", opened.getString("data.openCase.case.intakeNotice.consentGivenBy"));
        assertEquals("cw.amani", opened.getString("data.openCase.case.intakeNotice.recordedByName"));
        assertEquals(1, Db.count("select count(*) from case_intake_notice where case_id = ? and mandatory_reporting_explained",
                Cases.uuid(caseId)));

        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "IDENTITY"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        assertNull(ok(Tokens.of("pr.stluke"), "query($id: ID!) { referral(id: $id) { case { intakeNotice { toldHow } } } }",
                Map.of("id", referral)).get("data.referral.case.intakeNotice"));
    }
}
