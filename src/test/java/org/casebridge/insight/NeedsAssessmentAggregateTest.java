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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state leads' figures: own state only, final sessions only, consenting cases only, nothing recoverable, CSV. */
@QuarkusTest
class NeedsAssessmentAggregateTest {

    @Inject
    ReportingTables reportingTables;

    static final String TABLE = "title rowDimension columns rows { key cells { column value suppressed } total { value suppressed } } "
            + "columnTotals { column value suppressed } grandTotal { value suppressed }";
    static final String NEEDS = "query($s: String, $p: ReportingPeriodInput!) { needsAssessment(state: $s, period: $p) { "
            + "needs { " + TABLE + " } sessions { " + TABLE + " } participants { " + TABLE + " } followUpRequests { " + TABLE + " } "
            + "topThemes { theme mentions { value suppressed } quotes { speakerType text } } } }";
    static final String INDICATORS = "query($s: String, $p: ReportingPeriodInput!) { caseManagementIndicators(state: $s, period: $p) { "
            + "asOf referralRequests { " + TABLE + " } referrals { " + TABLE + " } byServiceType { serviceType acceptanceRate medianMinutesToAccept suppressed } "
            + "followUpTimeliness { " + TABLE + " } closureReasons { " + TABLE + " } feedbackSatisfaction { " + TABLE + " } "
            + "supervisionRatings { " + TABLE + " } } }";

    /** Variables for a month ({year, month}), a quarter ({year, quarter}) or a year. */
    static Map<String, Object> period(String state, int year, String unit, Integer n) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("year", year));
        if (unit != null) p.put(unit, n);
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("p", p));
        if (state != null) variables.put("s", state);
        return variables;
    }

    static Map<String, Object> month(String state, int year, int month) {
        return period(state, year, "month", month);
    }

    /** The last closed month. */
    static final LocalDate LAST_MONTH = LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);

    /** One service of every type at St Luke's, named prefix + type, for a period's referrals to fill every row. */
    static void servicesOfEveryType(String prefix) {
        Db.execute("""
                insert into agency_service (id, agency_id, type, name)
                select gen_random_uuid(), 'a0000000-0000-4000-8000-000000000002', t, ? || t
                from unnest(array['HEALTH','PSYCHOSOCIAL','LEGAL','SAFETY_SECURITY','SHELTER','LIVELIHOODS','EDUCATION','CHILD_PROTECTION','OTHER']) t""",
                prefix);
    }


    @Test
    void aStateLeadReadsTheirOwnStateOnly() {
        ok(Tokens.of("lead.borno"), NEEDS, period(null, 2025, null, null));
        ok(Tokens.of("lead.adamawa"), INDICATORS, period("Adamawa", 2025, "quarter", 2));
        for (String document : List.of(NEEDS, INDICATORS)) {
            error(call(Tokens.of("lead.borno"), document, period("Adamawa", 2025, null, null)), "FORBIDDEN");
            error(call(Tokens.of("lead.adamawa"), document, period("Borno", 2025, null, null)), "FORBIDDEN");
            for (String user : List.of("cw.amani", "sup.amani", "fac.borno", "auditor", "pr.stluke")) {
                error(call(Tokens.of(user), document, period("Borno", 2025, null, null)), "FORBIDDEN");
            }
        }
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        for (Map<String, Object> bad : List.of(month(null, today.getYear(), today.getMonthValue()), period(null, today.getYear(), null, null),
                period(null, 2025, "month", 13), period(null, 2025, "quarter", 5), period(null, 1999, null, null))) {
            Map<String, Object> refused = error(call(Tokens.of("lead.borno"), NEEDS, bad), "VALIDATION_FAILED");
            assertTrue(String.valueOf(org.casebridge.support.GraphQLClient.field(refused)).startsWith("period"), refused::toString);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSuppressedCountCanBeRecoveredFromWhatIsPublished() {
        Map<String, Object> needs = ok(Tokens.of("lead.borno"), NEEDS, month(null, LAST_MONTH.getYear(), LAST_MONTH.getMonthValue()))
                .getMap("data.needsAssessment");
        Map<String, Object> indicators = ok(Tokens.of("lead.borno"), INDICATORS, month(null, LAST_MONTH.getYear(), LAST_MONTH.getMonthValue()))
                .getMap("data.caseManagementIndicators");
        List<Map<String, Object>> tables = new ArrayList<>();
        for (String name : List.of("needs", "sessions", "participants", "followUpRequests")) tables.add((Map<String, Object>) needs.get(name));
        for (String name : List.of("referralRequests", "referrals", "followUpTimeliness", "closureReasons", "feedbackSatisfaction", "supervisionRatings")) {
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
        assertTrue(suppressed > 0 && published > 0, "the demo data gives both published and suppressed cells in the last closed month");
    }

    /**
     * July 2016: four final sessions of twelve with three needs and three quotes each on caseworker training, a final
     * session of five with a quote, and a draft session with a quote: 25 mentions from five final sessions (the 13 quote
     * tags, never published, are enough to hide beside the mentions), so the theme's quotes are published — three, only
     * from the four large final sessions.
     */
    @Test
    void onlyFinalSessionsCountAndQuotesComeOnlyFromLargeEnoughFinalSessions() {
        List<UUID> large = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID small = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        List<UUID> all = new ArrayList<>(large);
        all.add(small);
        all.add(draft);
        for (UUID id : all) {
            int participants = large.contains(id) ? 12 : 5;
            Db.execute("""
                    insert into fg_session (id, guide_id, audience, format, state, held_on, starts_at, ends_at, location, facilitator_subject,
                      facilitator_username, note_taker_username, composition, status, participant_count, female_count, male_count,
                      other_gender_count, finalised_at, created_at, updated_at)
                    values (?, 'a1000000-0000-4000-8000-000000000001', 'CAREGIVERS', 'GROUP_DISCUSSION', 'Borno', date '2016-07-12', '10:00',
                      '11:00', 'x', 'x', 'fac.borno', 'fac2.borno', 'FEMALE_ONLY', ?, ?, ?, 0, 0, ?, now(), now())""",
                    id, id.equals(draft) ? "CONSENTED" : "FINAL", participants, participants,
                    id.equals(draft) ? null : java.time.OffsetDateTime.parse("2016-07-12T15:00:00Z"));
            for (int q = 0; q < (large.contains(id) ? 3 : 1); q++) {
                Db.execute("insert into fg_quote (id, session_id, speaker_type, text, themes) values (?, ?, 'CAREGIVER', ?, '{caseworker training}')",
                        UUID.randomUUID(), id, "Quote of a " + (large.contains(id) ? "large" : id.equals(small) ? "small" : "draft") + " session " + id + " #" + q);
            }
            if (large.contains(id)) {
                for (String urgency : List.of("HIGH", "MEDIUM", "LOW")) {
                    Db.execute("insert into fg_need (id, session_id, theme, professional_level, urgency) values (?, ?, 'caseworker training', 'CASEWORKER', ?)",
                            UUID.randomUUID(), id, urgency);
                }
            }
        }
        JsonPath figures = ok(Tokens.of("lead.borno"), NEEDS, month(null, 2016, 7));
        assertEquals(25, figures.getInt("data.needsAssessment.topThemes.find { it.theme == 'caseworker training' }.mentions.value"));
        List<String> quotes = figures.getList("data.needsAssessment.topThemes.quotes.flatten().text");
        assertEquals(3, quotes.size(), "up to three quotes of a theme: " + quotes);
        assertTrue(quotes.stream().allMatch(q -> q.startsWith("Quote of a large session")), quotes::toString);
        assertEquals(5, figures.getList("data.needsAssessment.topThemes").size(), "five themes of the list, whatever was said");
        assertTrue(figures.getList("data.needsAssessment.topThemes.quotes.flatten().speakerType").stream()
                .allMatch(t -> List.of("CAREGIVER", "YOUNG_PERSON", "PRACTITIONER", "STATE_OFFICIAL").contains(t)));
    }

    /**
     * August 2013 (a year of its own, as a year's months are released together): as July 2016, but the fifth session had twelve at the start and eight withdrew. Its quote is the shortest
     * (so the first chosen were the session counted as twelve), yet only four stayed: it gives no quote.
     */
    @Test
    void aSessionThatParticipantsLeftBelowTheThresholdGivesNoQuote() {
        List<UUID> large = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID leftEarly = UUID.randomUUID();
        List<UUID> all = new ArrayList<>(large);
        all.add(leftEarly);
        for (UUID id : all) {
            Db.execute("""
                    insert into fg_session (id, guide_id, audience, format, state, held_on, starts_at, ends_at, location, facilitator_subject,
                      facilitator_username, note_taker_username, composition, status, participant_count, withdrawn_count, female_count,
                      male_count, other_gender_count, finalised_at, created_at, updated_at)
                    values (?, 'a1000000-0000-4000-8000-000000000001', 'CAREGIVERS', 'GROUP_DISCUSSION', 'Borno', date '2013-08-12', '10:00',
                      '11:00', 'x', 'x', 'fac.borno', 'fac2.borno', 'FEMALE_ONLY', 'FINAL', 12, ?, 12, 0, 0,
                      timestamptz '2013-08-12 15:00Z', now(), now())""", id, id.equals(leftEarly) ? 8 : 0);
            for (int q = 0; q < (large.contains(id) ? 3 : 1); q++) {
                Db.execute("insert into fg_quote (id, session_id, speaker_type, text, themes) values (?, ?, 'CAREGIVER', ?, '{caseworker training}')",
                        UUID.randomUUID(), id, (large.contains(id) ? "Quote of a large session " : "Few stayed ") + id + " #" + q);
            }
            if (large.contains(id)) {
                for (String urgency : List.of("HIGH", "MEDIUM", "LOW")) {
                    Db.execute("insert into fg_need (id, session_id, theme, professional_level, urgency) values (?, ?, 'caseworker training', 'CASEWORKER', ?)",
                            UUID.randomUUID(), id, urgency);
                }
            }
        }
        JsonPath figures = ok(Tokens.of("lead.borno"), NEEDS, month(null, 2013, 8));
        assertEquals(25, figures.getInt("data.needsAssessment.topThemes.find { it.theme == 'caseworker training' }.mentions.value"));
        List<String> quotes = figures.getList("data.needsAssessment.topThemes.quotes.flatten().text");
        assertEquals(3, quotes.size(), "up to three quotes of a theme: " + quotes);
        assertTrue(quotes.stream().allMatch(q -> q.startsWith("Quote of a large session")),
                "a quote from a room of four, after eight withdrew: " + quotes);
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
                  other_gender_count, facilitator_agreed_at, finalised_at, created_at, updated_at)
                select gen_random_uuid(), 'a1000000-0000-4000-8000-000000000001', a, 'GROUP_DISCUSSION', 'Borno', date '2017-06-15',
                       '10:00', '11:00', 'x', 'x', 'fac.borno', 'fac2.borno', c, st, 12, case when c = 'MALE_ONLY' then 0 else 12 end,
                       case when c = 'MALE_ONLY' then 12 else 0 end, 0, case when st = 'CONSENTED' then now() end,
                       case when st = 'FINAL' then timestamptz '2017-06-15 16:00Z' end, now(), now()
                from unnest(array['CAREGIVERS','YOUNG_PEOPLE','PRACTITIONERS','STATE_OFFICIALS']) a
                cross join unnest(array['FEMALE_ONLY','MALE_ONLY','MIXED']) c
                cross join (select 'FINAL' as st, n from generate_series(1, 11) n union all select 'CONSENTED', n from generate_series(1, 5) n) s""");
        JsonPath answer = ok(Tokens.of("lead.borno"), NEEDS, month(null, 2017, 6));
        List<Integer> sessions = answer.getList("data.needsAssessment.sessions.rows.cells.flatten().value");
        assertEquals(12, sessions.size());
        assertTrue(sessions.stream().allMatch(v -> v == 11), "eleven final sessions per cell: " + sessions);
        assertEquals(132 * 12, answer.getInt("data.needsAssessment.participants.grandTotal.value"));
    }

    /** Referrals of every service type, eleven (or {@code times}) per answer, requested and answered at {@code at}. */
    static void referralsOfEveryTypeAndAnswer(String prefix, UUID caseId, String at, int times) {
        Db.execute("""
                insert into referral (id, case_id, from_agency_id, to_agency_id, service_id, status, urgency, requested_by_subject,
                                      requested_at, response_due_at, accepted_at, answered_at, updated_at)
                select gen_random_uuid(), ?, 'a0000000-0000-4000-8000-000000000001', s.agency_id, s.id, st,
                       'ROUTINE', 'x', cast(? as timestamptz), cast(? as timestamptz) + interval '3 days',
                       case when st = 'ACCEPTED' then cast(? as timestamptz) + make_interval(mins => 30 + n) end,
                       case when st <> 'REQUESTED' then cast(? as timestamptz) + make_interval(mins => 30 + n) end, now()
                from (select id, agency_id from agency_service where name like ? || '%') s
                cross join unnest(array['ACCEPTED','REJECTED','EXPIRED','CANCELLED','REQUESTED']) st
                cross join generate_series(1, ?) n""", caseId, at, at, at, at, prefix, times);
    }

    /**
     * In a period of its own (March 2019, a year no other test counts in), every service type × answer cell is filled to the threshold by a consenting
     * case, and a non-consenting case adds five more referrals to each: the published counts are exactly the consenting ones.
     */
    @Test
    void caseManagementIndicatorsCountOnlyCasesWithReportingConsent() {
        String counted = Cases.open("cw.amani", "Counted " + UUID.randomUUID());
        String notCounted = Cases.open("cw.amani", "Not counted " + UUID.randomUUID());
        Db.execute("update survivor_case set reporting_consent = false where id = ?", Cases.uuid(notCounted));
        servicesOfEveryType("Indicator test ");
        referralsOfEveryTypeAndAnswer("Indicator test ", Cases.uuid(counted), "2019-03-10 10:00Z", 11);
        referralsOfEveryTypeAndAnswer("Indicator test ", Cases.uuid(notCounted), "2019-03-10 10:00Z", 5);

        JsonPath answer = ok(Tokens.of("lead.borno"), INDICATORS, month(null, 2019, 3));
        List<Integer> values = answer.getList("data.caseManagementIndicators.referrals.rows.cells.flatten().value");
        assertEquals(36, values.size());
        assertTrue(values.stream().allMatch(v -> v == 11), "11 per cell, the non-consenting case's five not counted: " + values);
        assertEquals(396, answer.getInt("data.caseManagementIndicators.referrals.grandTotal.value"));
        assertEquals(495, answer.getInt("data.caseManagementIndicators.referralRequests.grandTotal.value"));
        assertEquals(11.0 / 33, answer.getDouble("data.caseManagementIndicators.byServiceType.find { it.serviceType == 'HEALTH' }.acceptanceRate"),
                1e-6, "accepted of accepted, rejected and expired");
        assertEquals(List.of(36), answer.getList("data.caseManagementIndicators.byServiceType.findAll { it.serviceType == 'HEALTH' }.medianMinutesToAccept"));
        List<String> agencies = Db.rows("select code from agency where state = 'Borno' and type in ('CASE_MANAGEMENT', 'CHILD_PROTECTION') order by code").stream().map(r -> (String) r.get("code")).toList();
        assertEquals(agencies, answer.getList("data.caseManagementIndicators.followUpTimeliness.rows.key"));
    }

    /**
     * A release is made once: eight concurrent first requests for April 2018 get the same figures and one stored
     * release; referrals recorded afterwards — through the database, backdated into April — change nothing, and the
     * stored release cannot be altered.
     */
    @Test
    void aReleaseIsMadeOnceAndNeverChanges() throws Exception {
        String counted = Cases.open("cw.amani", "Released " + UUID.randomUUID());
        servicesOfEveryType("Release test ");
        referralsOfEveryTypeAndAnswer("Release test ", Cases.uuid(counted), "2018-04-10 10:00Z", 11);
        String lead = Tokens.of("lead.borno");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> ok(lead, INDICATORS, month(null, 2018, 4)).getString("data.caseManagementIndicators")));
        }
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (var a : answers) distinct.add(a.get());
        pool.shutdown();
        assertEquals(1, distinct.size(), "one release for concurrent first requests");
        assertEquals(1, Db.count("select count(*) from report_release where family = 'CASE_MANAGEMENT' and scope = 'Borno' and period = '2018-04'"));
        JsonPath first = ok(lead, INDICATORS, month(null, 2018, 4));
        assertEquals(396, first.getInt("data.caseManagementIndicators.referrals.grandTotal.value"));

        referralsOfEveryTypeAndAnswer("Release test ", Cases.uuid(counted), "2018-04-20 10:00Z", 11);
        assertEquals(first.getString("data.caseManagementIndicators"), ok(lead, INDICATORS, month(null, 2018, 4)).getString("data.caseManagementIndicators"));
        assertThrows(IllegalStateException.class, () -> Db.execute("update report_release_cell set value = 0 where period = '2018-04'"));
        assertThrows(IllegalStateException.class, () -> Db.execute("delete from report_release where period = '2018-04'"));
    }

    @Test
    void theSameFiguresAsCsvWithTheSameSuppression() {
        String label = "%04d-%02d".formatted(LAST_MONTH.getYear(), LAST_MONTH.getMonthValue());
        Map<String, Object> needs = ok(Tokens.of("lead.borno"), NEEDS, month(null, LAST_MONTH.getYear(), LAST_MONTH.getMonthValue()))
                .getMap("data.needsAssessment.sessions");
        Response csv = RestAssured.given().header("Authorization", "Bearer " + Tokens.of("lead.borno"))
                .queryParam("period", label).get("/aggregates/sessions.csv");
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
        for (String table : AggregateCsv.TABLES.stream().map(AggregateCsv.Table::name).toList()) {
            Response each = RestAssured.given().header("Authorization", "Bearer " + Tokens.of("lead.borno"))
                    .queryParam("period", "2025").get("/aggregates/" + table + ".csv");
            assertEquals(200, each.statusCode(), table + ": " + each.asString());
            assertTrue(each.getHeader("Content-Disposition").contains("-2025.csv"));
        }

        assertEquals(401, RestAssured.given().queryParam("period", label).get("/aggregates/sessions.csv").statusCode());
        assertEquals(403, RestAssured.given().header("Authorization", "Bearer " + Tokens.of("cw.amani"))
                .queryParam("period", label).get("/aggregates/sessions.csv").statusCode());
        assertEquals(403, RestAssured.given().header("Authorization", "Bearer " + Tokens.of("lead.borno")).queryParam("state", "Adamawa")
                .queryParam("period", label).get("/aggregates/needs.csv").statusCode());
        for (String bad : List.of("yesterday", "2026-13", "2025-Q5", LocalDate.now().toString().substring(0, 7), "2025-01-01")) {
            Response refused = RestAssured.given().header("Authorization", "Bearer " + Tokens.of("lead.borno"))
                    .queryParam("period", bad).get("/aggregates/needs.csv");
            assertEquals(400, refused.statusCode(), bad);
            assertEquals("VALIDATION_FAILED", refused.jsonPath().getString("errors[0].extensions.code"));
            assertTrue(refused.jsonPath().getString("errors[0].extensions.field").startsWith("period"));
        }
        assertEquals(404, RestAssured.given().header("Authorization", "Bearer " + Tokens.of("lead.borno"))
                .queryParam("period", label).get("/aggregates/cases.csv").statusCode());
    }
}
