package org.casebridge.insight;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Goes through every query of the live schema with a state lead's token: only aggregates and the non-personal
 * reference data (the service directory, survey and observation templates) answer; every record-level query is
 * refused, and with an ID of a real record of its type still answers as if it did not exist.
 */
@QuarkusTest
class StateLeadReachTest {

    /** Queries a state lead may use: aggregates and the periods they are released for, and reference data that holds nothing about a person. */
    static final Set<String> NOT_RECORD_LEVEL = Set.of("needsAssessment", "caseManagementIndicators", "supervisionRatings", "reportingPeriods",
            "agencies", "agency", "services", "service", "observationTemplate", "feedbackSurveyTemplate", "needThemes");

    /** A real record for each ID argument, so that "not found" is not just a missing row. */
    static final Map<String, String> REAL_IDS = Map.of(
            "case", GlobalId.encode("Case", UUID.fromString("c0000000-0000-4000-8000-000000000001")),
            "referral", GlobalId.encode("Referral", UUID.fromString("e0000000-0000-4000-8000-000000000001")),
            "conference", GlobalId.encode("Conference", UUID.fromString("c1000000-0000-4000-8000-000000000001")),
            "focusGroupSession", GlobalId.encode("FocusGroupSession", UUID.fromString("a1400000-0000-4000-8000-000000000001")),
            "discussionGuide", GlobalId.encode("DiscussionGuide", UUID.fromString("a1000000-0000-4000-8000-000000000001")));

    @Test
    @SuppressWarnings("unchecked")
    void noRecordLevelQueryAnswersAStateLead() {
        String lead = Tokens.of("lead.borno");
        JsonPath schema = ok(lead, """
                { __schema { queryType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { name } } } } }
                  type { kind name ofType { kind name ofType { kind name ofType { name } } } } } } } }""", null);
        List<Map<String, Object>> fields = schema.getList("data.__schema.queryType.fields");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map<String, Object> field : fields) {
            String name = (String) field.get("name");
            StringBuilder args = new StringBuilder();
            for (Map<String, Object> arg : (List<Map<String, Object>>) field.get("args")) {
                Map<String, Object> type = (Map<String, Object>) arg.get("type");
                if (!"NON_NULL".equals(type.get("kind"))) {
                    continue;
                }
                Map<String, Object> inner = (Map<String, Object>) type.get("ofType");
                boolean list = "LIST".equals(inner.get("kind"));
                if (list) {
                    inner = (Map<String, Object>) inner.get("ofType");
                }
                if ("NON_NULL".equals(inner.get("kind"))) {
                    inner = (Map<String, Object>) inner.get("ofType");
                }
                String scalar = (String) inner.get("name");
                String value = switch (scalar) {
                    case "ID" -> "\"" + REAL_IDS.getOrDefault(name, REAL_IDS.get("case")) + "\"";
                    case "Date" -> "\"2026-01-01\"";
                    case "ReportingPeriodInput" -> "{year: 2025, month: 1}";
                    case "Int" -> "1";
                    case "Boolean" -> "true";
                    default -> "\"x\"";
                };
                if (list) {
                    value = "[" + value + "]";
                }
                args.append(args.isEmpty() ? "(" : ", ").append(arg.get("name")).append(": ").append(value);
            }
            if (!args.isEmpty()) {
                args.append(")");
            }
            String selection = isObject((Map<String, Object>) field.get("type")) ? " { __typename }" : "";
            JsonPath answer = call(lead, "{ " + name + args + selection + " }");
            List<Map<String, Object>> errors = answer.getList("errors");
            String code = errors == null || errors.isEmpty() ? "OK" : answer.getString("errors[0].extensions.code");
            checked++;
            if (NOT_RECORD_LEVEL.contains(name)) {
                continue;
            }
            if (!Set.of("FORBIDDEN", "NOT_FOUND").contains(code) || answer.get("data." + name) != null) {
                failures.add(name + " answered a state lead with " + code + ": " + answer.prettify());
            }
        }
        assertEquals(List.of(), failures);
        assertFalse(checked < 30, "the schema's queries were gone through (" + checked + ")");
    }

    @SuppressWarnings("unchecked")
    private static boolean isObject(Map<String, Object> type) {
        Map<String, Object> t = type;
        while (t != null && ("NON_NULL".equals(t.get("kind")) || "LIST".equals(t.get("kind")))) {
            t = (Map<String, Object>) t.get("ofType");
        }
        return t != null && ("OBJECT".equals(t.get("kind")) || "INTERFACE".equals(t.get("kind")) || t.get("kind") == null && t.get("name") != null
                && !Set.of("String", "ID", "Int", "Boolean", "Float", "Date", "DateTime", "Time").contains((String) t.get("name")));
    }
}
