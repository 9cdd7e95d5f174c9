package org.casebridge.access;

import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class AuthenticationTest {

    private static final String AGENCIES = "{ agencies(first: 5) { totalCount } }";

    @Test
    void noTokenIsUnauthenticated() {
        var answer = call(null, AGENCIES);
        error(answer, "UNAUTHENTICATED");
        assertNull(answer.get("data.agencies"));
    }

    @Test
    void malformedTokenIsUnauthenticated() {
        error(call("not-a-jwt", AGENCIES), "UNAUTHENTICATED");
        String genuine = Tokens.of("cw.amani");
        assertEquals(5, ok(genuine, AGENCIES, null).getInt("data.agencies.totalCount"));
        String tampered = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "AAAA" + genuine.substring(genuine.lastIndexOf('.') + 5);
        error(call(tampered, AGENCIES), "UNAUTHENTICATED");
    }

    @Test
    void expiredTokenIsUnauthenticated() throws InterruptedException {
        error(call(Tokens.expired("cw.amani"), AGENCIES), "UNAUTHENTICATED");
    }

    /** The API remembers tokens it verified (VerifiedTokens), never past their expiry. */
    @Test
    void aTokenAcceptedEarlierIsRefusedOnceExpired() throws InterruptedException {
        String token = Tokens.livingFor("cw.amani", 4);
        assertEquals(5, ok(token, AGENCIES, null).getInt("data.agencies.totalCount"));
        assertEquals(5, ok(token, AGENCIES, null).getInt("data.agencies.totalCount"));
        Thread.sleep(5_500);
        error(call(token, AGENCIES), "UNAUTHENTICATED");
    }

    @Test
    void tokensOfAnotherIssuerOrForAnotherAudienceAreUnauthenticated() {
        error(call(Tokens.otherIssuer(), AGENCIES), "UNAUTHENTICATED");
        error(call(Tokens.otherAudience("cw.amani"), AGENCIES), "UNAUTHENTICATED");
    }

    @Test
    void userAndServiceAccountTokensAreAccepted() {
        assertEquals(5, ok(Tokens.of("pr.stluke"), AGENCIES, null).getInt("data.agencies.totalCount"));
        assertEquals(5, ok(Tokens.serviceAccount("stluke-system", "demo-stluke-secret"), AGENCIES, null)
                .getInt("data.agencies.totalCount"));
    }
}
