package org.casebridge.insight;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Supervision ratings feed the state leads' aggregates, through the same disclosure control. */
@QuarkusTest
class SupervisionAggregateTest {

    static final String QUERY = """
            query($s: String, $p: ReportingPeriodInput!) { supervisionRatings(state: $s, period: $p) {
              state threshold columns rows { key total { value suppressed } cells { column value suppressed } }
              columnTotals { column value suppressed } grandTotal { value suppressed } } }""";

    static final Map<String, Object> JANUARY_2022 = Map.of("p", Map.of("year", 2022, "month", 1));

    /** 15 completed observations in Borno in January 2022: every area MEETS, SAFETY once STRONG instead. */
    private static void observationsInJanuary2022() {
        if (Db.count("select count(*) from observation where observed_on between '2022-01-01' and '2022-01-31'") > 0) {
            return;
        }
        for (int i = 0; i < 15; i++) {
            UUID id = UUID.randomUUID();
            Db.execute("""
                    insert into observation (id, agency_id, template_id, caseworker_id, supervisor_subject, supervisor_name, observed_on,
                      stage, child_consent, caregiver_consent, status, completed_at, created_at, updated_at)
                    values (?, 'a0000000-0000-4000-8000-000000000001', '0b5e0000-0000-4000-8000-000000000001',
                      'f0000000-0000-4000-8000-000000000002', 'x', 'sup.amani', date '2022-01-10', 'FOLLOW_UP', true, true, 'COMPLETED',
                      timestamptz '2022-01-10 15:00Z', now(), now())""", id);
            Db.execute("""
                    insert into observation_rating (observation_id, area_id, rating)
                    select ?, a.id, case when a.code = 'SAFETY' and ? = 0 then 'STRONG' else 'MEETS' end
                    from observation_area a where a.template_id = '0b5e0000-0000-4000-8000-000000000001'""", id, i);
        }
    }

    @Test
    void stateLeadReadsItsOwnStateWithSmallCountsSuppressed() {
        observationsInJanuary2022();
        JsonPath table = ok(Tokens.of("lead.borno"), QUERY, JANUARY_2022);
        assertEquals("Borno", table.getString("data.supervisionRatings.state"));
        assertEquals(11, table.getInt("data.supervisionRatings.threshold"));
        // 15 MEETS in every area but SAFETY (14 MEETS, 1 STRONG)
        assertEquals(15, table.getInt("data.supervisionRatings.rows.find { it.key == 'TRUST' }.cells.find { it.column == 'MEETS' }.value"));
        Map<String, Object> strongSafety = table.getMap("data.supervisionRatings.rows.find { it.key == 'SAFETY' }.cells.find { it.column == 'STRONG' }");
        assertNull(strongSafety.get("value"));
        assertEquals(true, strongSafety.get("suppressed"));
        // the one STRONG cannot be worked out: SAFETY's MEETS or its total is suppressed as well
        Map<String, Object> safetyMeets = table.getMap("data.supervisionRatings.rows.find { it.key == 'SAFETY' }.cells.find { it.column == 'MEETS' }");
        Map<String, Object> safetyTotal = table.getMap("data.supervisionRatings.rows.find { it.key == 'SAFETY' }.total");
        assertTrue((Boolean) safetyMeets.get("suppressed") || (Boolean) safetyTotal.get("suppressed"));
        List<Map<String, Object>> cells = table.getList("data.supervisionRatings.rows.cells.flatten()");
        for (Map<String, Object> cell : cells) {
            Object value = cell.get("value");
            assertTrue(value == null ? (Boolean) cell.get("suppressed") : ((Integer) value) >= 11, cell::toString);
        }
    }

    @Test
    void onlyStateLeadsAndOnlyForTheirOwnState() {
        error(call(Tokens.of("lead.borno"), QUERY, Map.of("s", "Adamawa", "p", Map.of("year", 2022, "month", 1))), "FORBIDDEN");
        error(call(Tokens.of("lead.adamawa"), QUERY, Map.of("s", "Borno", "p", Map.of("year", 2022, "month", 1))), "FORBIDDEN");
        ok(Tokens.of("lead.adamawa"), QUERY, JANUARY_2022);
        for (String user : List.of("sup.amani", "cw.amani", "auditor", "fac.borno", "pr.stluke")) {
            error(call(Tokens.of(user), QUERY, Map.of("s", "Borno", "p", Map.of("year", 2022, "month", 1))), "FORBIDDEN");
        }
    }
}
