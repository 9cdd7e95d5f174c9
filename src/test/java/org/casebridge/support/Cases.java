package org.casebridge.support;

import org.casebridge.graphql.GlobalId;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.ok;

/** Builds survivor cases, consents and referrals through the API, as the lead agency's staff would. */
public final class Cases {

    /** Demo services (see db/demo/01-directory.sql). */
    public static final String CLINIC_CARE = GlobalId.encode("Service", UUID.fromString("b0000000-0000-4000-8000-000000000001"));
    public static final String COUNSELLING = GlobalId.encode("Service", UUID.fromString("b0000000-0000-4000-8000-000000000002"));
    public static final String LEGAL_AID = GlobalId.encode("Service", UUID.fromString("b0000000-0000-4000-8000-000000000003"));
    public static final String SHELTER = GlobalId.encode("Service", UUID.fromString("b0000000-0000-4000-8000-000000000004"));

    private Cases() {
    }

    public static UUID uuid(String globalId) {
        return GlobalId.decode(globalId, "id").uuid();
    }

    /** The intake notice of step 1 as a caseworker records it: she was told, and consented to case management. */
    public static Map<String, Object> intakeNotice() {
        return Map.of("confidentialityLimitsExplained", true, "mandatoryReportingExplained", true, "toldHow", "VERBAL_AND_WRITTEN",
                "language", "Hausa", "interpreterUsed", false, "consentGivenBy", "SURVIVOR", "consentToCaseManagement", true,
                "consentObtainedHow", "WRITTEN");
    }

    /** Opens a case for {@code fullName} as {@code caseworker}; returns its global ID. */
    public static String open(String caseworker, String fullName) {
        return open(caseworker, openInput(fullName));
    }

    /** Opens a case from an {@code openCase} input (say {@link #openInput} with a field changed); returns its global ID. */
    public static String open(String caseworker, Map<String, Object> input) {
        return ok(Tokens.of(caseworker), "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id } } }",
                Map.of("i", input)).getString("data.openCase.case.id");
    }

    /** The input of {@code openCase} for a survivor called {@code fullName}, with every category filled. */
    public static Map<String, Object> openInput(String fullName) {
        Map<String, Object> input = new HashMap<>();
        input.put("identity", Map.of("fullName", fullName, "dateOfBirth", "1995-05-05", "phone", "+234 800 555 0000",
                "address", "Test street 1"));
        input.put("needs", List.of("HEALTH", "LEGAL"));
        input.put("riskLevel", "HIGH");
        input.put("ageBand", "AGE_25_59");
        input.put("sex", "FEMALE");
        input.put("safetyPlan", "Safety plan of the survivor");
        input.put("incident", "Incident of the survivor");
        input.put("healthNotes", "Health notes of the survivor");
        input.put("reportingConsent", true);
        input.put("intakeNotice", intakeNotice());
        return input;
    }

    public static String consent(String caseworker, String caseId, String agency, List<String> categories, String purpose) {
        return consent(caseworker, caseId, agency, categories, purpose, null, null);
    }

    public static String consent(String caseworker, String caseId, String agency, List<String> categories, String purpose,
                                 OffsetDateTime validFrom, OffsetDateTime validUntil) {
        Map<String, Object> input = new HashMap<>(Map.of("caseId", caseId, "recipientAgencyCode", agency, "categories", categories,
                "purpose", purpose, "givenBy", "SURVIVOR", "obtainedHow", "WRITTEN"));
        if (validFrom != null) input.put("validFrom", validFrom.toString());
        if (validUntil != null) input.put("validUntil", validUntil.toString());
        return ok(Tokens.of(caseworker), "mutation($i: RecordConsentInput!) { recordConsent(input: $i) { consent { id } } }",
                Map.of("i", input)).getString("data.recordConsent.consent.id");
    }

    public static void revoke(String caseworker, String consentId) {
        ok(Tokens.of(caseworker), "mutation($i: RevokeConsentInput!) { revokeConsent(input: $i) { consent { revokedAt } } }",
                Map.of("i", Map.of("id", consentId, "note", "Survivor changed her mind")));
    }

    public static final String CREATE_REFERRAL = """
            mutation($i: CreateReferralInput!) { createReferral(input: $i) { referral { id status version sharingBasis } } }""";

    public static Map<String, Object> referralInput(String caseId, String serviceId) {
        return new HashMap<>(Map.of("caseId", caseId, "serviceId", serviceId, "urgency", "URGENT", "note", "Needs care"));
    }

    public static String refer(String caseworker, String caseId, String serviceId) {
        return ok(Tokens.of(caseworker), CREATE_REFERRAL, Map.of("i", referralInput(caseId, serviceId)))
                .getString("data.createReferral.referral.id");
    }

    public static final String CHANGE_STATUS = """
            mutation($i: ChangeReferralStatusInput!) { changeReferralStatus(input: $i) { referral { id status version } } }""";

    public static int version(String token, String referralId) {
        return ok(token, "query($id: ID!) { referral(id: $id) { version } }", Map.of("id", referralId)).getInt("data.referral.version");
    }

    /** Moves a referral as {@code user}, with the version it currently has. */
    public static io.restassured.path.json.JsonPath move(String user, String referralId, String status, Map<String, Object> extra) {
        String token = Tokens.of(user);
        Map<String, Object> input = new HashMap<>(extra);
        input.put("id", referralId);
        input.put("status", status);
        input.putIfAbsent("version", version(Tokens.of("cw.amani"), referralId));
        return GraphQLClient.call(token, CHANGE_STATUS, Map.of("i", input));
    }
}
