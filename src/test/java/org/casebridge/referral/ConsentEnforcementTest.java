package org.casebridge.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Field-level consent: a provider sees exactly the categories consented to its agency, now. */
@QuarkusTest
class ConsentEnforcementTest {

    static final String READ = """
            query($id: ID!) { referral(id: $id) {
              id status note service { name }
              case { caseNumber sharedCategories identity { fullName } summary { riskLevel needs } safetyPlan incident healthNotes }
            } }""";

    static Map<String, String> errorsByPath(JsonPath answer) {
        return org.casebridge.support.GraphQLClient.errorsByPath(answer);
    }

    @Test
    void providerSeesExactlyTheConsentedCategories() {
        String caseId = Cases.open("cw.amani", "Amina Consented " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY", "HEALTH"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);

        JsonPath answer = call(Tokens.of("pr.stluke"), READ, Map.of("id", referral));
        assertEquals("REQUESTED", answer.getString("data.referral.status"));
        assertEquals("Needs care", answer.getString("data.referral.note"));
        assertEquals("HIGH", answer.getString("data.referral.case.summary.riskLevel"));
        assertTrue(answer.getString("data.referral.case.healthNotes").startsWith("Health notes of"));
        assertEquals(List.of("CASE_SUMMARY", "HEALTH"), answer.getList("data.referral.case.sharedCategories"));
        assertNull(answer.get("data.referral.case.identity"));
        assertNull(answer.get("data.referral.case.incident"));
        assertNull(answer.get("data.referral.case.safetyPlan"));
        assertEquals(Map.of("referral.case.identity", "CONSENT_REQUIRED", "referral.case.incident", "CONSENT_REQUIRED",
                "referral.case.safetyPlan", "CONSENT_REQUIRED"), errorsByPath(answer));

        // the same agency's own system sees the same, through its service-account token
        JsonPath system = call(Tokens.serviceAccount("stluke-system", "demo-stluke-secret"), READ, Map.of("id", referral));
        assertEquals(errorsByPath(answer), errorsByPath(system));

        // the lead agency sees everything
        JsonPath lead = ok(Tokens.of("cw.amani"), READ, Map.of("id", referral));
        assertTrue(lead.getString("data.referral.case.identity.fullName").startsWith("Amina Consented"));
        assertNotNull(lead.getString("data.referral.case.incident"));
    }

    @Test
    void revocationStopsAccessOnTheNextRequest() {
        String caseId = Cases.open("cw.amani", "Revoking Survivor " + UUID.randomUUID());
        String consent = Cases.consent("cw.amani", caseId, "LAWCENTRE", List.of("IDENTITY", "CASE_SUMMARY"), "COORDINATION");
        String referral = Cases.refer("cw.amani", caseId, Cases.LEGAL_AID);
        String provider = Tokens.of("pr.lawcentre");
        assertTrue(ok(provider, READ.replace("safetyPlan incident healthNotes", ""), Map.of("id", referral))
                .getString("data.referral.case.identity.fullName").startsWith("Revoking Survivor"));

        Cases.revoke("cw.amani", consent);

        JsonPath after = call(provider, READ, Map.of("id", referral));
        assertEquals("REQUESTED", after.getString("data.referral.status"), "the referral itself still arrives");
        assertNull(after.get("data.referral.case.identity"));
        assertNull(after.get("data.referral.note"));
        assertEquals("CONSENT_REQUIRED", errorsByPath(after).get("referral.case.identity"));
        assertEquals("CONSENT_REQUIRED", errorsByPath(after).get("referral.note"));
        assertEquals(List.of(), after.getList("data.referral.case.sharedCategories"));
    }

    @Test
    void expiredConsentStopsAccess() throws InterruptedException {
        String caseId = Cases.open("cw.amani", "Expiring Consent " + UUID.randomUUID());
        OffsetDateTime now = OffsetDateTime.now();
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL", now.minusDays(1), now.plusSeconds(3));
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        assertEquals("HIGH", ok(Tokens.of("pr.stluke"), "query($id: ID!) { referral(id: $id) { case { summary { riskLevel } } } }",
                Map.of("id", referral)).getString("data.referral.case.summary.riskLevel"));
        Thread.sleep(3_500);
        JsonPath after = call(Tokens.of("pr.stluke"), "query($id: ID!) { referral(id: $id) { case { summary { riskLevel } } } }",
                Map.of("id", referral));
        assertEquals(Map.of("referral.case.summary", "CONSENT_REQUIRED"), errorsByPath(after));
    }

    @Test
    void outsideTheCallersReachAnswersExactlyAsANonExistentId() {
        String caseId = Cases.open("cw.amani", "Hidden Survivor " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        String missing = GlobalId.encode("Referral", UUID.randomUUID());
        for (String user : List.of("pr.safehaven", "cw.kindred", "lead.borno", "auditor", "admin.stluke", "fac.borno")) {
            Map<String, Object> hidden = error(call(Tokens.of(user), READ, Map.of("id", referral)), "NOT_FOUND");
            Map<String, Object> absent = error(call(Tokens.of(user), READ, Map.of("id", missing)), "NOT_FOUND");
            assertEquals(absent.get("message"), hidden.get("message"), user);
            error(call(Tokens.of(user), "query($id: ID!) { case(id: $id) { id } }", Map.of("id", caseId)), "NOT_FOUND");
            error(call(Tokens.of(user), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", caseId)), "NOT_FOUND");
        }
        // the receiving provider reaches the case only through the referral, never directly
        error(call(Tokens.of("pr.stluke"), "query($id: ID!) { case(id: $id) { id } }", Map.of("id", caseId)), "NOT_FOUND");
    }

    @Test
    void sensitiveReadsAreAuditedWithTheirCategories() {
        String caseId = Cases.open("cw.amani", "Audited Read " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "LAWCENTRE", List.of("IDENTITY", "CASE_SUMMARY", "INCIDENT"), "COORDINATION");
        String referral = Cases.refer("cw.amani", caseId, Cases.LEGAL_AID);
        call(Tokens.of("pr.lawcentre"), READ, Map.of("id", referral));
        UUID id = Cases.uuid(caseId);
        var allowed = Db.row("select categories::text as c from audit_entry where case_id = ? and actor_name = 'pr.lawcentre' "
                + "and action = 'case.read' and allowed", id);
        assertEquals("{IDENTITY,INCIDENT}", allowed.get("c"));
        var denied = Db.row("select categories::text as c from audit_entry where case_id = ? and actor_name = 'pr.lawcentre' "
                + "and action = 'case.read' and not allowed", id);
        assertEquals("{HEALTH,SAFETY_PLAN}", denied.get("c"));

        var history = ok(Tokens.of("sup.amani"), "query($id: ID!) { accessHistory(caseId: $id) { edges { node { actorName actorAgency action categories allowed } } } }",
                Map.of("id", caseId));
        List<Map<String, Object>> entries = history.getList("data.accessHistory.edges.node");
        assertTrue(entries.stream().anyMatch(e -> "pr.lawcentre".equals(e.get("actorName")) && Boolean.TRUE.equals(e.get("allowed"))
                && List.of("IDENTITY", "INCIDENT").equals(e.get("categories"))), entries::toString);
        error(call(Tokens.of("pr.lawcentre"), "query($id: ID!) { accessHistory(caseId: $id) { totalCount } }", Map.of("id", caseId)), "NOT_FOUND");
    }
}
