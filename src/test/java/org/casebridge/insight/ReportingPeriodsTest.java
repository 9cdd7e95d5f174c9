package org.casebridge.insight;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reportingPeriods} lists exactly what the aggregates release now: every period it lists is answered by
 * caseManagementIndicators and needsAssessment, and for each kind (month, quarter, year) the period just after the
 * latest one listed is refused as not yet ended. Who may ask is who may read the aggregates.
 */
@QuarkusTest
class ReportingPeriodsTest {

    static final String PERIODS = "query($s: String, $y: Int) { reportingPeriods(state: $s, years: $y) { label year quarter month startsOn endsOn } }";
    static final String FIGURES = """
            query($p: ReportingPeriodInput!) { caseManagementIndicators(period: $p) { period { label } asOf }
              needsAssessment(period: $p) { period { label } releasedAt } }""";

    private static List<Map<String, Object>> periods(String user, Integer years) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("y", years);
        return ok(Tokens.of(user), PERIODS, variables).getList("data.reportingPeriods");
    }

    private static Map<String, Object> input(Map<String, Object> period) {
        Map<String, Object> input = new HashMap<>(Map.of("year", period.get("year")));
        if (period.get("month") != null) input.put("month", period.get("month"));
        if (period.get("quarter") != null) input.put("quarter", period.get("quarter"));
        return input;
    }

    private static String kind(Map<String, Object> period) {
        return period.get("month") != null ? "month" : period.get("quarter") != null ? "quarter" : "year";
    }

    /** The period of the same kind right after this one. */
    private static Map<String, Object> next(Map<String, Object> period) {
        int year = (Integer) period.get("year");
        return switch (kind(period)) {
            case "month" -> (Integer) period.get("month") == 12 ? Map.of("year", year + 1, "month", 1) : Map.of("year", year, "month", (Integer) period.get("month") + 1);
            case "quarter" -> (Integer) period.get("quarter") == 4 ? Map.of("year", year + 1, "quarter", 1) : Map.of("year", year, "quarter", (Integer) period.get("quarter") + 1);
            default -> Map.of("year", year + 1);
        };
    }

    @Test
    void everyPeriodListedIsAnsweredAndTheOneAfterTheLatestOfEachKindIsRefused() {
        List<Map<String, Object>> listed = periods("lead.borno", null);
        assertFalse(listed.isEmpty(), "some period is released");
        for (Map<String, Object> period : listed) {
            JsonPath figures = ok(Tokens.of("lead.borno"), FIGURES, Map.of("p", input(period)));
            assertEquals(period.get("label"), figures.getString("data.caseManagementIndicators.period.label"));
            assertEquals(period.get("label"), figures.getString("data.needsAssessment.period.label"));
        }
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("month", "quarter", "year")) {
            // listed latest year first, each year's periods in order: the latest of a kind is the first year's last
            List<Map<String, Object>> ofKind = listed.stream().filter(p -> kind(p).equals(kind)).toList();
            if (ofKind.isEmpty()) continue;
            kinds.add(kind);
            Object latestYear = ofKind.get(0).get("year");
            Map<String, Object> latest = ofKind.stream().filter(p -> p.get("year").equals(latestYear)).reduce((a, b) -> b).orElseThrow();
            Map<String, Object> after = next(latest);
            assertFalse(listed.stream().anyMatch(p -> input(p).equals(after)), after + " is not listed");
            JsonPath refused = call(Tokens.of("lead.borno"), FIGURES, Map.of("p", after));
            List<Map<String, Object>> errors = refused.getList("errors");
            assertEquals(2, errors.size(), "both figures refuse " + after + ": " + refused.prettify());
            for (Map<String, Object> e : errors) {
                assertEquals("VALIDATION_FAILED", ((Map<?, ?>) e.get("extensions")).get("code"), refused.prettify());
                assertEquals("period", ((Map<?, ?>) e.get("extensions")).get("field"), refused.prettify());
            }
        }
        assertTrue(kinds.containsAll(List.of("month", "quarter", "year")), "three years hold every kind: " + kinds);
        // no gaps: within the years listed, every period of a kind up to the latest is there
        for (Object year : listed.stream().map(p -> p.get("year")).distinct().toList()) {
            List<String> labels = listed.stream().filter(p -> p.get("year").equals(year)).map(p -> (String) p.get("label")).toList();
            List<String> months = labels.stream().filter(l -> l.matches("\\d{4}-\\d{2}")).toList();
            for (int m = 1; m <= months.size(); m++) {
                assertEquals("%s-%02d".formatted(year, m), months.get(m - 1), "months of " + year + ": " + labels);
            }
        }
    }

    @Test
    void yearsChoosesHowFarBack() {
        List<Map<String, Object>> all = periods("lead.borno", null);
        List<Map<String, Object>> one = periods("lead.borno", 1);
        assertEquals(all.subList(0, one.size()), one, "the latest year's periods come first");
        assertEquals(1, one.stream().map(p -> p.get("year")).distinct().count());
        Map<String, Object> refused = error(call(Tokens.of("lead.borno"), PERIODS, Map.of("y", 0)), "VALIDATION_FAILED");
        assertEquals("years", field(refused));
    }

    /** Who may list the periods is who may read the figures: the same answer, user by user and state by state. */
    @Test
    void whoMayListThemIsWhoMayReadTheFigures() {
        Map<String, Object> latest = input(periods("lead.borno", 1).get(0));
        String figures = "query($s: String, $p: ReportingPeriodInput!) { caseManagementIndicators(state: $s, period: $p) { asOf } }";
        int refusedSomewhere = 0;
        for (String user : List.of("lead.borno", "lead.adamawa", "cw.amani", "sup.amani", "pr.stluke", "admin.amani", "fac.borno", "auditor")) {
            for (String state : java.util.Arrays.asList(null, "Borno", "Adamawa")) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("s", state);
                JsonPath listed = call(Tokens.of(user), PERIODS, variables);
                variables.put("p", latest);
                JsonPath read = call(Tokens.of(user), figures, variables);
                String code = read.getString("errors[0].extensions.code");
                assertEquals(code, listed.getString("errors[0].extensions.code"), user + " for " + state);
                if (code != null) refusedSomewhere++;
            }
        }
        assertTrue(refusedSomewhere > 0, "some callers are refused");
    }
}
