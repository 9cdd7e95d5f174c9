package org.casebridge.insight;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.TestStack;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state leads' figures: own state only, final sessions only, consenting cases only, nothing recoverable, CSV. */
@QuarkusTest
class NeedsAssessmentAggregateTest {

    @Inject
    ReportingTables reportingTables;

    static final String TABLE = "title rowDimension columns rows { key cells { column value suppressed } total { value suppressed } } "
            + "columnTotals { column value suppressed } grandTotal { value suppressed }";
    static final String NEEDS = "query($s: String, $f: Date!, $t: Date!) { needsAssessment(state: $s, from: $f, to: $t) { "
            + "needs { " + TABLE + " } sessions { " + TABLE + " } participants { " + TABLE + " } followUpRequests { " + TABLE + " } "
            + "topThemes { theme mentions { value suppressed } quotes { speakerType text } } } }";
    static final String INDICATORS = "query($s: String, $f: Date!, $t: Date!) { caseManagementIndicators(state: $s, from: $f, to: $t) { "
            + "referrals { " + TABLE + " } byServiceType { serviceType acceptanceRate medianMinutesToAccept suppressed } "
            + "followUpTimeliness { " + TABLE + " } closureReasons { " + TABLE + " } feedbackSatisfaction { " + TABLE + " } "
            + "supervisionRatings { " + TABLE + " } } }";

    static Map<String, Object> period(String state, LocalDate from, LocalDate to) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("f", from.toString(), "t", to.toString()));
        if (state != null) variables.put("s", state);
        return variables;
    }

    /** One service of every type at St Luke's, named prefix + type, for a period's referrals to fill every row. */
    static void servicesOfEveryType(String prefix) {
        Db.execute("""
                insert into agency_service (id, agency_id, type, name)
                select gen_random_uuid(), 'a0000000-0000-4000-8000-000000000002', t, ? || t
                from unnest(array['HEALTH','PSYCHOSOCIAL','LEGAL','SAFETY_SECURITY','SHELTER','LIVELIHOODS','EDUCATION','CHILD_PROTECTION','OTHER']) t""",
                prefix);
    }

    static final LocalDate FROM = LocalDate.now().minusYears(1);
    static final LocalDate TO = LocalDate.now();

    @Test
    void aStateLeadReadsTheirOwnStateOnly() {
        ok(Tokens.of("lead.borno"), NEEDS, period(null, FROM, TO));
        ok(Tokens.of("lead.adamawa"), INDICATORS, period("Adamawa", FROM, TO));
        for (String document : List.of(NEEDS, INDICATORS)) {
            error(call(Tokens.of("lead.borno"), document, period("Adamawa", FROM, TO)), "FORBIDDEN");
            error(call(Tokens.of("lead.adamawa"), document, period("Borno", FROM, TO)), "FORBIDDEN");
            for (String user : List.of("cw.amani", "sup.amani", "fac.borno", "auditor", "pr.stluke")) {
                error(call(Tokens.of(user), document, period("Borno", FROM, TO)), "FORBIDDEN");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSuppressedCountCanBeRecoveredFromWhatIsPublished() {
        assertTrue(reportingTables.refresh());
        Map<String, Object> needs = ok(Tokens.of("lead.borno"), NEEDS, period(null, FROM, TO)).getMap("data.needsAssessment");
        Map<String, Object> indicators = ok(Tokens.of("lead.borno"), INDICATORS, period(null, FROM, TO)).getMap("data.caseManagementIndicators");
        List<Map<String, Object>> tables = new ArrayList<>();
        for (String name : List.of("needs", "sessions", "participants", "followUpRequests")) tables.add((Map<String, Object>) needs.get(name));
        for (String name : List.of("referrals", "followUpTimeliness", "closureReasons", "feedbackSatisfaction", "supervisionRatings")) {
            tables.add((Map<String, Object>) indicators.get(name));
        }
        int suppressed = 0;
        int published = 0;
        for (Map<String, Object> table : tables) {
            assertEquals(List.of(), Recovery.recoverable(table), "recovered from " + table.get("title"));
            for (Map<String, Object> row : (List<Map<String, Object>>) table.get("rows")) {
                for (Map<String, Object> cell : (List<Map<String, Object>>) row.get("cells")) {
                    if (Boolean.TRUE.equals(cell.get("suppressed"))) {
                        suppressed++;
                    } else {
                        published++;
                        assertTrue(((Number) cell.get("value")).intValue() >= 11, "published below the threshold: " + cell);
                    }
                }
            }
        }
        assertTrue(suppressed > 0 && published > 0, "the demo data gives both published and suppressed cells");
    }

    @Test
    void onlyFinalSessionsCountAndQuotesComeOnlyFromLargeEnoughFinalSessions() {
        UUID small = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        for (UUID id : List.of(small, draft)) {
            Db.execute("""
                    insert into fg_session (id, guide_id, audience, format, state, held_on, starts_at, ends_at, location, facilitator_subject,
                      facilitator_username, note_taker_username, composition, status, participant_count, female_count, male_count,
                      other_gender_count, created_at, updated_at)
                    values (?, 'a1000000-0000-4000-8000-000000000001', 'CAREGIVERS', 'GROUP_DISCUSSION', 'Borno', current_date - 1, '10:00',
                      '11:00', 'x', 'x', 'fac.borno', 'fac2.borno', 'FEMALE_ONLY', ?, 5, 5, 0, 0, now(), now())""",
                    id, id.equals(small) ? "FINAL" : "CONSENTED");
            Db.execute("insert into fg_quote (id, session_id, speaker_type, text, themes) values (?, ?, 'CAREGIVER', ?, '{caseworker training}')",
                    UUID.randomUUID(), id, "Quote of a " + (id.equals(small) ? "small" : "draft") + " session " + id);
        }
        JsonPath figures = ok(Tokens.of("lead.borno"), NEEDS, period(null, FROM, TO));
        List<String> quotes = figures.getList("data.needsAssessment.topThemes.quotes.flatten().text");
        assertFalse(quotes.isEmpty(), "large final sessions give representative quotes");
        assertTrue(quotes.stream().noneMatch(q -> q.contains(small.toString()) || q.contains(draft.toString())));
        assertTrue(figures.getList("data.needsAssessment.topThemes.quotes.flatten().speakerType").stream()
                .allMatch(t -> List.of("CAREGIVER", "YOUNG_PERSON", "PRACTITIONER", "STATE_OFFICIAL").contains(t)));
    }

    /**
     * In a period of its own, every audience × composition cell gets eleven final sessions and five more that are not
     * final (consent confirmed, notes not agreed by both): the published counts are exactly the final ones.
     */
    @Test
    void onlySessionsAgreedByBothWorkersAreCounted() {
        Db.execute("""
                insert into fg_session (id, guide_id, audience, format, state, held_on, starts_at, ends_at, location, facilitator_subject,
                  facilitator_username, note_taker_username, composition, status, participant_count, female_count, male_count,
                  other_gender_count, facilitator_agreed_at, created_at, updated_at)
                select gen_random_uuid(), 'a1000000-0000-4000-8000-000000000001', a, 'GROUP_DISCUSSION', 'Borno', date '2021-06-15',
                       '10:00', '11:00', 'x', 'x', 'fac.borno', 'fac2.borno', c, st, 12, case when c = 'MALE_ONLY' then 0 else 12 end,
                       case when c = 'MALE_ONLY' then 12 else 0 end, 0, case when st = 'CONSENTED' then now() end, now(), now()
                from unnest(array['CAREGIVERS','YOUNG_PEOPLE','PRACTITIONERS','STATE_OFFICIALS']) a
                cross join unnest(array['FEMALE_ONLY','MALE_ONLY','MIXED']) c
                cross join (select 'FINAL' as st, n from generate_series(1, 11) n union all select 'CONSENTED', n from generate_series(1, 5) n) s""");
        JsonPath answer = ok(Tokens.of("lead.borno"), NEEDS, period(null, LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 30)));
        List<Integer> sessions = answer.getList("data.needsAssessment.sessions.rows.cells.flatten().value");
        assertEquals(12, sessions.size());
        assertTrue(sessions.stream().allMatch(v -> v == 11), "eleven final sessions per cell: " + sessions);
        assertEquals(132 * 12, answer.getInt("data.needsAssessment.participants.grandTotal.value"));
    }

    /**
     * In a period of its own, every service type × outcome cell is filled to the threshold by a consenting case, and a
     * non-consenting case adds five more referrals to each: the published counts are exactly the consenting ones.
     */
    @Test
    void caseManagementIndicatorsCountOnlyCasesWithReportingConsent() {
        String counted = Cases.open("cw.amani", "Counted " + UUID.randomUUID());
        String notCounted = Cases.open("cw.amani", "Not counted " + UUID.randomUUID());
        Db.execute("update survivor_case set reporting_consent = false where id = ?", Cases.uuid(notCounted));
        servicesOfEveryType("Indicator test ");
        Db.execute("""
                insert into referral (id, case_id, from_agency_id, to_agency_id, service_id, status, urgency, requested_by_subject,
                                      requested_at, response_due_at, accepted_at, updated_at)
                select gen_random_uuid(), c.id, 'a0000000-0000-4000-8000-000000000001', s.agency_id, s.id, st,
                       'ROUTINE', 'x', timestamptz '2021-03-10 10:00Z', timestamptz '2021-03-13 10:00Z',
                       case when st = 'ACCEPTED' then timestamptz '2021-03-10 10:00Z' + make_interval(mins => 30 + n) end, now()
                from (select id, case when id = ? then 11 else 5 end as times from survivor_case where id in (?, ?)) c
                cross join (select id, agency_id from agency_service where name like 'Indicator test %') s
                cross join unnest(array['ACCEPTED','REJECTED','EXPIRED','CANCELLED','REQUESTED']) st
                cross join lateral generate_series(1, c.times) n""", Cases.uuid(counted), Cases.uuid(counted), Cases.uuid(notCounted));

        Map<String, Object> march2021 = period(null, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 31));
        assertTrue(reportingTables.refresh());
        OffsetDateTime rebuilt = OffsetDateTime.parse(ok(Tokens.of("lead.borno"), "query($f: Date!, $t: Date!) { "
                + "caseManagementIndicators(from: $f, to: $t) { asOf } }", march2021).getString("data.caseManagementIndicators.asOf"));
        assertTrue(rebuilt.isAfter(OffsetDateTime.now().minusMinutes(1)), "asOf is the rebuild just done: " + rebuilt);
        JsonPath answer = ok(Tokens.of("lead.borno"), INDICATORS, march2021);
        List<Integer> values = answer.getList("data.caseManagementIndicators.referrals.rows.cells.flatten().value");
        assertEquals(45, values.size());
        assertTrue(values.stream().allMatch(v -> v == 11), "11 per cell, the non-consenting case's five not counted: " + values);
        assertEquals(495, answer.getInt("data.caseManagementIndicators.referrals.grandTotal.value"));
        assertEquals(11.0 / 33, answer.getDouble("data.caseManagementIndicators.byServiceType.find { it.serviceType == 'HEALTH' }.acceptanceRate"),
                1e-6, "accepted of accepted, rejected and expired");
        assertEquals(List.of(36), answer.getList("data.caseManagementIndicators.byServiceType.findAll { it.serviceType == 'HEALTH' }.medianMinutesToAccept"));
    }

    /**
     * The figures are those of the last rebuild: a referral added since is not counted until the next one, and
     * while one replica rebuilds (holding the lock) another skips its turn rather than rebuilding twice.
     */
    @Test
    void indicatorsAreAsOfTheLastRebuildWhichOneReplicaAtATimeDoes() throws Exception {
        Map<String, Object> april2021 = period(null, LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 30));
        String document = "query($f: Date!, $t: Date!) { caseManagementIndicators(from: $f, to: $t) { referrals { grandTotal { value } } } }";
        java.util.function.Supplier<Object> published = () -> ok(Tokens.of("lead.borno"), document, april2021)
                .get("data.caseManagementIndicators.referrals.grandTotal.value");
        assertTrue(reportingTables.refresh());
        assertEquals(null, published.get(), "nothing in April 2021 yet");
        String counted = Cases.open("cw.amani", "Rebuilt " + UUID.randomUUID());
        servicesOfEveryType("Rebuild test ");
        Db.execute("""
                insert into referral (id, case_id, from_agency_id, to_agency_id, service_id, status, urgency, requested_by_subject,
                                      requested_at, response_due_at, updated_at)
                select gen_random_uuid(), ?, 'a0000000-0000-4000-8000-000000000001', s.agency_id, s.id, st, 'ROUTINE', 'x',
                       timestamptz '2021-04-10 10:00Z', timestamptz '2021-04-13 10:00Z', now()
                from (select id, agency_id from agency_service where name like 'Rebuild test %') s
                cross join unnest(array['ACCEPTED','REJECTED','EXPIRED','CANCELLED','REQUESTED']) st
                cross join generate_series(1, 11)""", Cases.uuid(counted));
        assertEquals(null, published.get(), "not counted before the next rebuild");

        try (Connection other = TestStack.postgres().superuserConnection(); Statement s = other.createStatement()) {
            try (ResultSet locked = s.executeQuery("select pg_try_advisory_lock(hashtext('casebridge.reporting'))")) {
                locked.next();
                assertTrue(locked.getBoolean(1));
            }
            assertFalse(reportingTables.refresh(), "another replica holds the rebuild");
            assertEquals(null, published.get());
            s.execute("select pg_advisory_unlock(hashtext('casebridge.reporting'))");
        }
        assertTrue(reportingTables.refresh());
        assertEquals(9 * 5 * 11, published.get());
    }

    @Test
    void theSameFiguresAsCsvWithTheSameSuppression() {
        Map<String, Object> needs = ok(Tokens.of("lead.borno"), NEEDS, period(null, FROM, TO)).getMap("data.needsAssessment.sessions");
        Response csv = RestAssured.given().header("Authorization", "Bearer " + Tokens.of("lead.borno"))
                .queryParam("from", FROM.toString()).queryParam("to", TO.toString()).get("/aggregates/sessions.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.contentType().startsWith("text/csv"));
        String[] lines = csv.asString().split("\r\n");
        assertEquals("audience,FEMALE_ONLY,MALE_ONLY,MIXED,TOTAL", lines[0]);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) needs.get("rows");
        for (int i = 0; i < rows.size(); i++) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cells = (List<Map<String, Object>>) rows.get(i).get("cells");
            StringBuilder expected = new StringBuilder((String) rows.get(i).get("key"));
            cells.forEach(c -> expected.append(',').append(Boolean.TRUE.equals(c.get("suppressed")) ? "suppressed" : c.get("value")));
            assertTrue(lines[i + 1].startsWith(expected.toString()), lines[i + 1] + " vs " + expected);
        }

        assertEquals(401, RestAssured.given().queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .get("/aggregates/sessions.csv").statusCode());
        assertEquals(403, RestAssured.given().header("Authorization", "Bearer " + Tokens.of("cw.amani"))
                .queryParam("from", FROM.toString()).queryParam("to", TO.toString()).get("/aggregates/sessions.csv").statusCode());
        assertEquals(403, RestAssured.given().header("Authorization", "Bearer " + Tokens.of("lead.borno")).queryParam("state", "Adamawa")
                .queryParam("from", FROM.toString()).queryParam("to", TO.toString()).get("/aggregates/needs.csv").statusCode());
        Response bad = RestAssured.given().header("Authorization", "Bearer " + Tokens.of("lead.borno"))
                .queryParam("from", "yesterday").queryParam("to", TO.toString()).get("/aggregates/needs.csv");
        assertEquals(400, bad.statusCode());
        assertEquals("VALIDATION_FAILED", bad.jsonPath().getString("errors[0].extensions.code"));
        assertEquals(404, RestAssured.given().header("Authorization", "Bearer " + Tokens.of("lead.borno"))
                .queryParam("from", FROM.toString()).queryParam("to", TO.toString()).get("/aggregates/cases.csv").statusCode());
    }
}
