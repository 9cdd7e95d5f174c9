package org.casebridge.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Creating a referral needs a covering consent or a supervisor's recorded decision, checked on the server. */
@QuarkusTest
class ReferralCreationTest {

    private static long referralsOf(String caseId) {
        return Db.count("select count(*) from referral where case_id = ?", Cases.uuid(caseId));
    }

    private static long denied(String caseId, String action) {
        return Db.count("select count(*) from audit_entry where case_id = ? and action = ? and not allowed", Cases.uuid(caseId), action);
    }

    private static Map<String, Object> mandatoryReport() {
        Map<String, Object> decision = new HashMap<>();
        decision.put("kind", "MANDATORY_REPORT");
        decision.put("reason", "Child at risk of serious harm");
        decision.put("categories", List.of("IDENTITY", "CASE_SUMMARY", "INCIDENT"));
        decision.put("authority", "State Ministry of Women Affairs, child protection desk");
        decision.put("informationShared", "Name, age, what happened and where she stays");
        decision.put("survivorInformedBeforehand", true);
        decision.put("nextStepsExplained", "A social welfare officer will visit within a week");
        return decision;
    }

    @Test
    void noConsentNoReferral() {
        String caseId = Cases.open("cw.amani", "No Consent " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "CASE_CONFERENCE");
        error(call(Tokens.of("cw.amani"), Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.CLINIC_CARE))), "CONSENT_REQUIRED");
        assertEquals(0, referralsOf(caseId));
        assertEquals(1, denied(caseId, "referral.create"));
    }

    @Test
    void revokedConsentNoReferral() {
        String caseId = Cases.open("cw.amani", "Revoked Consent " + UUID.randomUUID());
        Cases.revoke("cw.amani", Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL"));
        error(call(Tokens.of("cw.amani"), Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.CLINIC_CARE))), "CONSENT_REQUIRED");
        assertEquals(0, referralsOf(caseId));
    }

    @Test
    void consentToAnotherAgencyDoesNotCover() {
        String caseId = Cases.open("cw.amani", "Wrong Agency " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "LAWCENTRE", List.of("CASE_SUMMARY"), "REFERRAL");
        error(call(Tokens.of("cw.amani"), Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.CLINIC_CARE))), "CONSENT_REQUIRED");
        assertEquals(0, referralsOf(caseId));
    }

    @Test
    void onlyASupervisorMayShareWithoutConsentAndMustRecordTheReport() {
        String caseId = Cases.open("cw.amani", "Mandatory Report " + UUID.randomUUID());
        Map<String, Object> input = Cases.referralInput(caseId, Cases.CLINIC_CARE);
        input.put("sharingDecision", mandatoryReport());
        error(call(Tokens.of("cw.amani"), Cases.CREATE_REFERRAL, Map.of("i", input)), "FORBIDDEN");
        assertEquals(1, denied(caseId, "referral.create"));

        @SuppressWarnings("unchecked")
        Map<String, Object> decision = (Map<String, Object>) input.get("sharingDecision");
        decision.put("survivorInformedBeforehand", false);
        assertEquals("input.sharingDecision.survivorInformedBeforehand",
                field(error(call(Tokens.of("sup.amani"), Cases.CREATE_REFERRAL, Map.of("i", input)), "VALIDATION_FAILED")));
        decision.put("survivorInformedBeforehand", true);
        decision.remove("authority");
        assertEquals("input.sharingDecision.authority",
                field(error(call(Tokens.of("sup.amani"), Cases.CREATE_REFERRAL, Map.of("i", input)), "VALIDATION_FAILED")));
        assertEquals(0, referralsOf(caseId));
        assertEquals(0, Db.count("select count(*) from sharing_decision where case_id = ?", Cases.uuid(caseId)));

        input.put("sharingDecision", mandatoryReport());
        var created = ok(Tokens.of("sup.amani"), Cases.CREATE_REFERRAL, Map.of("i", input));
        assertEquals("MANDATORY_REPORT", created.getString("data.createReferral.referral.sharingBasis"));
        assertEquals(1, Db.count("select count(*) from audit_entry where case_id = ? and action = 'sharing.mandatory_report' and allowed"
                + " and categories @> '{IDENTITY,INCIDENT}'", Cases.uuid(caseId)));
        // the receiving agency sees what the decision shared, and nothing else
        var read = call(Tokens.of("pr.stluke"), "query($id: ID!) { referral(id: $id) { case { identity { fullName } healthNotes } } }",
                Map.of("id", created.getString("data.createReferral.referral.id")));
        assertEquals(true, read.getString("data.referral.case.identity.fullName").startsWith("Mandatory Report"));
        assertEquals("CONSENT_REQUIRED", read.getString("errors[0].extensions.code"));
    }

    @Test
    void anotherAgencyCannotReferTheCase() {
        String caseId = Cases.open("cw.amani", "Other Agency " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "SAFEHAVEN", List.of("CASE_SUMMARY"), "REFERRAL");
        for (String user : List.of("cw.kindred", "sup.kindred", "pr.stluke", "admin.amani", "lead.borno", "fac.borno", "auditor")) {
            var answer = call(Tokens.of(user), Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.SHELTER)));
            error(answer, "NOT_FOUND");
        }
        assertEquals(0, referralsOf(caseId));
        assertEquals(7, denied(caseId, "referral.create"));
    }

    @Test
    void retriedCreateMakesOneReferralAndOneAuditEntry() {
        String caseId = Cases.open("cw.amani", "Retry " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        Map<String, Object> input = Cases.referralInput(caseId, Cases.CLINIC_CARE);
        input.put("idempotencyKey", UUID.randomUUID().toString());
        String first = ok(Tokens.of("cw.amani"), Cases.CREATE_REFERRAL, Map.of("i", input)).getString("data.createReferral.referral.id");
        String second = ok(Tokens.of("cw.amani"), Cases.CREATE_REFERRAL, Map.of("i", input)).getString("data.createReferral.referral.id");
        assertEquals(first, second);
        assertEquals(1, referralsOf(caseId));
        assertEquals(1, Db.count("select count(*) from audit_entry where case_id = ? and action = 'referral.create'", Cases.uuid(caseId)));
    }
}
