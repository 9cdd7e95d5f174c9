package org.casebridge.access;

import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.CaseWork;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.GraphQLClient;
import org.casebridge.support.Tokens;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.casebridge.support.GraphQLClient.ok;

/**
 * The sentinel walk's fixture: survivor cases of AMANI and KINDRED in which every information category holds
 * unique sentinel strings, with the routes (referrals, conference invitations, action items) the scenarios open
 * and close, and — written down as data, from the scenario's intent, not from the server — what each route is
 * expected to grant to the agency it is addressed to.
 */
final class SentinelFixture {

    static final List<String> ALL = List.of("IDENTITY", "CASE_SUMMARY", "SAFETY_PLAN", "INCIDENT", "HEALTH", "CASE_PLAN", "CONFERENCE");
    /** Follow-up texts outside the seven categories (place, challenges, new needs...): the lead agency's only. */
    static final String LEAD_ONLY = "LEAD_ONLY";

    static final String KINDRED_CP = GlobalId.encode("Service", java.util.UUID.fromString("b0000000-0000-4000-8000-000000000006"));

    record Planted(String text, int caseNo, String category, String where) {
    }

    /** A route: a referral or an invitation, addressed to {@code agency}; what it grants when open. */
    record Route(String kind, String id, int caseNo, String agency, boolean open, Set<String> grant, String intent) {
        Set<String> effective() {
            return open ? grant : Set.of();
        }
    }

    record Item(String id, String conferenceId, String agency) {
    }

    final Map<String, Planted> planted = new LinkedHashMap<>();
    final Map<Integer, String> caseLead = new TreeMap<>();
    final Map<Integer, String> caseIds = new TreeMap<>();
    final Map<String, Integer> caseNoById = new HashMap<>();
    final Map<String, Route> referrals = new LinkedHashMap<>();
    /** conferenceId|agency → route. */
    final Map<String, Route> invitations = new LinkedHashMap<>();
    final Map<String, Integer> conferenceCase = new LinkedHashMap<>();
    final Map<String, Item> items = new LinkedHashMap<>();
    final Map<String, List<String>> idsByType = new TreeMap<>();
    /** Findings of the fixture itself (a mutation the rules refuse that the server accepted). */
    final List<String> fixtureViolations = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private int counter;

    String s(int caseNo, String category) {
        String text = "SNTL-C" + caseNo + "-" + category + "-" + (++counter);
        planted.put(text, new Planted(text, caseNo, category, null));
        return text;
    }

    int mark() {
        return counter;
    }

    /** A refused creation stored nothing: its sentinels were never planted. */
    void unplantAfter(int mark) {
        planted.keySet().removeIf(text -> Integer.parseInt(text.substring(text.lastIndexOf('-') + 1)) > mark);
    }

    private void id(String globalId) {
        String type = GlobalId.decode(globalId, "id").type();
        idsByType.computeIfAbsent(type, k -> new ArrayList<>()).add(globalId);
    }

    static String typeOf(String globalId) {
        return GlobalId.decode(globalId, "id").type();
    }

    static Set<String> set(String... categories) {
        return new LinkedHashSet<>(List.of(categories));
    }

    // --- building blocks, through the API as the demo users ----------------------------------------------------

    String open(String caseworker, int caseNo, String leadAgency) {
        Map<String, Object> identity = Map.of("fullName", "Name " + s(caseNo, "IDENTITY"), "dateOfBirth", "1995-05-05",
                "phone", s(caseNo, "IDENTITY"), "address", "Street " + s(caseNo, "IDENTITY"));
        Map<String, Object> input = new HashMap<>();
        input.put("identity", identity);
        input.put("needs", List.of("HEALTH", "LEGAL"));
        input.put("riskLevel", "HIGH");
        input.put("ageBand", "AGE_25_59");
        input.put("sex", "FEMALE");
        input.put("serviceRequested", "Wants " + s(caseNo, "CASE_SUMMARY"));
        input.put("safetyPlan", "Plan " + s(caseNo, "SAFETY_PLAN"));
        input.put("incident", "Incident " + s(caseNo, "INCIDENT"));
        input.put("healthNotes", "Health " + s(caseNo, "HEALTH"));
        input.put("reportingConsent", true);
        Map<String, Object> notice = new HashMap<>(Cases.intakeNotice());
        notice.put("note", "Told " + s(caseNo, LEAD_ONLY));
        input.put("intakeNotice", notice);
        String id = ok(Tokens.of(caseworker), "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id } } }",
                Map.of("i", input)).getString("data.openCase.case.id");
        caseLead.put(caseNo, leadAgency);
        caseIds.put(caseNo, id);
        caseNoById.put(id, caseNo);
        id(id);
        return id;
    }

    String consent(String caseworker, int caseNo, String agency, String purpose, String... categories) {
        String id = Cases.consent(caseworker, caseIds.get(caseNo), agency, List.of(categories), purpose);
        id(id);
        return id;
    }

    static Map<String, Object> override(String... categories) {
        return Map.of("kind", "OVERRIDE", "reason", "Imminent danger; the supervisor decided to share", "categories", List.of(categories));
    }

    static Map<String, Object> mandatoryReport(String... categories) {
        Map<String, Object> d = new HashMap<>(Map.of("kind", "MANDATORY_REPORT", "reason", "Child at risk: the law requires a report",
                "categories", List.of(categories), "authority", "State social welfare", "informationShared", "The safety plan",
                "survivorInformedBeforehand", true, "nextStepsExplained", "A social worker will visit"));
        return d;
    }

    JsonPath referralCall(String user, int caseNo, String service, Map<String, Object> decision) {
        Map<String, Object> input = Cases.referralInput(caseIds.get(caseNo), service);
        input.put("note", "Needs " + s(caseNo, "CASE_SUMMARY"));
        if (decision != null) input.put("sharingDecision", decision);
        return GraphQLClient.call(Tokens.of(user), Cases.CREATE_REFERRAL, Map.of("i", input));
    }

    String refer(String user, int caseNo, String service, Map<String, Object> decision, String agency, boolean open,
                 Set<String> grant, String intent) {
        JsonPath answer = referralCall(user, caseNo, service, decision);
        if (answer.get("errors") != null) throw new AssertionError("fixture referral refused: " + answer.prettify());
        String id = answer.getString("data.createReferral.referral.id");
        route(id, caseNo, agency, open, grant, intent);
        return id;
    }

    void route(String referralId, int caseNo, String agency, boolean open, Set<String> grant, String intent) {
        referrals.put(referralId, new Route("referral", referralId, caseNo, agency, open, grant, intent));
        if (!idsByType.getOrDefault("Referral", List.of()).contains(referralId)) id(referralId);
    }

    /** Closes or reopens the expectation of a referral (after a move). */
    void expect(String referralId, boolean open, String intent) {
        Route r = referrals.get(referralId);
        referrals.put(referralId, new Route(r.kind(), r.id(), r.caseNo(), r.agency(), open, r.grant(), r.intent() + "; " + intent));
    }

    void move(String user, String token, String referralId, String status, Map<String, Object> extra) {
        int version = ok(token, "query($id: ID!) { referral(id: $id) { version } }", Map.of("id", referralId)).getInt("data.referral.version");
        Map<String, Object> input = new HashMap<>(extra);
        input.put("id", referralId);
        input.put("status", status);
        input.put("version", version);
        ok(token, Cases.CHANGE_STATUS, Map.of("i", input));
    }

    void move(String user, String referralId, String status, Map<String, Object> extra) {
        move(user, Tokens.of(user), referralId, status, extra);
    }

    void goals(String user, int caseNo, String responsible) {
        for (int g = 0; g < 2; g++) {
            JsonPath added = ok(Tokens.of(user), """
                    mutation($i: AddActionPlanGoalInput!) { addActionPlanGoal(input: $i) { goal { id version } } }""",
                    Map.of("i", Map.of("caseId", caseIds.get(caseNo), "needArea", "HEALTH", "goal", "Goal " + s(caseNo, "CASE_PLAN"),
                            "actions", "Actions " + s(caseNo, "CASE_PLAN"), "responsibleAgencyCode", responsible)));
            String goal = added.getString("data.addActionPlanGoal.goal.id");
            id(goal);
            ok(Tokens.of(user), """
                    mutation($i: ReviseActionPlanGoalInput!) { reviseActionPlanGoal(input: $i) { goal { id version } } }""",
                    Map.of("i", Map.of("id", goal, "version", added.getInt("data.addActionPlanGoal.goal.version"),
                            "goal", "Revised " + s(caseNo, "CASE_PLAN"), "note", "Because " + s(caseNo, "CASE_PLAN"), "status", "IN_PROGRESS")));
        }
    }

    void followUps(String user, int caseNo) {
        String caseId = caseIds.get(caseNo);
        String schedule = "mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { followUp { id version } } }";
        JsonPath scheduled = ok(Tokens.of(user), schedule, Map.of("i", Map.of("caseId", caseId, "schedule",
                Map.of("at", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1).toString(), "mode", "IN_PERSON", "place", "At " + s(caseNo, LEAD_ONLY)))));
        String followUp = scheduled.getString("data.scheduleFollowUp.followUp.id");
        id(followUp);
        Map<String, Object> record = new HashMap<>(Map.of("id", followUp, "version", scheduled.getInt("data.scheduleFollowUp.followUp.version"),
                "contactMade", true, "at", OffsetDateTime.now(ZoneOffset.UTC).toString(), "safetyReassessed", true, "safetyPlanUpdated", true,
                "safetyNotes", "Safety " + s(caseNo, "SAFETY_PLAN"), "psychosocialState", "Mood " + s(caseNo, "HEALTH")));
        record.put("challenges", "Challenge " + s(caseNo, LEAD_ONLY));
        record.put("newNeeds", "Needs " + s(caseNo, LEAD_ONLY));
        record.put("planRevisions", "Revisions " + s(caseNo, LEAD_ONLY));
        record.put("servicesAccessed", "Services " + s(caseNo, LEAD_ONLY));
        record.put("referralOutcomes", "Outcomes " + s(caseNo, LEAD_ONLY));
        List<String> questions = ok(Tokens.of(user), "{ safetyQuestions { id } }", Map.of()).getList("data.safetyQuestions.id");
        record.put("safetyAnswers", questions.stream().map(q -> Map.of("questionId", q, "answer", "UNSURE", "note",
                "Answer " + s(caseNo, LEAD_ONLY))).toList());
        record.put("domains", List.of("SAFETY", "HEALTH", "FAMILY", "SOCIAL_LIFE", "FEELINGS", "SERVICES").stream()
                .map(d -> Map.of("domain", d, "status", "SOME_CONCERNS", "note", d + " " + s(caseNo, LEAD_ONLY))).toList());
        record.put("noNextFollowUpBecause", "Ends " + s(caseNo, LEAD_ONLY));
        List<Map<String, Object>> open = CaseWork.openReferralsNotDiscussed(user, followUp, "Not discussed");
        if (!open.isEmpty()) {
            String why = "Not discussed " + s(caseNo, LEAD_ONLY);
            record.put("referralOutcomeEntries", open.stream().map(e -> Map.of("referralId", e.get("referralId"), "outcome", "NOT_DISCUSSED",
                    "note", why)).toList());
        }
        JsonPath recorded = ok(Tokens.of(user), """
                mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { followUp { id } nextFollowUp { id } } }""", Map.of("i", record));
        // one more, left to fall overdue: it shows in overdueFollowUps
        String overdue = ok(Tokens.of(user), schedule, Map.of("i", Map.of("caseId", caseId, "schedule",
                Map.of("at", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString(), "mode", "PHONE", "place", "At " + s(caseNo, LEAD_ONLY)))))
                .getString("data.scheduleFollowUp.followUp.id");
        id(overdue);
        if (recorded.getString("data.recordFollowUp.nextFollowUp.id") != null) id(recorded.getString("data.recordFollowUp.nextFollowUp.id"));
    }

    /** The lead agency's own records of the case: an activity between referrals and a mandatory report, texts no route grants. */
    void caseRecords(String user, int caseNo) {
        String caseId = caseIds.get(caseNo);
        id(ok(Tokens.of(user), "mutation($i: RecordCaseActivityInput!) { recordCaseActivity(input: $i) { activity { id } } }",
                Map.of("i", Map.of("caseId", caseId, "kind", "ACCOMPANIMENT", "tookPlaceAt", OffsetDateTime.now(ZoneOffset.UTC).toString(),
                        "survivorPresent", true, "withWhom", "With " + s(caseNo, LEAD_ONLY), "description", "Did " + s(caseNo, LEAD_ONLY),
                        "outcome", "Outcome " + s(caseNo, LEAD_ONLY)))).getString("data.recordCaseActivity.activity.id"));
        OffsetDateTime reported = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> report = new HashMap<>(Map.of("caseId", caseId, "authorityKind", "POLICE", "authorityName", "Police " + s(caseNo, LEAD_ONLY),
                "reportedAt", reported.toString(), "reportedHow", "IN_PERSON", "informationShared", "Shared " + s(caseNo, LEAD_ONLY),
                "categoriesShared", List.of("INCIDENT"), "survivorToldBeforehand", true, "likelyNextSteps", "Next " + s(caseNo, LEAD_ONLY),
                "protectionNeedsDiscussed", "Protection " + s(caseNo, LEAD_ONLY)));
        report.put("survivorToldWhat", "Told " + s(caseNo, LEAD_ONLY));
        report.put("supervisorConsultedName", user.endsWith(".kindred") ? "sup.kindred" : "sup.amani");
        report.put("supervisorConsultedAt", reported.minusMinutes(5).toString());
        id(ok(Tokens.of(user), "mutation($i: RecordMandatoryReportInput!) { recordMandatoryReport(input: $i) { report { id } } }",
                Map.of("i", report)).getString("data.recordMandatoryReport.report.id"));
    }

    static final String CALL = """
            mutation($i: CallConferenceInput!) { callConference(input: $i) { conference { id version invitations { agency { code } sharingBasis } } } }""";

    JsonPath conferenceCall(String user, int caseNo, List<Map<String, Object>> invitations) {
        Map<String, Object> input = new HashMap<>(Map.of("caseId", caseIds.get(caseNo),
                "scheduledAt", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).toString(), "place", "AMANI office",
                "purpose", "Purpose " + s(caseNo, "CONFERENCE"), "survivorInvited", true,
                "supportsInvited", "Supports " + s(caseNo, "CONFERENCE"), "invitations", invitations));
        return GraphQLClient.call(Tokens.of(user), CALL, Map.of("i", input));
    }

    String conference(String user, int caseNo, List<Map<String, Object>> invitations) {
        JsonPath called = conferenceCall(user, caseNo, invitations);
        if (called.get("errors") != null) throw new AssertionError("fixture conference refused: " + called.prettify());
        String id = called.getString("data.callConference.conference.id");
        conferenceCase.put(id, caseNo);
        id(id);
        return id;
    }

    void invitation(String conferenceId, String agency, boolean open, Set<String> grant, String intent) {
        invitations.put(conferenceId + "|" + agency, new Route("invitation", conferenceId, conferenceCase.get(conferenceId), agency,
                open, grant, intent));
    }

    /** Minutes with attendance of every invited agency, and an action item for each agency given. */
    void minutes(String user, String conferenceId, List<String> invited, List<String> itemAgencies) {
        int caseNo = conferenceCase.get(conferenceId);
        int version = ok(Tokens.of(user), "query($id: ID!) { conference(id: $id) { version } }", Map.of("id", conferenceId))
                .getInt("data.conference.version");
        List<Map<String, Object>> attendance = new ArrayList<>();
        for (String agency : invited) {
            attendance.add(Map.of("agencyCode", agency, "attended", true, "attendees", "Staff " + s(caseNo, "CONFERENCE")));
        }
        ok(Tokens.of(user), "mutation($i: RecordConferenceInput!) { recordConference(input: $i) { conference { status } } }",
                Map.of("i", Map.of("id", conferenceId, "version", version, "survivorAttended", true,
                        "decisions", "Decided " + s(caseNo, "CONFERENCE"), "progressReviewed", "Progress " + s(caseNo, "CONFERENCE"),
                        "barriersReviewed", "Barriers " + s(caseNo, "CONFERENCE"), "attendance", attendance)));
        for (String agency : itemAgencies) {
            String item = ok(Tokens.of(user), """
                    mutation($i: AddActionItemInput!) { addActionItem(input: $i) { actionItem { id } } }""",
                    Map.of("i", Map.of("conferenceId", conferenceId, "assignedAgencyCode", agency,
                            "description", "Do " + s(caseNo, "CONFERENCE"), "dueOn", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString())))
                    .getString("data.addActionItem.actionItem.id");
            items.put(item, new Item(item, conferenceId, agency));
            id(item);
        }
    }

    // --- the scenarios -------------------------------------------------------------------------------------

    SentinelFixture build() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> none = Map.of();

        // C1 consent in full to St Luke for referral; a referral to KINDRED's child protection on a partial consent
        open("cw.amani", 1, "AMANI");
        consent("cw.amani", 1, "STLUKE", "REFERRAL", ALL.toArray(String[]::new));
        consent("cw.amani", 1, "KINDRED", "REFERRAL", "IDENTITY", "CASE_SUMMARY");
        goals("cw.amani", 1, "STLUKE");
        followUps("cw.amani", 1);
        caseRecords("cw.amani", 1);
        String r1 = refer("cw.amani", 1, Cases.CLINIC_CARE, null, "STLUKE", true, set(ALL.toArray(String[]::new)), "full REFERRAL consent, ACCEPTED");
        move("pr.stluke", r1, "ACCEPTED", none);
        refer("cw.amani", 1, KINDRED_CP, null, "KINDRED", true, set("IDENTITY", "CASE_SUMMARY"), "partial REFERRAL consent to a lead agency, REQUESTED");

        // C2 partial consents; purposes kept apart; a mandatory report on a supervisor's decision
        open("cw.amani", 2, "AMANI");
        consent("cw.amani", 2, "STLUKE", "REFERRAL", "CASE_SUMMARY", "HEALTH");
        consent("cw.amani", 2, "LAWCENTRE", "COORDINATION", "IDENTITY");
        consent("cw.amani", 2, "LAWCENTRE", "CASE_CONFERENCE", "INCIDENT");
        goals("cw.amani", 2, "AMANI");
        refer("cw.amani", 2, Cases.COUNSELLING, null, "STLUKE", true, set("CASE_SUMMARY", "HEALTH"), "partial REFERRAL consent, REQUESTED");
        String r2b = refer("cw.amani", 2, Cases.LEGAL_AID, null, "LAWCENTRE", true, set("IDENTITY"),
                "COORDINATION consent counts for a referral, CASE_CONFERENCE does not; ACCEPTED");
        move("pr.lawcentre", r2b, "ACCEPTED", none);
        refer("sup.amani", 2, Cases.SHELTER, mandatoryReport("SAFETY_PLAN"), "SAFEHAVEN", true, set("SAFETY_PLAN"),
                "mandatory report decision for this referral, no consent");

        // C3 consent revoked after the referral
        open("cw.amani", 3, "AMANI");
        String c3 = consent("cw.amani", 3, "STLUKE", "REFERRAL", ALL.toArray(String[]::new));
        refer("cw.amani", 3, Cases.CLINIC_CARE, null, "STLUKE", true, set(), "consent revoked: grants nothing");
        Cases.revoke("cw.amani", c3);

        // C4 consent expired (valid_until backdated) and a consent not yet in force
        open("cw.amani", 4, "AMANI");
        String c4 = consent("cw.amani", 4, "STLUKE", "REFERRAL", "CASE_SUMMARY", "INCIDENT");
        String future = Cases.consent("cw.amani", caseIds.get(4), "STLUKE", List.of("HEALTH"), "REFERRAL", now.plusDays(5), null);
        id(future);
        refer("cw.amani", 4, Cases.CLINIC_CARE, null, "STLUKE", true, set(), "consent expired, the other not yet valid: grants nothing");
        Db.execute("update consent set valid_from = now() - interval '10 days', valid_until = now() - interval '1 day' where id = ?", Cases.uuid(c4));

        // C5..C9 closed and open ends of referrals to the legal aid centre, on a REFERRAL consent
        String[] lc = {"IDENTITY", "CASE_SUMMARY", "INCIDENT"};
        for (int c = 5; c <= 9; c++) {
            open("cw.amani", c, "AMANI");
            consent("cw.amani", c, "LAWCENTRE", "REFERRAL", lc);
        }
        String r5 = refer("cw.amani", 5, Cases.LEGAL_AID, null, "LAWCENTRE", false, set(lc), "REJECTED");
        move("pr.lawcentre", r5, "REJECTED", Map.of("reason", "No capacity"));
        String r6 = refer("cw.amani", 6, Cases.LEGAL_AID, null, "LAWCENTRE", false, set(lc), "CANCELLED");
        move("cw.amani", r6, "CANCELLED", Map.of("note", "No longer needed"));
        String r7 = refer("cw.amani", 7, Cases.LEGAL_AID, null, "LAWCENTRE", false, set(lc), "EXPIRED (set in SQL)");
        Db.execute("update referral set status = 'EXPIRED', version = version + 1, updated_at = now() where id = ?", Cases.uuid(r7));
        String r8 = refer("cw.amani", 8, Cases.LEGAL_AID, null, "LAWCENTRE", true, set(lc), "COMPLETED just now");
        String r9 = refer("cw.amani", 9, Cases.LEGAL_AID, null, "LAWCENTRE", false, set(lc), "COMPLETED 31 days ago (set in SQL)");
        for (String r : List.of(r8, r9)) {
            move("pr.lawcentre", r, "ACCEPTED", none);
            move("pr.lawcentre", r, "IN_PROGRESS", none);
            move("pr.lawcentre", r, "COMPLETED", Map.of("outcome", Map.of("serviceProvided", true, "note", "Represented")));
        }
        Db.execute("update referral set completed_at = now() - interval '31 days' where id = ?", Cases.uuid(r9));
        String r8b = refer("cw.amani", 8, Cases.LEGAL_AID, null, "LAWCENTRE", true, set(lc), "FAILED just now");
        move("pr.lawcentre", r8b, "ACCEPTED", none);
        move("pr.lawcentre", r8b, "IN_PROGRESS", none);
        move("pr.lawcentre", r8b, "FAILED", Map.of("reason", "Could not reach her"));

        // C10 one closed and one open referral to the same agency: each route on its own
        open("cw.amani", 10, "AMANI");
        consent("cw.amani", 10, "LAWCENTRE", "REFERRAL", "CASE_SUMMARY", "INCIDENT");
        String r10a = refer("cw.amani", 10, Cases.LEGAL_AID, null, "LAWCENTRE", false, set("CASE_SUMMARY", "INCIDENT"), "REJECTED, beside an open one");
        move("pr.lawcentre", r10a, "REJECTED", Map.of("reason", "Wrong office"));
        String r10b = refer("cw.amani", 10, Cases.LEGAL_AID, null, "LAWCENTRE", true, set("CASE_SUMMARY", "INCIDENT"), "ACCEPTED");
        move("pr.lawcentre", r10b, "ACCEPTED", none);

        // C11 a conference on consents (St Luke CASE_CONFERENCE, Safe Haven COORDINATION) beside a referral on a REFERRAL consent
        open("cw.amani", 11, "AMANI");
        consent("cw.amani", 11, "STLUKE", "CASE_CONFERENCE", "CASE_SUMMARY", "CONFERENCE");
        consent("cw.amani", 11, "STLUKE", "REFERRAL", "IDENTITY");
        consent("cw.amani", 11, "SAFEHAVEN", "COORDINATION", "CONFERENCE", "HEALTH");
        goals("cw.amani", 11, "STLUKE");
        followUps("cw.amani", 11);
        refer("cw.amani", 11, Cases.CLINIC_CARE, null, "STLUKE", true, set("IDENTITY"), "REFERRAL consent only: conference consents do not count");
        String k11 = conference("cw.amani", 11, List.of(Map.of("agencyCode", "STLUKE"), Map.of("agencyCode", "SAFEHAVEN")));
        invitation(k11, "STLUKE", true, set("CASE_SUMMARY", "CONFERENCE"), "CASE_CONFERENCE consent; the REFERRAL consent does not count");
        invitation(k11, "SAFEHAVEN", true, set("CONFERENCE", "HEALTH"), "COORDINATION consent");
        minutes("cw.amani", k11, List.of("STLUKE", "SAFEHAVEN"), List.of("STLUKE", "SAFEHAVEN", "AMANI"));

        // C12 St Luke invited on consent, the legal aid centre on a supervisor's decision; St Luke's consent revoked afterwards
        open("cw.amani", 12, "AMANI");
        String c12 = consent("cw.amani", 12, "STLUKE", "CASE_CONFERENCE", "CASE_SUMMARY", "CONFERENCE", "SAFETY_PLAN");
        String k12 = conference("sup.amani", 12, List.of(Map.of("agencyCode", "STLUKE"),
                Map.of("agencyCode", "LAWCENTRE", "sharingDecision", override("CASE_SUMMARY", "CONFERENCE"))));
        invitation(k12, "STLUKE", false, set(), "its CASE_CONFERENCE consent revoked after the conference: basis lapsed");
        invitation(k12, "LAWCENTRE", true, set("CASE_SUMMARY", "CONFERENCE"), "OVERRIDE decision for this invitation");
        minutes("cw.amani", k12, List.of("STLUKE", "LAWCENTRE"), List.of("STLUKE", "LAWCENTRE"));
        Cases.revoke("cw.amani", c12);

        // C13 the decision-reuse attack: an OVERRIDE for one referral, then a caseworker without consent reuses it
        open("cw.amani", 13, "AMANI");
        refer("sup.amani", 13, Cases.LEGAL_AID, override("CASE_SUMMARY", "INCIDENT"), "LAWCENTRE", true, set("CASE_SUMMARY", "INCIDENT"),
                "OVERRIDE decision for this referral");
        int beforeCall = mark();
        JsonPath reusedCall = conferenceCall("cw.amani", 13, List.of(Map.of("agencyCode", "LAWCENTRE")));
        if (reusedCall.get("errors") == null) {
            String k13 = reusedCall.getString("data.callConference.conference.id");
            conferenceCase.put(k13, 13);
            id(k13);
            invitation(k13, "LAWCENTRE", false, set(), "reuses the referral's decision: no consent, no decision of its own");
            fixtureViolations.add("cw.amani | callConference | C13 | invited LAWCENTRE without a conference consent or a decision of its own"
                    + " (reusing the supervisor's referral decision): accepted, sharingBasis="
                    + reusedCall.getList("data.callConference.conference.invitations.sharingBasis"));
            minutes("cw.amani", k13, List.of("LAWCENTRE"), List.of("LAWCENTRE"));
        } else {
            notes.add("C13 callConference reusing a decision: refused with " + reusedCall.getString("errors[0].extensions.code"));
            unplantAfter(beforeCall);
            if (!"CONSENT_REQUIRED".equals(reusedCall.getString("errors[0].extensions.code"))) {
                throw new AssertionError("unexpected refusal: " + reusedCall.prettify());
            }
        }
        int beforeReferral = mark();
        JsonPath reusedReferral = referralCall("cw.amani", 13, Cases.LEGAL_AID, null);
        if (reusedReferral.get("errors") == null) {
            String r13b = reusedReferral.getString("data.createReferral.referral.id");
            route(r13b, 13, "LAWCENTRE", true, set(), "reuses another referral's decision: grants nothing");
            fixtureViolations.add("cw.amani | createReferral | C13 | referred to LAWCENTRE without a consent or a decision of its own"
                    + " (reusing the supervisor's referral decision): accepted, sharingBasis="
                    + reusedReferral.getString("data.createReferral.referral.sharingBasis"));
        } else {
            notes.add("C13 createReferral reusing a decision: refused with " + reusedReferral.getString("errors[0].extensions.code"));
            unplantAfter(beforeReferral);
            if (!"CONSENT_REQUIRED".equals(reusedReferral.getString("errors[0].extensions.code"))) {
                throw new AssertionError("unexpected refusal: " + reusedReferral.prettify());
            }
        }

        // C14 KINDRED: a referral to Safe Haven on a partial REFERRAL consent, accepted
        open("cw.kindred", 14, "KINDRED");
        consent("cw.kindred", 14, "SAFEHAVEN", "REFERRAL", "IDENTITY", "SAFETY_PLAN");
        goals("cw.kindred", 14, "SAFEHAVEN");
        followUps("cw.kindred", 14);
        caseRecords("cw.kindred", 14);
        String r14 = refer("cw.kindred", 14, Cases.SHELTER, null, "SAFEHAVEN", true, set("IDENTITY", "SAFETY_PLAN"), "partial REFERRAL consent, ACCEPTED");
        move("pr.safehaven", r14, "ACCEPTED", none);

        // C15 KINDRED: COORDINATION consent covers both a conference invitation and a referral
        open("cw.kindred", 15, "KINDRED");
        consent("cw.kindred", 15, "SAFEHAVEN", "COORDINATION", "CASE_SUMMARY", "CONFERENCE", "CASE_PLAN");
        goals("cw.kindred", 15, "SAFEHAVEN");
        refer("cw.kindred", 15, Cases.SHELTER, null, "SAFEHAVEN", true, set("CASE_SUMMARY", "CONFERENCE", "CASE_PLAN"), "COORDINATION consent");
        String k15 = conference("cw.kindred", 15, List.of(Map.of("agencyCode", "SAFEHAVEN")));
        invitation(k15, "SAFEHAVEN", true, set("CASE_SUMMARY", "CONFERENCE", "CASE_PLAN"), "COORDINATION consent");
        minutes("cw.kindred", k15, List.of("SAFEHAVEN"), List.of("SAFEHAVEN", "KINDRED"));

        // C16 KINDRED: no route at all
        open("cw.kindred", 16, "KINDRED");
        goals("cw.kindred", 16, "KINDRED");
        return this;
    }

    /** The route of an invitation to {@code agency} for a conference, or null. */
    Route invitation(String conferenceId, String agency) {
        return invitations.get(conferenceId + "|" + agency);
    }

    List<String> allIds() {
        return idsByType.values().stream().flatMap(List::stream).toList();
    }
}
