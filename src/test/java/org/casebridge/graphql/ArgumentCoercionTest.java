package org.casebridge.graphql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.casebridge.support.GraphQLClient.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A variable its argument's type refuses is one coded client error, raised while graphql-java coerces the variables
 * (before any resolver runs): a non-integer, a string or an out-of-range number for an {@code Int}, an impossible
 * {@code Date}. Measured before: {@code first: 1.5} answered INTERNAL with an incident, and an invalid date for a
 * non-null field's argument added a second error, INTERNAL, about a null in a non-null field.
 */
@QuarkusTest
class ArgumentCoercionTest {

    static final List<String> PAGED = List.of("referralsSent", "referralsReceived", "pendingClosures", "overdueFollowUps",
            "conferenceInvitations", "actionItemsAssigned", "agencies", "services", "cases");

    @Test
    void aNonIntegerFirstIsOneValidationError() {
        List<String> failures = new ArrayList<>();
        for (String list : PAGED) {
            for (Object first : List.of(1.5, "12", "twelve", 2_147_483_648L, true, Map.of())) {
                JsonPath answer = call(Tokens.of("sup.amani"), "query($first: Int) { " + list + "(first: $first) { totalCount } }",
                        Map.of("first", first));
                expectOneValidationError(list + " with first " + first, answer, failures);
            }
        }
        JsonPath history = call(Tokens.of("sup.amani"), "query($first: Int, $c: ID!) { accessHistory(caseId: $c, first: $first) { totalCount } }",
                Map.of("first", 1.5, "c", GlobalId.encode("Case", java.util.UUID.randomUUID())));
        expectOneValidationError("accessHistory with first 1.5", history, failures);
        assertEquals(List.of(), failures);
    }

    @Test
    void anImpossibleDateIsOneValidationError() {
        List<String> failures = new ArrayList<>();
        for (Object date : List.of("", "2026-13-45", "2026-02-30", "yesterday", 20260101, "2026-01-01T10:00:00Z")) {
            // the aggregates take a reporting period: a year of the wrong kind is one validation error too
            expectOneValidationError("needsAssessment year " + date, call(Tokens.of("lead.borno"),
                    "query($p: ReportingPeriodInput!) { needsAssessment(period: $p) { __typename } }",
                    Map.of("p", Map.of("year", date))), failures);
            expectOneValidationError("feedbackResults month " + date, call(Tokens.of("sup.amani"),
                    "query($p: ReportingPeriodInput!) { feedbackResults(period: $p) { __typename } }",
                    Map.of("p", Map.of("year", 2026, "month", date))), failures);
            expectOneValidationError("observationsDue asOf " + date, call(Tokens.of("sup.amani"),
                    "query($d: Date) { observationsDue(asOf: $d) { __typename } }", Map.of("d", date)), failures);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void wellFormedValuesStillWork() {
        assertEquals(2, call(Tokens.of("cw.amani"), "query($first: Int) { agencies(first: $first) { edges { cursor } } }",
                Map.of("first", 2)).getList("data.agencies.edges").size());
        assertEquals(2, call(Tokens.of("cw.amani"), "query($first: Int) { agencies(first: $first) { edges { cursor } } }",
                Map.of("first", 2.0)).getList("data.agencies.edges").size(), "an integral float is an Int (GraphQL spec)");
        JsonPath due = call(Tokens.of("sup.amani"), "query($d: Date) { observationsDue(asOf: $d) { __typename } }", Map.of("d", "2026-03-01"));
        assertEquals((Object) null, due.get("errors"), due::prettify);
    }

    private static void expectOneValidationError(String what, JsonPath answer, List<String> failures) {
        List<Map<String, Object>> errors = answer.getList("errors");
        if (errors == null || errors.size() != 1) {
            failures.add(what + ": " + (errors == null ? "no error" : errors.size() + " errors " + answer.prettify()));
            return;
        }
        String code = answer.getString("errors[0].extensions.code");
        if (!"VALIDATION_FAILED".equals(code)) {
            failures.add(what + ": " + code + " " + answer.getString("errors[0].message"));
        }
    }
}
