package org.casebridge.followup;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow-up as module 14 asks (step 5): safety assessed at every contact by the safety questions, her status in each
 * domain, referral outcomes against the referral rows, new needs into the case, and another follow-up or why not.
 */
@QuarkusTest
class FollowUpAssessmentTest {

    static final String RECORD = """
            mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { followUp { status noNextFollowUpBecause
              safetyAnswers { question { text } answer note } domainStatus { domain status } referralOutcomeEntries { referralId outcome } }
              nextFollowUp { id } } }""";

    static List<String> domains() {
        return ok(Tokens.of("cw.amani"), "{ __type(name: \"FollowUpDomain\") { enumValues { name } } }", Map.of())
                .getList("data.__type.enumValues.name");
    }

    static List<String> questions() {
        return ok(Tokens.of("cw.amani"), "{ safetyQuestions { id } }", Map.of()).getList("data.safetyQuestions.id");
    }

    static Map<String, Object> contact(String followUp) {
        Map<String, Object> input = new HashMap<>(Map.of("id", followUp, "version", 0, "contactMade", true, "at", OffsetDateTime.now().toString()));
        input.put("safetyAnswers", questions().stream().map(q -> Map.of("questionId", q, "answer", "YES")).toList());
        input.put("domains", domains().stream().map(d -> Map.of("domain", d, "status", "GOOD")).toList());
        input.put("noNextFollowUpBecause", "Her needs are met; closure is next");
        return input;
    }

    static String followUp(String caseId) {
        return ok(Tokens.of("cw.amani"), "mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { followUp { id } } }",
                Map.of("i", Map.of("caseId", caseId, "schedule", Map.of("at", OffsetDateTime.now().plusSeconds(1).toString(), "mode", "PHONE"))))
                .getString("data.scheduleFollowUp.followUp.id");
    }

    @Test
    void aContactWithoutTheModulesAssessmentIsRefusedNamingTheFieldAndNothingIsStored() {
        String caseId = Cases.open("cw.amani", "Assessment " + UUID.randomUUID());
        String followUp = followUp(caseId);
        String other = Cases.open("cw.amani", "Other " + UUID.randomUUID());
        Cases.consent("cw.amani", other, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String othersReferral = Cases.refer("cw.amani", other, Cases.CLINIC_CARE);
        Map<String, Consumer<Map<String, Object>>> breakers = new LinkedHashMap<>();
        breakers.put("input.safetyAnswers", i -> i.remove("safetyAnswers"));
        breakers.put("input.safetyAnswers ", i -> i.put("safetyAnswers", questions().stream().skip(1)
                .map(q -> Map.of("questionId", q, "answer", "NO")).toList()));
        breakers.put("input.safetyReassessed", i -> i.put("safetyReassessed", false));
        for (String domain : domains()) {
            breakers.put("input.domains " + domain, i -> i.put("domains", domains().stream().filter(d -> !d.equals(domain))
                    .map(d -> Map.of("domain", d, "status", "GOOD")).toList()));
        }
        breakers.put("input.referralOutcomeEntries[0].referralId", i -> i.put("referralOutcomeEntries",
                List.of(Map.of("referralId", othersReferral, "outcome", "RECEIVED"))));
        breakers.put("input.nextFollowUp", i -> i.remove("noNextFollowUpBecause"));
        breakers.put("input.noNextFollowUpBecause", i -> i.put("nextFollowUp", Map.of("at", OffsetDateTime.now().plusDays(7).toString(),
                "mode", "PHONE")));
        breakers.forEach((expected, breaker) -> {
            Map<String, Object> input = contact(followUp);
            breaker.accept(input);
            assertEquals(expected.split(" ")[0], field(error(call(Tokens.of("cw.amani"), RECORD, Map.of("i", input)), "VALIDATION_FAILED")), expected);
        });
        UUID id = GlobalId.decode(followUp, "id").uuid();
        assertEquals("SCHEDULED", Db.row("select status from follow_up where id = ?", id).get("status"));
        assertEquals(0, Db.count("select count(*) from follow_up_safety_answer where follow_up_id = ?", id));
        assertEquals(0, Db.count("select count(*) from follow_up_domain_status where follow_up_id = ?", id));
        assertEquals(1, Db.count("select count(*) from follow_up where case_id = ?", Cases.uuid(caseId)));
    }

    @Test
    void theAssessmentIsKeptWithTheFollowUpTheReferralsOutcomeAgainstItsRowAndNewNeedsInTheCase() {
        String caseId = Cases.open("cw.amani", "Assessed " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        String followUp = followUp(caseId);
        Map<String, Object> input = contact(followUp);
        List<String> questions = questions();
        input.put("safetyAnswers", questions.stream().map(q -> q.equals(questions.get(0))
                ? Map.of("questionId", q, "answer", "NOT_SAFE_TO_ASK", "note", "Her husband was in the room")
                : Map.of("questionId", q, "answer", "NO")).toList());
        input.put("referralOutcomeEntries", List.of(Map.of("referralId", referral, "outcome", "WAITING", "note", "Appointment on Friday")));
        input.put("addNeeds", List.of("EDUCATION"));
        JsonPath recorded = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", input));
        assertEquals("COMPLETED", recorded.getString("data.recordFollowUp.followUp.status"));
        assertEquals("NOT_SAFE_TO_ASK", recorded.getString("data.recordFollowUp.followUp.safetyAnswers[0].answer"));
        assertEquals(questions.size(), recorded.getList("data.recordFollowUp.followUp.safetyAnswers").size());
        assertEquals(List.of("SAFETY", "HEALTH", "FAMILY", "SOCIAL_LIFE", "FEELINGS", "SERVICES"),
                recorded.getList("data.recordFollowUp.followUp.domainStatus.domain"), "every domain, in the module's order");
        assertEquals(referral, recorded.getString("data.recordFollowUp.followUp.referralOutcomeEntries[0].referralId"));
        assertEquals("Her needs are met; closure is next", recorded.getString("data.recordFollowUp.followUp.noNextFollowUpBecause"));
        List<String> needs = ok(Tokens.of("cw.amani"), "query($id: ID!) { case(id: $id) { summary { needs } } }", Map.of("id", caseId))
                .getList("data.case.summary.needs");
        assertTrue(needs.containsAll(List.of("HEALTH", "LEGAL", "EDUCATION")), needs::toString);
    }

    @Test
    void anAttemptWithoutContactNeedsNoAssessmentAndStaysDue() {
        String caseId = Cases.open("cw.amani", "Attempt " + UUID.randomUUID());
        String followUp = followUp(caseId);
        ok(Tokens.of("cw.amani"), RECORD, Map.of("i", Map.of("id", followUp, "version", 0, "contactMade", false,
                "at", OffsetDateTime.now().toString(), "attemptNote", "No answer")));
        assertEquals("SCHEDULED", Db.row("select status from follow_up where id = ?", GlobalId.decode(followUp, "id").uuid()).get("status"));
        assertEquals(1, Db.count("select count(*) from follow_up where case_id = ?", Cases.uuid(caseId)));
    }

    @Test
    void aContactAccountsForEveryOpenReferralByItsOutcomeOrWhyItWasNotDiscussed() {
        String caseId = Cases.open("cw.amani", "Referrals accounted " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        Cases.consent("cw.amani", caseId, "LAWCENTRE", List.of("CASE_SUMMARY"), "REFERRAL");
        String open = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        String cancelled = Cases.refer("cw.amani", caseId, Cases.LEGAL_AID);
        ok(Tokens.of("cw.amani"), Cases.CHANGE_STATUS, Map.of("i", Map.of("id", cancelled, "status", "CANCELLED",
                "version", Cases.version(Tokens.of("cw.amani"), cancelled), "note", "She chose another lawyer")));
        String followUp = followUp(caseId);
        Map<String, Object> base = contact(followUp);
        String afterTheContact = Cases.refer("cw.amani", caseId, Cases.COUNSELLING);

        Map<String, Consumer<Map<String, Object>>> breakers = new LinkedHashMap<>();
        breakers.put("input.referralOutcomeEntries", i -> i.remove("referralOutcomeEntries"));
        breakers.put("input.referralOutcomeEntries ", i -> i.put("referralOutcomeEntries",
                List.of(Map.of("referralId", cancelled, "outcome", "NOT_RECEIVED", "note", "She chose another lawyer"))));
        breakers.put("input.referralOutcomeEntries[0].note", i -> i.put("referralOutcomeEntries",
                List.of(Map.of("referralId", open, "outcome", "NOT_DISCUSSED"))));
        breakers.forEach((expected, breaker) -> {
            Map<String, Object> input = new HashMap<>(base);
            breaker.accept(input);
            assertEquals(expected.trim(), field(error(call(Tokens.of("cw.amani"), RECORD, Map.of("i", input)), "VALIDATION_FAILED")), expected);
        });
        UUID id = GlobalId.decode(followUp, "id").uuid();
        assertEquals("SCHEDULED", Db.row("select status from follow_up where id = ?", id).get("status"));
        assertEquals(0, Db.count("select count(*) from follow_up_referral_outcome where follow_up_id = ?", id));

        Map<String, Object> honest = new HashMap<>(base);
        honest.put("referralOutcomeEntries", List.of(Map.of("referralId", open, "outcome", "NOT_DISCUSSED",
                "note", "Her mother-in-law was in the room; the clinic was not mentioned")));
        JsonPath recorded = ok(Tokens.of("cw.amani"), RECORD, Map.of("i", honest));
        assertEquals(List.of(open), recorded.getList("data.recordFollowUp.followUp.referralOutcomeEntries.referralId"),
                "the cancelled referral and the one made after the contact need no entry");
        assertEquals(List.of("NOT_DISCUSSED"), recorded.getList("data.recordFollowUp.followUp.referralOutcomeEntries.outcome"));
        assertTrue(afterTheContact != null);
    }

    static final String AUDITED_READS = """
            select array_to_string(array(select c::text from unnest(categories) c order by 1), ',') as categories
            from audit_entry where case_id = ? and action = 'case.read' and allowed order by id""";

    /** The categories of the case's read entries written since {@code seen} of them were. */
    static List<List<String>> readsSince(UUID caseUuid, int seen) {
        List<List<String>> all = new java.util.ArrayList<>();
        for (Map<String, Object> row : Db.rows(AUDITED_READS, caseUuid)) {
            all.add(List.of(((String) row.get("categories")).split(",")));
        }
        return all.subList(seen, all.size());
    }

    /**
     * Review 29, finding 1. DESIGN: SAFETY_PLAN holds "safety plan and safety reassessments", and rule 6 audits every
     * read of it. The follow-up's safetyNotes (the reassessment in words) was audited; the same reassessment as answers
     * to the safety questions, and her status in the safety, health and feelings domains, were read with no entry.
     */
    @Test
    void aFollowUpsSafetyAnswersAndDomainStatusAreAuditedReadsLikeItsSafetyNotes() {
        String caseId = Cases.open("cw.amani", "Audited reassessment " + UUID.randomUUID());
        UUID caseUuid = Cases.uuid(caseId);
        String followUp = followUp(caseId);
        Map<String, Object> input = contact(followUp);
        input.put("safetyAnswers", questions().stream().map(q -> Map.of("questionId", q, "answer", "NOT_SAFE_TO_ASK",
                "note", "Her husband was in the room")).toList());
        input.put("domains", domains().stream().map(d -> Map.of("domain", d, "status", "SERIOUS_CONCERNS", "note", "Afraid to go home")).toList());
        input.put("safetyNotes", "Moves to her sister's if he returns");
        ok(Tokens.of("cw.amani"), "mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { followUp { id } } }", Map.of("i", input));
        String read = "query($id: ID!) { node(id: $id) { ... on FollowUp { %s } } }";

        int seen = Db.rows(AUDITED_READS, caseUuid).size();
        JsonPath notes = ok(Tokens.of("cw.amani"), read.formatted("safetyNotes"), Map.of("id", followUp));
        assertEquals("Moves to her sister's if he returns", notes.getString("data.node.safetyNotes"));
        assertEquals(List.of(List.of("SAFETY_PLAN")), readsSince(caseUuid, seen), "control: safetyNotes is a SAFETY_PLAN read");

        seen = Db.rows(AUDITED_READS, caseUuid).size();
        JsonPath answers = ok(Tokens.of("cw.amani"), read.formatted("safetyAnswers { question { text } answer note }"), Map.of("id", followUp));
        assertEquals("Her husband was in the room", answers.getString("data.node.safetyAnswers[0].note"), answers.prettify());
        assertEquals(List.of(List.of("SAFETY_PLAN")), readsSince(caseUuid, seen),
                "the answers to the safety questions (the safety reassessment) are a SAFETY_PLAN read");

        seen = Db.rows(AUDITED_READS, caseUuid).size();
        JsonPath status = ok(Tokens.of("cw.amani"), read.formatted("domainStatus { domain status note }"), Map.of("id", followUp));
        assertEquals("Afraid to go home", status.getString("data.node.domainStatus[0].note"), status.prettify());
        assertEquals(List.of(List.of("HEALTH", "SAFETY_PLAN")), readsSince(caseUuid, seen),
                "her status in the safety, health and feelings domains is a SAFETY_PLAN and HEALTH read");
    }

    /** Review 29, finding 2: a null among the new needs answered INTERNAL (EnumSet.addAll); it is bad input. */
    @Test
    void aNullAmongAFollowUpsNewNeedsIsRefusedAsBadInputNotAnInternalError() {
        String caseId = Cases.open("cw.amani", "Null new need " + UUID.randomUUID());
        String followUp = followUp(caseId);
        Map<String, Object> input = contact(followUp);
        input.put("addNeeds", java.util.Arrays.asList("EDUCATION", null));
        JsonPath answer = call(Tokens.of("cw.amani"), RECORD, Map.of("i", input));
        assertEquals("VALIDATION_FAILED", answer.getString("errors[0].extensions.code"), answer.prettify());
        // graphql-java refuses the variable before anything runs, naming the item type; InputValidation names the item
        String refusal = answer.getString("errors[0].message");
        assertTrue(refusal.contains("addNeeds") || refusal.contains("'ServiceType!'"), answer.prettify());
        assertEquals("SCHEDULED", Db.row("select status from follow_up where id = ?", GlobalId.decode(followUp, "id").uuid()).get("status"));
    }

    @Inject
    EntityManagerFactory entityManagerFactory;

    static final String CASES_WITH_FOLLOW_UPS = """
            query($first: Int, $since: DateTime) { cases(first: $first, filter: {openedSince: $since}) { edges { node { id
              followUps { safetyAnswers { question { text } answer note } domainStatus { domain status note }
                          referralOutcomeEntries { note } failedAttempts { note } } } } } }""";

    /**
     * The safety answers and domain status are resolved follow-up by follow-up (so that each is revealed, and audited, for its
     * own case) but read for the whole page at once: a page of 6 cases with their follow-ups costs the statements of a page of
     * 2, and every case of the page gets its SAFETY_PLAN and HEALTH read entry.
     */
    @Test
    void aPageOfCasesWithTheirFollowUpsAssessmentsCostsTheSameStatementsForTwoCasesAsForSix() {
        String since = OffsetDateTime.now().minusSeconds(2).toString();
        List<UUID> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String caseId = Cases.open("cw.amani", "Listed follow-ups " + i + " " + UUID.randomUUID());
            cases.add(Cases.uuid(caseId));
            Map<String, Object> input = contact(followUp(caseId));
            input.put("safetyAnswers", questions().stream().map(q -> Map.of("questionId", q, "answer", "UNSURE", "note", "Unsure")).toList());
            input.put("domains", domains().stream().map(d -> Map.of("domain", d, "status", "GOOD", "note", "Fine")).toList());
            ok(Tokens.of("cw.amani"), RECORD, Map.of("i", input));
        }
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        String token = Tokens.of("cw.amani");
        Map<Integer, Long> statements = new java.util.TreeMap<>();
        for (int first : new int[]{2, 2, 6}) { // the first page warms the caches
            int seen = cases.stream().mapToInt(c -> Db.rows(AUDITED_READS, c).size()).sum();
            statistics.clear();
            JsonPath page = ok(token, CASES_WITH_FOLLOW_UPS, Map.of("first", first, "since", since));
            statements.put(first, statistics.getPrepareStatementCount());
            assertEquals(first, page.getList("data.cases.edges").size());
            List<List<Object>> answers = page.getList("data.cases.edges.node.followUps.safetyAnswers.note");
            assertEquals(first, answers.size());
            assertEquals("Fine", page.getString("data.cases.edges[" + (first - 1) + "].node.followUps[0].domainStatus[5].note"), page.prettify());
            assertEquals(seen + first, cases.stream().mapToInt(c -> Db.rows(AUDITED_READS, c).size()).sum(), "one read entry per case of the page");
        }
        for (UUID c : cases) { // the page of 6 read each case's answers and domains: its last entry says so
            List<List<String>> reads = readsSince(c, 0);
            assertEquals(List.of("HEALTH", "SAFETY_PLAN"), reads.get(reads.size() - 1), reads::toString);
        }
        System.out.printf("cases with follow-ups: %s SQL statements by page size%n", statements);
        assertEquals(statements.get(2), statements.get(6), "statements for 2 and for 6 cases with their follow-ups");
    }
}
