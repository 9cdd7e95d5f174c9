package org.casebridge.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.casebridge.support.GraphQLClient.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query and mutation of cases, consent, referrals and audit × every role, from the lead agency, another
 * agency, a consented partner, a partner whose consent was revoked and an unrelated partner. Each cell states
 * the exact outcome; every refused mutation must leave nothing stored and a denied audit entry.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    static final List<String> USERS = List.of("cw.amani", "sup.amani", "cw.kindred", "sup.kindred", "pr.stluke", "pr.lawcentre",
            "pr.safehaven", "admin.amani", "lead.borno", "fac.borno", "auditor");
    static final Set<String> LEAD = Set.of("cw.amani", "sup.amani");
    static final Set<String> CASE_STAFF = Set.of("cw.amani", "sup.amani", "cw.kindred", "sup.kindred");
    static final Set<String> REFERRAL_STAFF = Set.of("cw.amani", "sup.amani", "cw.kindred", "sup.kindred", "pr.stluke", "pr.lawcentre", "pr.safehaven");

    String caseId;
    String consentedReferral;
    String revokedReferral;
    String activity;
    String report;

    /** Built on first use: RestAssured knows the API's port only once a test method runs. */
    void fixture() {
        if (caseId != null) {
            return;
        }
        caseId = Cases.open("cw.amani", "Matrix Survivor " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String lawConsent = Cases.consent("cw.amani", caseId, "LAWCENTRE", List.of("CASE_SUMMARY"), "COORDINATION");
        consentedReferral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        revokedReferral = Cases.refer("cw.amani", caseId, Cases.LEGAL_AID);
        Cases.revoke("cw.amani", lawConsent);
        activity = call(Tokens.of("cw.amani"), RECORD_ACTIVITY, Map.of("i", activityInput(caseId))).getString("data.recordCaseActivity.activity.id");
        report = call(Tokens.of("cw.amani"), RECORD_REPORT, Map.of("i", reportInput(caseId, "cw.amani"))).getString("data.recordMandatoryReport.report.id");
    }

    static final String RECORD_ACTIVITY = "mutation($i: RecordCaseActivityInput!) { recordCaseActivity(input: $i) { activity { id } } }";
    static final String RECORD_OUTCOME = "mutation($i: RecordCaseActivityOutcomeInput!) { recordCaseActivityOutcome(input: $i) { activity { id } } }";
    static final String RECORD_REPORT = "mutation($i: RecordMandatoryReportInput!) { recordMandatoryReport(input: $i) { report { id } } }";

    static Map<String, Object> activityInput(String caseId) {
        return Map.of("caseId", caseId, "kind", "ACCOMPANIMENT", "survivorPresent", true,
                "tookPlaceAt", java.time.OffsetDateTime.now().toString(), "description", "Went with her to the clinic");
    }

    /** A report as {@code user} records it: naming the supervisor consulted, or, for that supervisor herself, why none was. */
    static Map<String, Object> reportInput(String caseId, String user) {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.now();
        Map<String, Object> input = new java.util.HashMap<>(Map.ofEntries(Map.entry("caseId", caseId), Map.entry("authorityKind", "POLICE"), Map.entry("authorityName", "Gwange division"),
                Map.entry("reportedAt", at.toString()), Map.entry("reportedHow", "IN_PERSON"), Map.entry("informationShared", "What happened"),
                Map.entry("categoriesShared", List.of("INCIDENT")), Map.entry("survivorToldBeforehand", true),
                Map.entry("survivorToldWhat", "What, to whom, what next"), Map.entry("likelyNextSteps", "An officer calls her"),
                Map.entry("protectionNeedsDiscussed", "She stays with her sister"), Map.entry("supervisorConsultedName", "sup.amani"),
                Map.entry("supervisorConsultedAt", at.minusMinutes(10).toString())));
        if (user.equals("sup.amani")) {
            input.remove("supervisorConsultedName");
            input.remove("supervisorConsultedAt");
            input.put("supervisorNotConsultedBecause", "The reporting supervisor is the agency's only supervisor on duty");
        }
        return input;
    }

    /** "OK" or the error code of the first error. */
    static String outcome(JsonPath answer) {
        List<Map<String, Object>> errors = answer.getList("errors");
        return errors == null || errors.isEmpty() ? "OK" : answer.getString("errors[0].extensions.code");
    }

    private final List<String> failures = new ArrayList<>();

    private void expect(String user, String operation, String expected, JsonPath answer) {
        String actual = outcome(answer);
        if (!expected.equals(actual)) {
            failures.add(operation + " as " + user + ": expected " + expected + ", got " + actual + " " + answer.prettify());
        }
    }

    private String query(String user, String document, Map<String, ?> variables, String operation, String expected) {
        JsonPath answer = call(Tokens.of(user), document, variables);
        expect(user, operation, expected, answer);
        return outcome(answer);
    }

    @Test
    void queries() {
        fixture();
        for (String user : USERS) {
            query(user, "query($id: ID!) { case(id: $id) { id identity { fullName } } }", Map.of("id", caseId), "case",
                    LEAD.contains(user) ? "OK" : "NOT_FOUND");
            query(user, "{ cases(first: 5) { totalCount } }", Map.of(), "cases", CASE_STAFF.contains(user) ? "OK" : "FORBIDDEN");
            query(user, "query($id: ID!) { consents(caseId: $id) { id } }", Map.of("id", caseId), "consents",
                    LEAD.contains(user) ? "OK" : "NOT_FOUND");
            query(user, "query($id: ID!) { accessHistory(caseId: $id) { totalCount } }", Map.of("id", caseId), "accessHistory",
                    LEAD.contains(user) ? "OK" : "NOT_FOUND");
            query(user, "{ auditLog(first: 1) { totalCount } }", Map.of(), "auditLog", user.equals("auditor") ? "OK" : "FORBIDDEN");
            query(user, "query($id: ID!) { referral(id: $id) { status case { summary { riskLevel } } } }", Map.of("id", consentedReferral),
                    "referral (consented)", LEAD.contains(user) || user.equals("pr.stluke") ? "OK" : "NOT_FOUND");
            query(user, "query($id: ID!) { referral(id: $id) { status case { summary { riskLevel } } } }", Map.of("id", revokedReferral),
                    "referral (revoked)", LEAD.contains(user) ? "OK" : user.equals("pr.lawcentre") ? "CONSENT_REQUIRED" : "NOT_FOUND");
            for (String object : List.of(activity, report)) {
                query(user, "query($id: ID!) { node(id: $id) { id } }", Map.of("id", object), "node(" + SentinelFixture.typeOf(object) + ")",
                        LEAD.contains(user) ? "OK" : "NOT_FOUND");
            }
            if (user.equals("pr.stluke")) {
                JsonPath through = call(Tokens.of(user), "query($id: ID!) { referral(id: $id) { case { activities { id } "
                        + "mandatoryReports { id } intakeNotice { toldHow } currentStep } } }", Map.of("id", consentedReferral));
                if (!List.of().equals(through.getList("data.referral.case.activities")) || !List.of().equals(through.getList("data.referral.case.mandatoryReports"))
                        || through.get("data.referral.case.intakeNotice") != null || through.get("data.referral.case.currentStep") != null) {
                    failures.add("the case's own records through St Luke's referral: " + through.prettify());
                }
            }
            for (String list : List.of("referralsReceived", "referralsSent")) {
                String result = query(user, "{ " + list + "(first: 100) { edges { node { id } } } }", Map.of(), list,
                        (list.equals("referralsSent") ? CASE_STAFF : REFERRAL_STAFF).contains(user) ? "OK" : "FORBIDDEN");
                if ("OK".equals(result)) {
                    List<String> ids = call(Tokens.of(user), "{ " + list + "(first: 100) { edges { node { id } } } }").getList("data." + list + ".edges.node.id");
                    boolean sees = ids.contains(consentedReferral);
                    boolean shouldSee = list.equals("referralsSent") ? LEAD.contains(user) : user.equals("pr.stluke");
                    if (sees != shouldSee) {
                        failures.add(list + " as " + user + ": sees the referral = " + sees);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    /** A refused mutation: nothing changed in {@code stored}, one more denied audit entry for {@code action} by {@code user}. */
    private void refused(String user, String operation, String expected, String action, Supplier<Long> stored, Supplier<JsonPath> attempt) {
        long before = stored.get();
        long deniedBefore = Db.count("select count(*) from audit_entry where actor_name = ? and action = ? and not allowed", user, action);
        expect(user, operation, expected, attempt.get());
        if (stored.get() != before) {
            failures.add(operation + " as " + user + ": refused but stored");
        }
        long deniedAfter = Db.count("select count(*) from audit_entry where actor_name = ? and action = ? and not allowed", user, action);
        if (deniedAfter != deniedBefore + 1) {
            failures.add(operation + " as " + user + ": " + (deniedAfter - deniedBefore) + " denied audit entries instead of 1");
        }
    }

    @Test
    void mutations() {
        fixture();
        UUID caseUuid = Cases.uuid(caseId);
        Function<String, JsonPath> openCase = user -> call(Tokens.of(user), "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id } } }",
                Map.of("i", Map.of("identity", Map.of("fullName", "Opened by " + user), "intakeNotice", Cases.intakeNotice())));
        for (String user : USERS) {
            String token = Tokens.of(user);
            Supplier<Long> cases = () -> Db.count("select count(*) from survivor_case");
            if (CASE_STAFF.contains(user)) {
                expect(user, "openCase", "OK", openCase.apply(user));
            } else {
                refused(user, "openCase", "FORBIDDEN", "case.open", cases, () -> openCase.apply(user));
            }

            Supplier<Long> caseVersion = () -> ((Number) Db.row("select version from survivor_case where id = ?", caseUuid).get("version")).longValue();
            Supplier<JsonPath> update = () -> call(token, "mutation($i: UpdateCaseInput!) { updateCase(input: $i) { case { version } } }",
                    Map.of("i", Map.of("id", caseId, "version", caseVersion.get().intValue(), "serviceRequested", "by " + user)));
            if (LEAD.contains(user)) {
                expect(user, "updateCase", "OK", update.get());
            } else {
                refused(user, "updateCase", "NOT_FOUND", "case.update", caseVersion, update);
            }

            Supplier<Long> consents = () -> Db.count("select count(*) from consent where case_id = ?", caseUuid);
            Supplier<JsonPath> record = () -> call(token, "mutation($i: RecordConsentInput!) { recordConsent(input: $i) { consent { id } } }",
                    Map.of("i", Map.of("caseId", caseId, "recipientAgencyCode", "SAFEHAVEN", "categories", List.of("CASE_SUMMARY"),
                            "purpose", "REFERRAL", "givenBy", "SURVIVOR", "obtainedHow", "VERBAL")));
            if (LEAD.contains(user)) {
                expect(user, "recordConsent", "OK", record.get());
            } else {
                refused(user, "recordConsent", "NOT_FOUND", "consent.record", consents, record);
            }

            String consent = Cases.consent("cw.amani", caseId, "SAFEHAVEN", List.of("CASE_SUMMARY"), "REFERRAL");
            Supplier<Long> revoked = () -> Db.count("select count(*) from consent where case_id = ? and revoked_at is not null", caseUuid);
            Supplier<JsonPath> revoke = () -> call(token, "mutation($i: RevokeConsentInput!) { revokeConsent(input: $i) { consent { id } } }",
                    Map.of("i", Map.of("id", consent)));
            if (LEAD.contains(user)) {
                expect(user, "revokeConsent", "OK", revoke.get());
            } else {
                refused(user, "revokeConsent", "NOT_FOUND", "consent.revoke", revoked, revoke);
            }

            Supplier<Long> referrals = () -> Db.count("select count(*) from referral where case_id = ?", caseUuid);
            Supplier<JsonPath> refer = () -> call(token, Cases.CREATE_REFERRAL, Map.of("i", Cases.referralInput(caseId, Cases.CLINIC_CARE)));
            if (LEAD.contains(user)) {
                expect(user, "createReferral", "OK", refer.get());
            } else {
                refused(user, "createReferral", "NOT_FOUND", "referral.create", referrals, refer);
            }

            Supplier<Long> activities = () -> Db.count("select count(*) from case_activity where case_id = ?", caseUuid);
            Supplier<JsonPath> recordActivity = () -> call(token, RECORD_ACTIVITY, Map.of("i", activityInput(caseId)));
            if (LEAD.contains(user)) {
                expect(user, "recordCaseActivity", "OK", recordActivity.get());
            } else {
                refused(user, "recordCaseActivity", "NOT_FOUND", "activity.record", activities, recordActivity);
            }

            Supplier<Long> outcomes = () -> Db.count("select count(*) from case_activity_outcome where activity_id = ?", Cases.uuid(activity));
            Supplier<JsonPath> recordOutcome = () -> call(token, RECORD_OUTCOME, Map.of("i", Map.of("id", activity,
                    "version", Db.count("select version from case_activity where id = ?", Cases.uuid(activity)), "outcome", "Seen by " + user)));
            if (LEAD.contains(user)) {
                expect(user, "recordCaseActivityOutcome", "OK", recordOutcome.get());
            } else {
                refused(user, "recordCaseActivityOutcome", "NOT_FOUND", "activity.outcome", outcomes, recordOutcome);
            }

            Supplier<Long> reports = () -> Db.count("select count(*) from mandatory_report where case_id = ?", caseUuid);
            Supplier<Long> decisions = () -> Db.count("select count(*) from sharing_decision where case_id = ?", caseUuid);
            long decisionsBefore = decisions.get();
            Supplier<JsonPath> recordReport = () -> call(token, RECORD_REPORT, Map.of("i", reportInput(caseId, user)));
            if (LEAD.contains(user)) {
                expect(user, "recordMandatoryReport", "OK", recordReport.get());
            } else {
                refused(user, "recordMandatoryReport", "NOT_FOUND", "mandatoryreport.record", reports, recordReport);
            }
            if (decisions.get() != decisionsBefore) {
                failures.add("recordMandatoryReport as " + user + ": made a sharing decision");
            }

            String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            Supplier<Long> accepted = () -> Db.count("select count(*) from referral where id = ? and status = 'ACCEPTED'", Cases.uuid(referral));
            Supplier<JsonPath> accept = () -> call(token, Cases.CHANGE_STATUS, Map.of("i", Map.of("id", referral, "version", 0, "status", "ACCEPTED")));
            if (user.equals("pr.stluke")) {
                expect(user, "changeReferralStatus", "OK", accept.get());
            } else {
                refused(user, "changeReferralStatus", LEAD.contains(user) ? "FORBIDDEN" : "NOT_FOUND", "referral.transition", accepted, accept);
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        assertEquals(0, failures.size());
    }
}
