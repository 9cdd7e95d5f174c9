package org.casebridge.agency;

import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.graphql.GlobalId;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change to the service directory, and every refused one, is in the audit log: who, agency, role, what, when, allowed. */
@QuarkusTest
class DirectoryAuditTest {

    static final String CREATE = "mutation($i: CreateServiceInput!) { createService(input: $i) { service { id version } } }";
    static final String UPDATE = "mutation($i: UpdateServiceInput!) { updateService(input: $i) { service { id version } } }";
    static final String RETIRE = "mutation($i: RetireServiceInput!) { retireService(input: $i) { service { id version } } }";

    /** The auditor's view of the entries for one action on one service. */
    private static List<Map<String, Object>> entries(String action, String serviceId) {
        return ok(Tokens.of("auditor"), """
                query($f: AuditLogFilter) { auditLog(filter: $f, first: 100) { edges { node {
                  at actorName actorAgency actorRole action targetType targetId allowed detail } } } }""",
                Map.of("f", Map.of("action", action))).<Map<String, Object>>getList("data.auditLog.edges.node").stream()
                .filter(e -> serviceId == null || serviceId.equals(e.get("targetId"))).toList();
    }

    private static void assertOneAllowedByAdminStLuke(String action, String serviceId) {
        List<Map<String, Object>> found = entries(action, serviceId);
        assertEquals(1, found.size(), action + ": " + found);
        Map<String, Object> entry = found.get(0);
        assertEquals("admin.stluke", entry.get("actorName"));
        assertEquals("STLUKE", entry.get("actorAgency"));
        assertEquals("agency-admin", entry.get("actorRole"));
        assertEquals("Service", entry.get("targetType"));
        assertEquals(true, entry.get("allowed"));
        assertTrue(entry.get("at") != null);
    }

    @Test
    void creatingUpdatingAndRetiringAServiceAreAudited() {
        String admin = Tokens.of("admin.stluke");
        String id = ok(admin, CREATE, Map.of("i", Map.of("type", "HEALTH", "name", "Audited clinic " + UUID.randomUUID())))
                .getString("data.createService.service.id");
        assertOneAllowedByAdminStLuke("service.create", id);

        ok(admin, UPDATE, Map.of("i", Map.of("id", id, "version", 0, "hours", "Mon-Fri 8-16")));
        assertOneAllowedByAdminStLuke("service.update", id);

        ok(admin, RETIRE, Map.of("i", Map.of("id", id, "version", 1)));
        assertOneAllowedByAdminStLuke("service.retire", id);

        UUID uuid = GlobalId.decode(id, "id").uuid();
        assertEquals(3, Db.count("select count(*) from audit_entry where target_id = ? and allowed", uuid));
    }

    @Test
    void refusedChangesAreAuditedAsDenied() {
        String id = ok(Tokens.of("admin.stluke"), CREATE, Map.of("i", Map.of("type", "HEALTH", "name", "Not yours " + UUID.randomUUID())))
                .getString("data.createService.service.id");
        error(call(Tokens.of("admin.safehaven"), UPDATE, Map.of("i", Map.of("id", id, "version", 0, "name", "Taken over"))), "FORBIDDEN");
        error(call(Tokens.of("admin.safehaven"), RETIRE, Map.of("i", Map.of("id", id, "version", 0))), "FORBIDDEN");
        for (String action : List.of("service.update", "service.retire")) {
            List<Map<String, Object>> found = entries(action, id);
            assertEquals(1, found.size(), action + ": " + found);
            assertEquals("admin.safehaven", found.get(0).get("actorName"));
            assertEquals("SAFEHAVEN", found.get(0).get("actorAgency"));
            assertEquals(false, found.get(0).get("allowed"));
        }
        long deniedCreates = Db.count("select count(*) from audit_entry where action = 'service.create' and not allowed and actor_name = 'pr.stluke'");
        error(call(Tokens.of("pr.stluke"), CREATE, Map.of("i", Map.of("type", "HEALTH", "name", "Provider's try " + UUID.randomUUID()))),
                "FORBIDDEN");
        assertEquals(deniedCreates + 1,
                Db.count("select count(*) from audit_entry where action = 'service.create' and not allowed and actor_name = 'pr.stluke'"));
    }
}
