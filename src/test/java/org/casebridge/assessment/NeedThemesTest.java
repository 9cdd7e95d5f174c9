package org.casebridge.assessment;

import io.quarkus.test.junit.QuarkusTest;
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

/** The controlled theme list: read by everyone who records or reads needs, extended only by lead agencies' admins. */
@QuarkusTest
class NeedThemesTest {

    static final String ADD = "mutation($i: AddNeedThemeInput!) { addNeedTheme(input: $i) { theme { name } } }";

    @Test
    void onlyTheAdminsOfLeadAgenciesExtendTheList() {
        for (String user : List.of("admin.stluke", "admin.safehaven", "fac.borno", "sup.amani", "lead.borno")) {
            String name = "theme of " + user.replace(".", " ") + " " + UUID.randomUUID().toString().substring(0, 8);
            error(call(Tokens.of(user), ADD, Map.of("i", Map.of("name", name))), "FORBIDDEN");
            assertEquals(0, Db.count("select count(*) from need_theme where name = ?", name), user);
        }
        String name = "transport to services " + UUID.randomUUID().toString().substring(0, 8);
        ok(Tokens.of("admin.amani"), ADD, Map.of("i", Map.of("name", name)));
        assertEquals(1, Db.count("select count(*) from need_theme where name = ?", name));
    }
}
