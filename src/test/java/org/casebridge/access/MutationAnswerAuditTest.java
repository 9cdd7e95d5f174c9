package org.casebridge.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.GraphQLClient;
import org.casebridge.support.TestStack;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A mutation's answer reads what it stored, and a read of identity, incident, health or safety plan is audited: the
 * entry of that read is written in the mutation's own transaction (README Decisions, "A mutation's answer is audited
 * in its transaction"). Written after the commit, a failure to write it answered UNAVAILABLE for a write that was
 * stored: the client was told it failed, and a retry without the idempotency key stored it twice.
 */
@QuarkusTest
class MutationAnswerAuditTest {

    static final String OPEN_AND_READ = "mutation($i: OpenCaseInput!) { openCase(input: $i) { case { id identity { fullName } } } }";

    /** A trigger makes every read-audit entry fail to insert: openCase answers UNAVAILABLE at openCase, and nothing is stored. */
    @Test
    void aMutationWhoseAnswerCannotBeAuditedStoresNothingAndSaysSo() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> input = Cases.openInput("Unaudited " + key);
        input.put("idempotencyKey", key);
        long cases = Db.count("select count(*) from survivor_case");
        long opened = Db.count("select count(*) from audit_entry where action = 'case.open'");
        JsonPath answer;
        try (Connection admin = TestStack.postgres().superuserConnection(); Statement s = admin.createStatement()) {
            s.execute("create function test_refuse_read_audit() returns trigger language plpgsql as $$ begin "
                    + "if NEW.action = 'case.read' then raise exception 'test: the read audit cannot be written'; end if; "
                    + "return NEW; end $$");
            s.execute("create trigger test_refuse_read_audit before insert on audit_entry for each row execute function test_refuse_read_audit()");
            try {
                answer = GraphQLClient.call(Tokens.of("cw.amani"), OPEN_AND_READ, Map.of("i", input));
            } finally {
                s.execute("drop trigger test_refuse_read_audit on audit_entry");
                s.execute("drop function test_refuse_read_audit()");
            }
        }
        Map<String, Object> error = GraphQLClient.error(answer, "UNAVAILABLE");
        assertEquals(List.of("openCase"), error.get("path"), answer.prettify());
        assertNull(answer.get("data.openCase"), "nothing of the answer is revealed: " + answer.prettify());
        assertEquals(cases, Db.count("select count(*) from survivor_case"), "UNAVAILABLE tells the truth: no case was stored");
        assertEquals(opened, Db.count("select count(*) from audit_entry where action = 'case.open'"), "nor its audit entry");
        assertEquals(0, Db.count("select count(*) from idempotency_key where idempotency_key = ?", key), "nor its idempotency key");

        // the same request once the audit log can be written: stored, answered, and the answer's read recorded
        JsonPath stored = GraphQLClient.ok(Tokens.of("cw.amani"), OPEN_AND_READ, Map.of("i", input));
        assertEquals("Unaudited " + key, stored.getString("data.openCase.case.identity.fullName"));
        UUID caseId = Cases.uuid(stored.getString("data.openCase.case.id"));
        assertEquals(1, Db.count("select count(*) from audit_entry where case_id = ? and action = 'case.open' and allowed", caseId));
        assertEquals(1, Db.count("select count(*) from audit_entry where case_id = ? and action = 'case.read' and allowed "
                + "and 'IDENTITY' = any(categories)", caseId), "the answer's read of the identity is audited");
    }
}
