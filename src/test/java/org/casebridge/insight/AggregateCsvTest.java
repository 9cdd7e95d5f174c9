package org.casebridge.insight;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The CSV is the GraphQL answer, table for table: every table of {@code GET /aggregates/{table}.csv} is compared cell
 * by cell with each GraphQL field it declares, for both states and a month and a quarter; and every table a state
 * lead can ask in GraphQL (walked from the live schema) is one of them. No list of tables here: a new CSV table or a
 * new GraphQL table is covered without editing this test.
 */
@QuarkusTest
class AggregateCsvTest {

    /** A year no other test counts in: its referrals are this test's. */
    static final int YEAR = 2012;
    static final Map<String, String> LEADS = Map.of("lead.borno", "Borno", "lead.adamawa", "Adamawa");

    private static final String TYPE = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

    /** Referrals of every service type answered in May 2012, 20 of each answer for some types and 3 for the others. */
    private static void referralsInMay() {
        String counted = Cases.open("cw.amani", "Csv counted " + UUID.randomUUID());
        NeedsAssessmentAggregateTest.servicesOfEveryType("Csv test ");
        Db.execute("""
                insert into referral (id, case_id, from_agency_id, to_agency_id, service_id, status, urgency, requested_by_subject,
                                      requested_at, response_due_at, accepted_at, answered_at, updated_at)
                select gen_random_uuid(), ?, 'a0000000-0000-4000-8000-000000000001', s.agency_id, s.id, st,
                       'ROUTINE', 'x', timestamptz '2012-05-10 10:00Z', timestamptz '2012-05-13 10:00Z',
                       case when st = 'ACCEPTED' then timestamptz '2012-05-10 10:00Z' + make_interval(mins => 40 + n) end,
                       case when st <> 'REQUESTED' then timestamptz '2012-05-10 10:00Z' + make_interval(mins => 40 + n) end, now()
                from (select id, agency_id, type from agency_service where name like 'Csv test %') s
                cross join unnest(array['ACCEPTED','REJECTED','EXPIRED','CANCELLED','REQUESTED']) st
                cross join lateral generate_series(1, case when s.type in ('HEALTH','LEGAL','SHELTER','EDUCATION','OTHER') then 20 else 3 end) n""",
                Cases.uuid(counted));
    }

    @Test
    void everyCsvTableIsTheGraphQLAnswerCellByCell() {
        referralsInMay();
        Schema schema = new Schema(Tokens.of("lead.borno"));
        Set<String> published = new LinkedHashSet<>();
        Set<String> suppressed = new LinkedHashSet<>();
        for (Map<String, Object> period : List.of(Map.<String, Object>of("year", YEAR, "month", 5), Map.<String, Object>of("year", YEAR, "quarter", 2))) {
            String label = period.containsKey("month") ? "%04d-%02d".formatted(YEAR, 5) : YEAR + "-Q2";
            for (Map.Entry<String, String> lead : LEADS.entrySet()) {
                String token = Tokens.of(lead.getKey());
                for (AggregateCsv.Table table : AggregateCsv.TABLES) {
                    Response response = RestAssured.given().auth().oauth2(token).queryParam("period", label).queryParam("state", lead.getValue())
                            .get("/aggregates/" + table.name() + ".csv");
                    String where = table.name() + ".csv of " + lead.getValue() + " " + label;
                    assertEquals(200, response.statusCode(), where + ": " + response.asString());
                    assertTrue(response.contentType().startsWith("text/csv"), where);
                    assertTrue(response.getHeader("Content-Disposition").endsWith("-" + label + ".csv\""), where);
                    List<List<String>> csv = parse(response.asString());
                    assertFalse(table.fields().isEmpty(), table.name() + " declares the GraphQL field it writes");
                    for (String field : table.fields()) {
                        Object answer = schema.answer(token, field, lead.getValue(), period);
                        String what = where + " against " + field;
                        if (schema.leafType(field).equals("AggregateTable")) {
                            assertEquals(expectedCounts(answer), csv, what);
                        } else {
                            assertSameRows(schema, schema.leafType(field), answer, csv, what);
                        }
                        csv.stream().skip(1).flatMap(line -> line.stream().skip(1))
                                .forEach(cell -> (cell.equals(AggregateCsv.SUPPRESSED) ? suppressed : published).add(table.name()));
                    }
                }
            }
        }
        assertTrue(published.contains("acceptance") && suppressed.contains("acceptance"),
                "the test's data gives the acceptance table published and suppressed values: published in " + published
                        + ", suppressed in " + suppressed);
    }

    /** Every table a state lead can read in GraphQL has its CSV: the tables of every query with a period they answer. */
    @Test
    void everyTableAStateLeadReadsInGraphQLHasItsCsv() {
        String token = Tokens.of("lead.borno");
        Schema schema = new Schema(token);
        Set<String> declared = new LinkedHashSet<>();
        AggregateCsv.TABLES.forEach(t -> declared.addAll(t.fields()));
        List<String> tables = schema.stateLeadTables(token);
        assertTrue(tables.contains("caseManagementIndicators.byServiceType") && tables.contains("needsAssessment.needs"),
                "the walk finds the tables: " + tables);
        assertEquals(List.of(), tables.stream().filter(t -> !declared.contains(t)).toList(), "GraphQL tables without a CSV");
        assertEquals(List.of(), declared.stream().filter(t -> !tables.contains(t)).toList(), "CSV tables declaring no state lead's GraphQL table");
    }

    /** The CSV's refusals, for every table: no token, another role, another state, a period that is not closed. */
    @Test
    void everyTableRefusesAsTheGraphQLQueriesDo() {
        String month = "%04d-%02d".formatted(YEAR, 5);
        for (AggregateCsv.Table table : AggregateCsv.TABLES) {
            String path = "/aggregates/" + table.name() + ".csv";
            assertEquals(401, RestAssured.given().queryParam("period", month).get(path).statusCode(), path);
            Response caseworker = RestAssured.given().auth().oauth2(Tokens.of("cw.amani")).queryParam("period", month).get(path);
            assertEquals(403, caseworker.statusCode(), path);
            assertEquals("FORBIDDEN", caseworker.jsonPath().getString("errors[0].extensions.code"), path);
            assertEquals(403, RestAssured.given().auth().oauth2(Tokens.of("lead.borno")).queryParam("period", month)
                    .queryParam("state", "Adamawa").get(path).statusCode(), path);
            Response open = RestAssured.given().auth().oauth2(Tokens.of("lead.borno"))
                    .queryParam("period", java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString()).get(path);
            assertEquals(400, open.statusCode(), path);
            assertEquals("period", open.jsonPath().getString("errors[0].extensions.field"), path);
        }
        Response unknown = RestAssured.given().auth().oauth2(Tokens.of("lead.borno")).queryParam("period", month).get("/aggregates/cases.csv");
        assertEquals(404, unknown.statusCode());
        for (AggregateCsv.Table table : AggregateCsv.TABLES) {
            assertTrue(unknown.jsonPath().getString("errors[0].message").contains(table.name()), "the 404 names " + table.name());
        }
    }

    /** A table of counts as the CSV writes it: header, rows with their totals, then the column totals. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> expectedCounts(Object answer) {
        Map<String, Object> t = (Map<String, Object>) answer;
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of((String) t.get("rowDimension")));
        header.addAll((List<String>) t.get("columns"));
        header.add("TOTAL");
        lines.add(header);
        for (Map<String, Object> row : (List<Map<String, Object>>) t.get("rows")) {
            List<String> line = new ArrayList<>(List.of((String) row.get("key")));
            ((List<Map<String, Object>>) row.get("cells")).forEach(c -> line.add(cell(c)));
            line.add(cell((Map<String, Object>) row.get("total")));
            lines.add(line);
        }
        List<String> totals = new ArrayList<>(List.of("TOTAL"));
        ((List<Map<String, Object>>) t.get("columnTotals")).forEach(c -> totals.add(cell(c)));
        totals.add(cell((Map<String, Object>) t.get("grandTotal")));
        lines.add(totals);
        return lines;
    }

    private static String cell(Map<String, Object> c) {
        if (Boolean.TRUE.equals(c.get("suppressed"))) {
            assertNull(c.get("value"), "a suppressed cell has no value: " + c);
            return AggregateCsv.SUPPRESSED;
        }
        return String.valueOf(c.get("value"));
    }

    /**
     * A list of objects as the CSV writes it: a header naming each field of the type but its suppressed flag, then a
     * line per object, a null written "suppressed"; an object flagged suppressed has a suppressed cell, and only then.
     */
    @SuppressWarnings("unchecked")
    private static void assertSameRows(Schema schema, String type, Object answer, List<List<String>> csv, String what) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) answer;
        List<String> header = csv.get(0);
        List<String> fields = new ArrayList<>(schema.fieldsOf(type).keySet());
        fields.remove("suppressed");
        assertEquals(Set.copyOf(fields), Set.copyOf(header), what + ": the header names every field of " + type);
        assertEquals(header.size(), Set.copyOf(header).size(), what + ": each field once");
        assertEquals(rows.size(), csv.size() - 1, what + ": a line per object");
        for (int i = 0; i < rows.size(); i++) {
            List<String> line = csv.get(i + 1);
            assertEquals(header.size(), line.size(), what + " line " + (i + 1));
            boolean anySuppressed = false;
            for (int c = 0; c < header.size(); c++) {
                Object value = rows.get(i).get(header.get(c));
                String written = line.get(c);
                String at = what + " line " + (i + 1) + " " + header.get(c);
                if (value == null) {
                    assertEquals(AggregateCsv.SUPPRESSED, written, at);
                    anySuppressed = true;
                } else if (value instanceof Number n) {
                    assertEquals(0, new BigDecimal(n.toString()).compareTo(new BigDecimal(written)), at + ": " + written + " vs " + n);
                } else {
                    assertEquals(String.valueOf(value), written, at);
                }
            }
            if (rows.get(i).containsKey("suppressed")) {
                assertEquals(rows.get(i).get("suppressed"), anySuppressed, what + " line " + (i + 1) + ": flagged suppressed iff a value is withheld");
            }
        }
    }

    /** RFC 4180: fields separated by commas, lines by CRLF, a quoted field may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parse(String text) {
        assertTrue(text.endsWith("\r\n"), "every line ends with CRLF");
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return lines;
    }

    /** The live schema as a state lead introspects it. */
    static final class Schema {
        private final String token;
        private final Map<String, Map<String, Map<String, Object>>> types = new HashMap<>();

        Schema(String token) {
            this.token = token;
        }

        /** The fields of an object type (the query root too), each with its type, in the schema's order. */
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> fieldsOf(String type) {
            return types.computeIfAbsent(type, name -> {
                JsonPath answer = ok(token, "query($n: String!) { __type(name: $n) { fields { name args { name type { " + TYPE + " } } type { "
                        + TYPE + " } } } }", Map.of("n", name));
                Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
                for (Map<String, Object> f : (List<Map<String, Object>>) answer.get("data.__type.fields")) {
                    fields.put((String) f.get("name"), f);
                }
                return fields;
            });
        }

        /** A type without its NON_NULL and LIST wrappers: its kind and name, and whether a list was unwrapped. */
        @SuppressWarnings("unchecked")
        static Named named(Map<String, Object> type) {
            boolean list = false;
            while (type.get("name") == null) {
                list |= "LIST".equals(type.get("kind"));
                type = (Map<String, Object>) type.get("ofType");
            }
            return new Named((String) type.get("kind"), (String) type.get("name"), list);
        }

        record Named(String kind, String name, boolean list) {
        }

        private Named typeAt(String path) {
            String type = "Query";
            Named named = null;
            for (String field : path.split("\\.")) {
                Map<String, Object> definition = fieldsOf(type).get(field);
                if (definition == null) fail(path + ": no field " + field + " on " + type);
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) definition.get("type");
                named = named(t);
                type = named.name();
            }
            return named;
        }

        String leafType(String path) {
            return typeAt(path).name();
        }

        /** A list of objects of scalars and enums only: a table of one line per object. */
        boolean flatList(Named named) {
            return named.list() && named.kind().equals("OBJECT") && fieldsOf(named.name()).values().stream().allMatch(f -> {
                @SuppressWarnings("unchecked")
                String kind = named((Map<String, Object>) f.get("type")).kind();
                return kind.equals("SCALAR") || kind.equals("ENUM");
            });
        }

        boolean table(Named named) {
            return named.name().equals("AggregateTable") && !named.list() || flatList(named);
        }

        private String selection(Named named) {
            if (named.name().equals("AggregateTable")) {
                return "rowDimension columns rows { key cells { column value suppressed } total { value suppressed } } "
                        + "columnTotals { column value suppressed } grandTotal { value suppressed }";
            }
            return String.join(" ", fieldsOf(named.name()).keySet());
        }

        /** The answer of the GraphQL field at {@code path} (from the query root, whose field takes the period and state). */
        Object answer(String token, String path, String state, Map<String, Object> period) {
            String[] fields = path.split("\\.");
            StringBuilder document = new StringBuilder("query($s: String, $p: ReportingPeriodInput!) { ")
                    .append(fields[0]).append("(state: $s, period: $p) { ");
            for (int i = 1; i < fields.length; i++) document.append(fields[i]).append(" { ");
            document.append(selection(typeAt(path)));
            document.append(" }".repeat(fields.length)).append(" }");
            String body = RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON).auth().oauth2(token)
                    .body(Map.of("query", document.toString(), "variables", Map.of("s", state, "p", period)))
                    .post("/graphql").then().statusCode(200).extract().asString();
            // decimals as written (a rate like 0.3333333333333333 would lose digits as a float)
            JsonPath answer = new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
            assertNull(answer.get("errors"), () -> path + ": " + body);
            return answer.get("data." + path);
        }

        /**
         * Every table in the answers of the queries with a period a state lead is answered: the query itself when it is a
         * table, else each field of its answer that is one.
         */
        @SuppressWarnings("unchecked")
        List<String> stateLeadTables(String token) {
            List<String> tables = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> query : fieldsOf("Query").entrySet()) {
                List<Map<String, Object>> args = (List<Map<String, Object>>) query.getValue().get("args");
                boolean byPeriod = args.stream().anyMatch(a -> a.get("name").equals("period")
                        && named((Map<String, Object>) a.get("type")).name().equals("ReportingPeriodInput"));
                if (!byPeriod) continue;
                Named root = named((Map<String, Object>) query.getValue().get("type"));
                String probe = "query($p: ReportingPeriodInput!) { " + query.getKey() + "(period: $p) { __typename } }";
                JsonPath answer = org.casebridge.support.GraphQLClient.call(token, probe, Map.of("p", Map.of("year", YEAR, "month", 5)));
                if (answer.get("errors") != null) continue; // not a state lead's query (an agency's supervisors')
                if (table(root)) {
                    tables.add(query.getKey());
                    continue;
                }
                for (Map.Entry<String, Map<String, Object>> field : fieldsOf(root.name()).entrySet()) {
                    if (table(named((Map<String, Object>) field.getValue().get("type")))) tables.add(query.getKey() + "." + field.getKey());
                }
            }
            return tables;
        }
    }
}
