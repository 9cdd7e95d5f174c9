package org.casebridge.graphql;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document walk of the request gate, without Quarkus: what counts, where the limits are, that it ends. */
class DocumentCostTest {

    static final DocumentCost.Limits LIMITS = new DocumentCost.Limits(500, 15, 50, 20, 50, 100);

    private static void check(String document) {
        DocumentCost.check(Parser.parse(document), LIMITS);
    }

    private static String refused(String document) {
        return assertThrows(DocumentCost.Exceeded.class, () -> check(document)).getMessage();
    }

    @Test
    void aliasesCountAtEveryUseOfTheirFragment() {
        StringBuilder fifteen = new StringBuilder("{ ");
        for (int i = 0; i < 15; i++) fifteen.append("a").append(i).append(": __typename ");
        assertDoesNotThrow(() -> check(fifteen + "}"));
        assertTrue(refused(fifteen + "a15: __typename }").contains("15 aliases"));
        assertTrue(refused("{ ...F ...F } fragment F on Query { a0: __typename a1: __typename a2: __typename a3: __typename "
                + "a4: __typename a5: __typename a6: __typename a7: __typename }").contains("aliases"));
    }

    @Test
    void typenameRepeatsAndFragmentsCountAsSelections() {
        assertDoesNotThrow(() -> check("{ " + "__typename ".repeat(500) + "}"));
        assertTrue(refused("{ " + "__typename ".repeat(501) + "}").contains("more than 500"));
        assertTrue(refused("{ agencies { edges { node { " + "name ".repeat(600) + "} } } }").contains("more than 500"));
        // 10 spreads of a fragment of 10 spreads of a fragment of 10 fields: 1,000 fields as executed
        assertTrue(refused("{ ...A } fragment A on Query { " + "...B ".repeat(10) + "} fragment B on Query { "
                + "...C ".repeat(10) + "} fragment C on Query { " + "__typename ".repeat(10) + "}").contains("more than 500"));
        // an unused fragment is validated like the rest, so it counts too
        assertTrue(refused("{ __typename } fragment U on Query { " + "__typename ".repeat(600) + "}").contains("more than 500"));
    }

    @Test
    void cyclesAndExponentialFragmentsEndQuickly() {
        assertDoesNotThrow(() -> check("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A __typename }"));
        StringBuilder fanOut = new StringBuilder("{ ...F0 }");
        for (int f = 0; f < 30; f++) fanOut.append(" fragment F").append(f).append(" on Query { ...F").append(f + 1).append(" ...F").append(f + 1).append(" }");
        String document = fanOut + " fragment F30 on Query { __typename }";
        long start = System.nanoTime();
        refused(document);
        assertTrue(System.nanoTime() - start < 50_000_000L, "2^30 expansions are not walked");
    }

    @Test
    void directivesArgumentsVariablesAndDefinitionsAreBounded() {
        assertTrue(refused("{ __typename " + "@include(if: true) ".repeat(51) + "}").contains("directives"));
        assertTrue(refused("{ agencies(" + "first: 1 ".repeat(21) + ") { totalCount } }").contains("arguments"));
        StringBuilder variables = new StringBuilder("query(");
        for (int i = 0; i < 51; i++) variables.append("$v").append(i).append(": Int ");
        assertTrue(refused(variables + ") { __typename }").contains("variables"));
        assertTrue(refused("query Q { __typename } ".repeat(101)).contains("definitions"));
    }

    @Test
    void theFullIntrospectionQueryPasses() {
        assertDoesNotThrow(() -> check(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY));
    }
}
