package org.casebridge.access;

import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.casefile.MandatoryReportTest;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.KeycloakUsers;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The roster of supervisors follows the role Keycloak gives now (issue 19): a demoted supervisor, or one not seen as
 * supervisor for longer than the roster trusts, is no longer a "supervisor consulted".
 */
@QuarkusTest
class SupervisorRosterTest {

    /** Any audited action tells the roster who the caller is now; listing safeguarding reports is one for case staff. */
    private static void acts(String token) {
        ok(token, "{ safeguardingReportsReceived { totalCount } }", null);
    }

    private static Map<String, Object> naming(String caseId, String supervisor) {
        Map<String, Object> input = MandatoryReportTest.input(caseId);
        input.put("supervisorConsultedName", supervisor);
        return input;
    }

    private static void refusedAsConsulted(String caseId, String supervisor, String why) {
        long before = MandatoryReportTest.reports(caseId);
        assertEquals("input.supervisorConsultedName", field(error(call(Tokens.of("cw.amani"), MandatoryReportTest.RECORD,
                Map.of("i", naming(caseId, supervisor))), "VALIDATION_FAILED")), why);
        assertEquals(before, MandatoryReportTest.reports(caseId), why + ": nothing stored");
    }

    @Test
    void aDemotedSupervisorIsNoLongerASupervisorConsultedAndIsAgainOnceGivenTheRoleBack() {
        String username = "sup" + UUID.randomUUID().toString().substring(0, 8) + ".amani";
        String subject = KeycloakUsers.create(username, "AMANI", "Borno", "supervisor");
        try {
            String caseId = Cases.open("cw.amani", "Demoted supervisor " + UUID.randomUUID());
            acts(KeycloakUsers.token(username));
            ok(Tokens.of("cw.amani"), MandatoryReportTest.RECORD, Map.of("i", naming(caseId, username)));

            KeycloakUsers.changeRole(subject, "supervisor", "caseworker");
            acts(KeycloakUsers.token(username));
            refusedAsConsulted(caseId, username, "a supervisor demoted to caseworker");

            KeycloakUsers.changeRole(subject, "caseworker", "supervisor");
            acts(KeycloakUsers.token(username));
            long before = MandatoryReportTest.reports(caseId);
            ok(Tokens.of("cw.amani"), MandatoryReportTest.RECORD, Map.of("i", naming(caseId, username)));
            assertEquals(before + 1, MandatoryReportTest.reports(caseId), "given the role back, named again");
        } finally {
            KeycloakUsers.delete(subject);
        }
    }

    @Test
    void aSupervisorWhoMovedAgencyIsNoLongerTheOldAgencysSupervisor() {
        String username = "sup" + UUID.randomUUID().toString().substring(0, 8) + ".moved";
        String subject = KeycloakUsers.create(username, "AMANI", "Borno", "supervisor");
        try {
            acts(KeycloakUsers.token(username));
            Db.execute("update agency_supervisor set agency_code = 'KINDRED' where subject = ?", subject); // once KINDRED's
            String caseId = Cases.open("cw.kindred", "Moved supervisor " + UUID.randomUUID());
            Map<String, Object> input = naming(caseId, username);
            acts(KeycloakUsers.token(username)); // seen again, as AMANI's supervisor
            assertEquals("input.supervisorConsultedName", field(error(call(Tokens.of("cw.kindred"), MandatoryReportTest.RECORD,
                    Map.of("i", input)), "VALIDATION_FAILED")), "no longer KINDRED's supervisor");
            assertEquals(0, MandatoryReportTest.reports(caseId));
        } finally {
            KeycloakUsers.delete(subject);
        }
    }

    @Test
    void aSupervisorNotSeenAsSupervisorForLongerThanTheRosterTrustsIsRefusedUntilSeenAgain() {
        String username = "sup" + UUID.randomUUID().toString().substring(0, 8) + ".amani";
        String subject = KeycloakUsers.create(username, "AMANI", "Borno", "supervisor");
        try {
            String caseId = Cases.open("cw.amani", "Long unseen supervisor " + UUID.randomUUID());
            acts(KeycloakUsers.token(username));
            Db.execute("update agency_supervisor set last_seen_at = now() - interval '91 days' where subject = ?", subject);
            refusedAsConsulted(caseId, username, "last seen as supervisor 91 days ago (the default trusts 90)");
            acts(KeycloakUsers.token(username));
            ok(Tokens.of("cw.amani"), MandatoryReportTest.RECORD, Map.of("i", naming(caseId, username)));
        } finally {
            KeycloakUsers.delete(subject);
        }
    }
}
