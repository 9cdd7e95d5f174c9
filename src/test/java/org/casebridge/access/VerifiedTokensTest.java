package org.casebridge.access;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A token OIDC accepted is not verified again until it expires; nothing OIDC refused is ever remembered. */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000L;

    /** Stands for OIDC: accepts tokens starting with "good", each valid for 300 s, and counts what it is asked. */
    private final List<String> verifiedByOidc = new ArrayList<>();
    private final IdentityProvider<TokenAuthenticationRequest> oidc = new IdentityProvider<>() {
        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            String token = request.getToken().getToken();
            verifiedByOidc.add(token);
            if (!token.startsWith("good")) {
                return Uni.createFrom().failure(new AuthenticationFailedException());
            }
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(jwt(token, NOW + 300))
                    .addRole("provider").addAttribute(RoutingContext.class.getName(), routingContext(request))
                    .build());
        }
    };
    private Instant now = Instant.ofEpochSecond(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(oidc, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, true);

    @Test
    void theSameTokenIsVerifiedOnceAndEachAnswerCarriesItsOwnRequest() {
        RoutingContext first = fakeRoutingContext();
        RoutingContext second = fakeRoutingContext();
        SecurityIdentity a = authenticate("good.token", first);
        SecurityIdentity b = authenticate("good.token", second);

        assertEquals(List.of("good.token"), verifiedByOidc);
        assertSame(a.getPrincipal(), b.getPrincipal());
        assertEquals(Set.of("provider"), b.getRoles());
        assertSame(first, a.getAttribute(RoutingContext.class.getName()));
        assertSame(second, b.getAttribute(RoutingContext.class.getName()));
    }

    @Test
    void anExpiredTokenGoesBackToOidc() {
        authenticate("good.token", fakeRoutingContext());
        now = Instant.ofEpochSecond(NOW + 299);
        authenticate("good.token", fakeRoutingContext());
        assertEquals(1, verifiedByOidc.size());

        now = Instant.ofEpochSecond(NOW + 300);
        authenticate("good.token", fakeRoutingContext());
        assertEquals(2, verifiedByOidc.size());
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndAnyOtherTextIsAnotherToken() {
        authenticate("good.token", fakeRoutingContext());
        assertThrows(AuthenticationFailedException.class, () -> authenticate("forged.token", fakeRoutingContext()));
        assertThrows(AuthenticationFailedException.class, () -> authenticate("forged.token", fakeRoutingContext()));
        authenticate("good.token2", fakeRoutingContext());
        assertEquals(List.of("good.token", "forged.token", "forged.token", "good.token2"), verifiedByOidc);
    }

    @Test
    void pastCapacityTheLeastRecentlyUsedTokenIsForgottenAndTheOthersKept() {
        authenticate("good.0", fakeRoutingContext());
        for (int i = 1; i < VerifiedTokens.CAPACITY; i++) {
            authenticate("good." + i, fakeRoutingContext());
        }
        authenticate("good.0", fakeRoutingContext()); // used again: now the most recent
        authenticate("good.new", fakeRoutingContext()); // one past capacity: good.1 goes
        assertEquals(VerifiedTokens.CAPACITY, tokens.size());
        int verified = verifiedByOidc.size();
        authenticate("good.0", fakeRoutingContext());
        authenticate("good.2", fakeRoutingContext());
        assertEquals(verified, verifiedByOidc.size(), "recently used tokens are still remembered");
        authenticate("good.1", fakeRoutingContext());
        assertEquals(verified + 1, verifiedByOidc.size(), "the least recently used was forgotten");
    }

    @Test
    void withSenderConstrainedTokensEveryRequestGoesToOidc() {
        VerifiedTokens constrained = new VerifiedTokens(oidc, Clock.systemUTC(), false);
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential("good.token"));
        HttpSecurityUtils.setRoutingContextAttribute(request, fakeRoutingContext());
        org.junit.jupiter.api.Assertions.assertNull(constrained.authenticate(request, null).await().indefinitely(),
                "no identity of its own: Quarkus asks OIDC's provider");
        assertEquals(List.of(), verifiedByOidc);
    }

    @Test
    void theTokenItselfIsNotKept() throws Exception {
        authenticate("good.secret-token", fakeRoutingContext());
        java.lang.reflect.Field field = VerifiedTokens.class.getDeclaredField("byTokenHash");
        field.setAccessible(true);
        assertEquals(false, field.get(tokens).toString().contains("good.secret-token"));
        assertEquals(false, ((Map<?, ?>) field.get(tokens)).keySet().toString().contains("secret"));
    }

    private SecurityIdentity authenticate(String token, RoutingContext routingContext) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential(token));
        HttpSecurityUtils.setRoutingContextAttribute(request, routingContext);
        return tokens.authenticate(request, null).await().indefinitely();
    }

    private static RoutingContext routingContext(TokenAuthenticationRequest request) {
        return HttpSecurityUtils.getRoutingContextAttribute(request);
    }

    private static RoutingContext fakeRoutingContext() {
        return (RoutingContext) Proxy.newProxyInstance(VerifiedTokensTest.class.getClassLoader(),
                new Class<?>[]{RoutingContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static JsonWebToken jwt(String token, long expiresAt) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "user-of-" + token;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(expiresAt) : null;
            }
        };
    }
}
