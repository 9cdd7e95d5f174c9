package org.casebridge.insight;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacker of the threat model: issues every aggregate query of the live schema (every query taking a reporting
 * period, every table in its answer) that a state lead or a supervisor may send, for every closed month, quarter and
 * year of the last two calendar years, then solves the whole linked set — each table's rows, columns and margins,
 * every quarter against its months, every year against its quarters and its months, the state's feedback table
 * against its agencies' — by subtraction and by the zero rule, repeatedly. It must learn nothing. Then it records new
 * data (through the API, and a late row backdated into a closed month through SQL) and asks everything again: no
 * closed period's figures may change.
 */
@QuarkusTest
class RecoveryAttackTest {

    static final String TABLE = "title state rows { key cells { column value suppressed } total { value suppressed } } "
            + "columnTotals { column value suppressed } grandTotal { value suppressed }";

    static final List<String> CALLERS = List.of("lead.borno", "lead.adamawa", "sup.amani", "sup.kindred");

    /** A query of the schema with a period argument, and the paths of the tables in its answer ("" for itself). */
    record AggregateQuery(String field, List<String> tables) {
        String document() {
            StringBuilder selection = new StringBuilder();
            for (String t : tables) selection.append(t.isEmpty() ? TABLE : t + " { " + TABLE + " } ");
            return "query($p: ReportingPeriodInput!) { " + field + "(period: $p) { " + selection + " } }";
        }
    }

    @SuppressWarnings("unchecked")
    static List<AggregateQuery> aggregateQueries(String token) {
        JsonPath schema = ok(token, "{ __schema { queryType { fields { name args { name type { kind ofType { name } } } "
                + "type { kind name ofType { kind name } } } } } }", null);
        List<AggregateQuery> queries = new ArrayList<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) schema.get("data.__schema.queryType.fields")) {
            boolean byPeriod = ((List<Map<String, Object>>) f.get("args")).stream().anyMatch(a -> "period".equals(a.get("name"))
                    && "ReportingPeriodInput".equals(((Map<String, Object>) ((Map<String, Object>) a.get("type")).get("ofType")).get("name")));
            if (!byPeriod) continue;
            Map<String, Object> type = (Map<String, Object>) f.get("type");
            String typeName = type.get("name") != null ? (String) type.get("name") : (String) ((Map<String, Object>) type.get("ofType")).get("name");
            if ("AggregateTable".equals(typeName)) {
                queries.add(new AggregateQuery((String) f.get("name"), List.of("")));
                continue;
            }
            JsonPath fields = ok(token, "query($n: String!) { __type(name: $n) { fields { name type { kind name ofType { kind name } } } } }",
                    Map.of("n", typeName));
            List<String> tables = new ArrayList<>();
            for (Map<String, Object> sub : (List<Map<String, Object>>) fields.get("data.__type.fields")) {
                Map<String, Object> t = (Map<String, Object>) sub.get("type");
                String n = t.get("name") != null ? (String) t.get("name") : (String) ((Map<String, Object>) t.get("ofType")).get("name");
                if ("AggregateTable".equals(n)) tables.add((String) sub.get("name"));
            }
            queries.add(new AggregateQuery((String) f.get("name"), tables));
        }
        return queries;
    }

    /** Every closed month, quarter and year of the last two calendar years (UTC). */
    static List<Map<String, Object>> periods() {
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        List<Map<String, Object>> periods = new ArrayList<>();
        for (int year = lastMonth.getYear() - 1; year <= lastMonth.getYear(); year++) {
            for (int m = 1; m <= 12; m++) {
                if (!LocalDate.of(year, m, 1).isAfter(lastMonth)) periods.add(Map.of("year", year, "month", m));
            }
            for (int q = 1; q <= 4; q++) {
                if (!LocalDate.of(year, q * 3, 1).isAfter(lastMonth)) periods.add(Map.of("year", year, "quarter", q));
            }
            if (!LocalDate.of(year, 12, 1).isAfter(lastMonth)) periods.add(Map.of("year", year));
        }
        return periods;
    }

    static String label(Map<String, Object> p) {
        return p.containsKey("month") ? "%04d-%02d".formatted(p.get("year"), p.get("month"))
                : p.containsKey("quarter") ? p.get("year") + "-Q" + p.get("quarter") : String.valueOf(p.get("year"));
    }

    /** Everything the attacker holds: the answers, and the cells by (scope, table, period, row, column). */
    static final class Holdings {
        final Map<String, String> answers = new LinkedHashMap<>();
        final Map<String, Integer> index = new LinkedHashMap<>();
        final List<Long> known = new ArrayList<>();
        final List<Boolean> suppressed = new ArrayList<>();
        final Map<String, List<String>> tableRows = new HashMap<>();
        final Map<String, List<String>> tableColumns = new HashMap<>();
        final Map<String, String> tableTitle = new HashMap<>();
        int queries;

        static String key(String scope, String table, String period, String row, String column) {
            return scope + "|" + table + "|" + period + "|" + row + "|" + column;
        }

        void put(String key, Map<String, Object> cell) {
            index.put(key, known.size());
            known.add(cell.get("value") == null ? null : ((Number) cell.get("value")).longValue());
            suppressed.add(Boolean.TRUE.equals(cell.get("suppressed")));
        }

        @SuppressWarnings("unchecked")
        void table(String table, String period, Map<String, Object> t) {
            String scope = (String) t.get("state");
            String tableKey = scope + "|" + table;
            List<String> rows = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) t.get("columnTotals")) columns.add((String) c.get("column"));
            for (Map<String, Object> row : (List<Map<String, Object>>) t.get("rows")) {
                String r = (String) row.get("key");
                rows.add(r);
                for (Map<String, Object> cell : (List<Map<String, Object>>) row.get("cells")) {
                    put(key(scope, table, period, r, (String) cell.get("column")), cell);
                }
                put(key(scope, table, period, r, "TOTAL"), (Map<String, Object>) row.get("total"));
            }
            for (Map<String, Object> cell : (List<Map<String, Object>>) t.get("columnTotals")) {
                put(key(scope, table, period, "TOTAL", (String) cell.get("column")), cell);
            }
            put(key(scope, table, period, "TOTAL", "TOTAL"), (Map<String, Object>) t.get("grandTotal"));
            tableRows.merge(tableKey, rows, (a, b) -> a.size() >= b.size() ? a : b);
            tableColumns.put(tableKey, columns);
            tableTitle.put(tableKey, (String) t.get("title"));
        }

        /** A count the attacker knows exists but is never published (a theme's quote tags): unknown, to be protected. */
        Integer unpublished(String key) {
            Integer at = index.get(key);
            if (at != null) return at;
            index.put(key, known.size());
            known.add(null);
            suppressed.add(true);
            return known.size() - 1;
        }

        Integer at(String scope, String table, String period, String row, String column) {
            return index.get(key(scope, table, period, row, column));
        }
    }

    @SuppressWarnings("unchecked")
    static Holdings issueEverything(List<AggregateQuery> queries) {
        Holdings h = new Holdings();
        for (String caller : CALLERS) {
            String token = Tokens.of(caller);
            for (AggregateQuery q : queries) {
                for (Map<String, Object> period : periods()) {
                    JsonPath answer = call(token, q.document(), Map.of("p", period));
                    if (answer.get("errors") != null || answer.get("data." + q.field()) == null) {
                        assertTrue(answer.getString("errors[0].extensions.code").equals("FORBIDDEN"), caller + " " + q.field() + ": " + answer.prettify());
                        break; // not this caller's query
                    }
                    h.queries++;
                    h.answers.put(caller + " " + q.field() + " " + label(period), answer.getString("data"));
                    Map<String, Object> data = answer.getMap("data." + q.field());
                    for (String t : q.tables()) {
                        String table = t.isEmpty() ? q.field() : q.field() + "." + t;
                        if (q.field().equals("feedbackResults")) table = "feedbackResults:" + caller;
                        h.table(table, label(period), t.isEmpty() ? data : (Map<String, Object>) data.get(t));
                    }
                }
            }
        }
        return h;
    }

    /** Every additive relation the attacker knows between the cells it holds. */
    static List<LineAttack.Line> lines(Holdings h, Map<String, List<String>> feedbackSections, Map<String, String> supervisorState) {
        List<LineAttack.Line> lines = new ArrayList<>();
        List<Map<String, Object>> periods = periods();
        java.util.function.BiConsumer<List<Integer>, Integer> add = (parts, total) -> {
            if (total != null && parts.stream().allMatch(java.util.Objects::nonNull)) {
                lines.add(new LineAttack.Line(parts.stream().mapToInt(Integer::intValue).toArray(), total));
            }
        };
        for (String tableKey : h.tableRows.keySet()) {
            String scope = tableKey.substring(0, tableKey.indexOf('|'));
            String table = tableKey.substring(tableKey.indexOf('|') + 1);
            List<String> rows = new ArrayList<>(h.tableRows.get(tableKey));
            List<String> columns = new ArrayList<>(h.tableColumns.get(tableKey));
            List<String> rowsT = new ArrayList<>(rows);
            rowsT.add("TOTAL");
            List<String> columnsT = new ArrayList<>(columns);
            columnsT.add("TOTAL");
            for (Map<String, Object> p : periods) {
                String label = label(p);
                for (String r : rowsT) add.accept(columns.stream().map(c -> h.at(scope, table, label, r, c)).toList(), h.at(scope, table, label, r, "TOTAL"));
                for (String c : columnsT) add.accept(rows.stream().map(r -> h.at(scope, table, label, r, c)).toList(), h.at(scope, table, label, "TOTAL", c));
                List<List<String>> partSets = new ArrayList<>();
                int year = (Integer) p.get("year");
                if (p.containsKey("quarter")) {
                    int q = (Integer) p.get("quarter");
                    partSets.add(List.of(1, 2, 3).stream().map(i -> "%04d-%02d".formatted(year, (q - 1) * 3 + i)).toList());
                } else if (!p.containsKey("month")) {
                    partSets.add(List.of(1, 2, 3, 4).stream().map(q -> year + "-Q" + q).toList());
                    partSets.add(java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> "%04d-%02d".formatted(year, m)).toList());
                }
                for (List<String> parts : partSets) {
                    for (String r : rowsT) for (String c : columnsT) {
                        add.accept(parts.stream().map(part -> h.at(scope, table, part, r, c)).toList(), h.at(scope, table, label, r, c));
                    }
                }
                // the same table answered by two queries (supervision ratings): equal cells
                for (String other : h.tableRows.keySet()) {
                    if (!other.equals(tableKey) && other.startsWith(scope + "|") && h.tableTitle.get(other).equals(h.tableTitle.get(tableKey))) {
                        String otherTable = other.substring(other.indexOf('|') + 1);
                        for (String r : rowsT) for (String c : columnsT) add.accept(List.of(h.at(scope, otherTable, label, r, c)), h.at(scope, table, label, r, c));
                    }
                }
                // every response answers every question and every observation rates every area: equal row totals
                if (table.startsWith("feedbackResults:") || table.equals("supervisionRatings") || table.endsWith(".supervisionRatings")) {
                    for (int k = 1; k < rows.size(); k++) {
                        add.accept(List.of(h.at(scope, table, label, rows.get(k - 1), "TOTAL")), h.at(scope, table, label, rows.get(k), "TOTAL"));
                    }
                }
                // a theme's mentions = its needs (every level) + its follow-up requests + its quote tags (never published)
                if (table.equals("needsAssessment.themeMentions")) {
                    for (String theme : rows) {
                        List<Integer> parts = new ArrayList<>();
                        for (String level : List.of("MANAGER", "SUPERVISOR", "CASEWORKER", "NOT_APPLICABLE")) {
                            parts.add(h.at(scope, "needsAssessment.needs", label, theme + " / " + level, "TOTAL"));
                        }
                        parts.add(h.at(scope, "needsAssessment.followUpRequests", label, theme, "TOTAL"));
                        if (h.at(scope, table, label, theme, "TOTAL") == null || parts.contains(null)) continue;
                        parts.add(h.unpublished(Holdings.key(scope, "quoteTags", label, theme, "TOTAL")));
                        add.accept(parts, h.at(scope, table, label, theme, "TOTAL"));
                    }
                }
                // a state's client feedback is the sum of its agencies': sections of questions, and the totals
                if (table.equals("caseManagementIndicators.feedbackSatisfaction")) {
                    List<String> agencyTables = supervisorState.entrySet().stream().filter(e -> e.getValue().equals(scope))
                            .map(e -> "feedbackResults:" + e.getKey()).toList();
                    for (String c : columnsT) {
                        for (String section : rowsT) {
                            List<Integer> parts = new ArrayList<>();
                            for (String agencyTable : agencyTables) {
                                List<String> questions = section.equals("TOTAL") ? List.of("TOTAL") : feedbackSections.getOrDefault(section, List.of());
                                for (String question : questions) parts.add(h.at(scope, agencyTable, label, question, c));
                            }
                            if (!agencyTables.isEmpty()) add.accept(parts, h.at(scope, table, label, section, c));
                        }
                    }
                }
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    @Test
    void everyAggregateOfTwoYearsSolvedTogetherDisclosesNothingAndNeverChanges() {
        List<AggregateQuery> queries = aggregateQueries(Tokens.of("lead.borno"));
        assertTrue(queries.size() >= 4, "the schema's aggregate queries: " + queries);
        Map<String, List<String>> sections = new HashMap<>();
        for (Map<String, Object> q : (List<Map<String, Object>>) ok(Tokens.of("sup.amani"), "{ feedbackSurveyTemplate { questions { section position text } } }", null)
                .get("data.feedbackSurveyTemplate.questions")) {
            sections.computeIfAbsent((String) q.get("section"), k -> new ArrayList<>()).add(q.get("position") + ". " + q.get("text"));
        }
        Map<String, String> supervisorState = Map.of("sup.amani", "Borno", "sup.kindred", "Adamawa");

        Holdings before = issueEverything(queries);
        List<LineAttack.Line> lines = lines(before, sections, supervisorState);
        assertTrue(before.index.keySet().stream().anyMatch(k -> k.contains("|quoteTags|")), "the mentions relation is among the lines");
        LineAttack.Learnt learnt = LineAttack.attack(before.known.toArray(Long[]::new), lines);
        List<String> keys = new ArrayList<>(before.index.keySet());
        assertEquals(List.of(), learnt.solved().stream().filter(before.suppressed::get).map(keys::get).toList(), "recovered hidden cells");
        assertEquals(List.of(), learnt.provedZero().stream().map(keys::get).toList(), "hidden cells proved zero");
        long published = before.known.stream().filter(java.util.Objects::nonNull).count();
        for (int i = 0; i < before.known.size(); i++) {
            Long v = before.known.get(i);
            assertTrue(v == null ? before.suppressed.get(i) : v >= 11, "published below the threshold: " + keys.get(i));
        }
        System.out.printf("Recovery attack: %d queries, %d tables (%d table answers), %d cells (%d published, %d suppressed), %d lines; "
                        + "Gaussian elimination over %d unknowns and %d equations solved %d%n",
                before.queries, before.tableRows.size(), before.answers.size(), before.known.size(), published, before.known.size() - published,
                lines.size(), learnt.unknowns(), learnt.equations(), learnt.solvedByElimination());
        assertTrue(published > 100, "real figures are published, not only suppressed cells: " + published);
        String lastMonth = label(periods().stream().filter(p -> p.containsKey("month")).reduce((a, b) -> b).orElseThrow());
        assertTrue(before.index.entrySet().stream().anyMatch(e -> e.getKey().contains("|" + lastMonth + "|") && before.known.get(e.getValue()) != null),
                "cells of the last closed month are published");

        // new data: through the API now, and late rows backdated into the last closed month through SQL
        JsonPath theme = ok(Tokens.of("admin.amani"), "mutation($i: AddNeedThemeInput!) { addNeedTheme(input: $i) { theme { name } } }",
                Map.of("i", Map.of("name", "Attack test theme " + UUID.randomUUID().toString().substring(0, 8))));
        assertTrue(theme.getString("data.addNeedTheme.theme.name").startsWith("attack test theme"));
        String attackCase = Cases.open("cw.amani", "Attack " + UUID.randomUUID());
        Cases.consent("cw.amani", attackCase, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        Cases.refer("cw.amani", attackCase, Cases.CLINIC_CARE);
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        OffsetDateTime backdated = month.plusDays(3).atTime(12, 0).atOffset(ZoneOffset.UTC);
        Db.execute("""
                insert into fg_session (id, guide_id, audience, format, state, held_on, starts_at, ends_at, location, facilitator_subject,
                  facilitator_username, note_taker_username, composition, status, participant_count, female_count, male_count,
                  other_gender_count, finalised_at, created_at, updated_at)
                select gen_random_uuid(), 'a1000000-0000-4000-8000-000000000001', 'CAREGIVERS', 'GROUP_DISCUSSION', 'Borno', ?, '10:00',
                  '11:00', 'late', 'x', 'fac.borno', 'fac2.borno', 'FEMALE_ONLY', 'FINAL', 12, 12, 0, 0, ?, now(), now()
                from generate_series(1, 11)""", month.plusDays(3), backdated);
        Db.execute("""
                insert into case_closure (id, case_id, reason, safety_plan_reviewed, action_plan_reviewed, survivor_told_can_return,
                  file_complete, note, last_contact_at, status, requested_by_subject, requested_by_name, requested_at,
                  decided_by_subject, decided_by_name, decided_at, decision_comment)
                values (gen_random_uuid(), 'c0000000-0000-4000-8000-000000000005', 'RELOCATED', true, true, true, true, 'late', ?, 'APPROVED',
                  'x', 'cw.amani', ?, 'y', 'sup.amani', ?, 'late')""", backdated, backdated, backdated);
        AggregateFindingsTest.oneSurvivorAnswers(month);
        Holdings after = issueEverything(queries);
        List<String> changed = new ArrayList<>();
        before.answers.forEach((query, answer) -> {
            if (!answer.equals(after.answers.get(query))) changed.add(query);
        });
        assertEquals(List.of(), changed, "closed periods' figures changed");
        assertEquals(before.answers.size(), after.answers.size());
    }
}
