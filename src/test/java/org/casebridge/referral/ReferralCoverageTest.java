package org.casebridge.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
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

/**
 * {@code referralCoverage} answers what {@code createReferral} then does: for every consent purpose of the live schema
 * and every state a consent can be in (current, expired, revoked, not yet valid, given to another agency, none), the
 * coverage it reports for the clinic's agency agrees with whether the referral is made on consent or refused
 * CONSENT_REQUIRED, and whether it may be made with a supervisor's sharing decision agrees with who may give one.
 */
@QuarkusTest
class ReferralCoverageTest {

    static final String COVERAGE = """
            query($c: ID!, $a: [String!]!) { referralCoverage(caseId: $c, agencyCodes: $a) {
              agency { code } covered categories sharingDecisionAllowed consents { id purpose current recipientAgency { code } } } }""";

    /** How a consent to the clinic's agency can stand when the referral is made. */
    enum ConsentState { CURRENT, EXPIRED, REVOKED, NOT_YET_VALID, OTHER_AGENCY, NONE }

    static final String AGENCY = "STLUKE";
    static final List<String> CATEGORIES = List.of("CASE_SUMMARY", "HEALTH");

    private static List<String> purposes() {
        return ok(Tokens.of("cw.amani"), "{ __type(name: \"ConsentPurpose\") { enumValues { name } } }", null)
                .getList("data.__type.enumValues.name");
    }

    /** A new case with one consent of this purpose in this state; returns the case and the consent (null for NONE). */
    private static String[] caseWith(String purpose, ConsentState state) {
        String caseId = Cases.open("cw.amani", "Coverage " + UUID.randomUUID());
        OffsetDateTime now = OffsetDateTime.now();
        String consent = switch (state) {
            case NONE -> null;
            case OTHER_AGENCY -> Cases.consent("cw.amani", caseId, "LAWCENTRE", CATEGORIES, purpose);
            case NOT_YET_VALID -> Cases.consent("cw.amani", caseId, AGENCY, CATEGORIES, purpose, now.plusDays(1), null);
            default -> Cases.consent("cw.amani", caseId, AGENCY, CATEGORIES, purpose);
        };
        if (state == ConsentState.REVOKED) {
            Cases.revoke("cw.amani", consent);
        }
        if (state == ConsentState.EXPIRED) {
            Db.execute("update consent set valid_from = now() - interval '10 days', valid_until = now() - interval '1 minute' where id = ?",
                    Cases.uuid(consent));
        }
        return new String[]{caseId, consent};
    }

    private static Map<String, Object> coverage(String user, String caseId) {
        List<Map<String, Object>> answer = ok(Tokens.of(user), COVERAGE, Map.of("c", caseId, "a", List.of(AGENCY)))
                .getList("data.referralCoverage");
        assertEquals(1, answer.size());
        return answer.get(0);
    }

    private static Map<String, Object> override() {
        return Map.of("kind", "OVERRIDE", "reason", "Imminent danger; she needs care now", "categories", List.of("CASE_SUMMARY"));
    }

    @Test
    void theCoverageAgreesWithWhatCreateReferralThenDoes() {
        List<String> checked = new ArrayList<>();
        for (String purpose : purposes()) {
            for (ConsentState state : ConsentState.values()) {
                String[] made = caseWith(purpose, state);
                String caseId = made[0];
                String what = purpose + " consent " + state;
                Map<String, Object> caseworker = coverage("cw.amani", caseId);
                Map<String, Object> supervisor = coverage("sup.amani", caseId);
                assertEquals(AGENCY, ((Map<?, ?>) caseworker.get("agency")).get("code"));
                boolean covered = (Boolean) caseworker.get("covered");
                assertEquals(covered, supervisor.get("covered"), what + ": the same answer for both roles");

                // what createReferral does without a sharing decision
                JsonPath plain = call(Tokens.of("cw.amani"), Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.CLINIC_CARE)));
                if (covered) {
                    assertEquals((Object) null, plain.get("errors"), what + " is covered, so it is referred on consent: " + plain.prettify());
                    assertEquals("CONSENT", plain.getString("data.createReferral.referral.sharingBasis"), what);
                    // what the coverage says the agency sees is what it sees through the referral
                    String referral = plain.getString("data.createReferral.referral.id");
                    assertEquals(caseworker.get("categories"), ok(Tokens.of("pr.stluke"), "query($id: ID!) { referral(id: $id) { case { sharedCategories } } }",
                            Map.of("id", referral)).getList("data.referral.case.sharedCategories"), what);
                    assertEquals(List.of(made[1]), ((List<?>) caseworker.get("consents")).stream().map(c -> ((Map<?, ?>) c).get("id")).toList(),
                            what + ": the consent that covers it");
                } else {
                    error(plain, "CONSENT_REQUIRED");
                    assertEquals(List.of(), caseworker.get("consents"), what);
                    assertEquals(List.of(), caseworker.get("categories"), what);
                }

                // what it does with a supervisor's sharing decision, for each of the two
                for (Map.Entry<String, Map<String, Object>> asked : Map.of("cw.amani", caseworker, "sup.amani", supervisor).entrySet()) {
                    Map<String, Object> input = Cases.referralInput(caseId, Cases.CLINIC_CARE);
                    input.put("sharingDecision", override());
                    JsonPath decided = call(Tokens.of(asked.getKey()), Cases.CREATE_REFERRAL, Map.of("i", input));
                    boolean allowed = (Boolean) asked.getValue().get("sharingDecisionAllowed");
                    assertEquals(allowed, decided.get("errors") == null, asked.getKey() + ", " + what + ": a sharing decision is taken exactly "
                            + "when the coverage says so: " + decided.prettify());
                    if (!allowed) error(decided, "FORBIDDEN");
                }
                checked.add(what + (covered ? " covered" : ""));
            }
        }
        assertEquals(purposes().size() * ConsentState.values().length, checked.size());
        assertTrue(checked.stream().anyMatch(c -> c.endsWith(" covered")) && checked.stream().anyMatch(c -> !c.endsWith(" covered")),
                "both answers were seen: " + checked);
    }

    /** Several current consents to the agency: the coverage names each, and adds up what they share, like the referral. */
    @Test
    void severalConsentsAddUp() {
        String caseId = Cases.open("cw.amani", "Coverage " + UUID.randomUUID());
        String referralConsent = Cases.consent("cw.amani", caseId, AGENCY, List.of("CASE_SUMMARY"), "REFERRAL");
        String coordination = Cases.consent("cw.amani", caseId, AGENCY, List.of("HEALTH"), "COORDINATION");
        Map<String, Object> coverage = coverage("cw.amani", caseId);
        assertEquals(true, coverage.get("covered"));
        assertEquals(new java.util.TreeSet<>(List.of(referralConsent, coordination)), new java.util.TreeSet<>(((List<?>) coverage.get("consents")).stream()
                .map(c -> (String) ((Map<?, ?>) c).get("id")).toList()));
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        assertEquals(coverage.get("categories"), ok(Tokens.of("pr.stluke"), "query($id: ID!) { referral(id: $id) { case { sharedCategories } } }",
                Map.of("id", referral)).getList("data.referral.case.sharedCategories"));
    }

    /** Whoever may not refer the case is answered as createReferral answers them, and an unknown agency is named. */
    /** Every case status the schema has: where createReferral refuses, the coverage is refused with the same code. */
    @Test
    void aCaseThatTakesNoReferralIsNotAnsweredCovered() {
        List<String> statuses = ok(Tokens.of("cw.amani"), "{ __type(name: \"CaseStatus\") { enumValues { name } } }", null)
                .getList("data.__type.enumValues.name");
        assertTrue(statuses.size() > 1, "the schema's case statuses: " + statuses);
        for (String status : statuses) {
            String caseId = caseWith("REFERRAL", ConsentState.CURRENT)[0];
            Db.execute("update survivor_case set status = ? where id = ?", status, Cases.uuid(caseId));
            JsonPath asked = call(Tokens.of("cw.amani"), COVERAGE, Map.of("c", caseId, "a", List.of(AGENCY)));
            JsonPath referred = call(Tokens.of("cw.amani"), Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.CLINIC_CARE)));
            if (referred.get("errors") == null) {
                assertEquals(Boolean.TRUE, asked.get("data.referralCoverage[0].covered"), status + ": " + asked.prettify());
            } else {
                assertEquals(referred.getString("errors[0].extensions.code"), asked.getString("errors[0].extensions.code"),
                        status + ": createReferral " + referred.prettify() + " coverage " + asked.prettify());
            }
        }
    }

    @Test
    void onlyTheLeadAgencysStaffAskAndAnUnknownAgencyIsRefused() {
        String caseId = caseWith("REFERRAL", ConsentState.CURRENT)[0];
        for (String user : List.of("pr.stluke", "cw.kindred", "sup.kindred", "lead.borno", "admin.amani", "auditor", "fac.borno")) {
            JsonPath asked = call(Tokens.of(user), COVERAGE, Map.of("c", caseId, "a", List.of(AGENCY)));
            JsonPath referred = call(Tokens.of(user), Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.CLINIC_CARE)));
            assertFalse(referred.get("errors") == null, user + " may not refer the case");
            assertEquals(referred.getString("errors[0].extensions.code"), asked.getString("errors[0].extensions.code"), user);
        }
        Map<String, Object> unknown = error(call(Tokens.of("cw.amani"), COVERAGE, Map.of("c", caseId, "a", List.of(AGENCY, "NOSUCH"))),
                "VALIDATION_FAILED");
        assertEquals("agencyCodes", field(unknown));
        assertEquals(List.of(), ok(Tokens.of("cw.amani"), COVERAGE, Map.of("c", caseId, "a", List.of())).getList("data.referralCoverage"));
    }
}
