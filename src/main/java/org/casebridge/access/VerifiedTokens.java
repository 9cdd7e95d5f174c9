package org.casebridge.access;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the identity Quarkus OIDC built from an access token until the token expires, so a client sending the
 * same token with every request has its signature and claims checked once, not each time (a tenth of the API's CPU per
 * request in the benchmark, issue 8).
 *
 * <p>Nothing is accepted that OIDC would refuse: the key is the token's exact text (any other byte is another token,
 * verified afresh), a token is only remembered after OIDC accepted it, and it is forgotten at its {@code exp}. Tokens
 * are verified locally with cached keys (see application.properties), so OIDC does not notice a revoked token before
 * it expires either. A refused token is never remembered. Each answer carries the current request's routing context,
 * as OIDC's own would.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** About the tokens of a few thousand signed-in staff; beyond that the expired ones go, then all. */
    static final int CAPACITY = 5_000;

    private final IdentityProvider<TokenAuthenticationRequest> oidc;
    private final Clock clock;
    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();

    private record Verified(SecurityIdentity identity, long expiresAtEpochSecond) {
    }

    @Inject
    public VerifiedTokens(OidcIdentityProvider oidc) {
        this(oidc, Clock.systemUTC());
    }

    VerifiedTokens(IdentityProvider<TokenAuthenticationRequest> oidc, Clock clock) {
        this.oidc = oidc;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before OIDC's provider, which Quarkus asks only when this one answers with no identity. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext == null || !(request.getToken() instanceof AccessTokenCredential credential)
                || credential.getToken() == null) {
            return Uni.createFrom().nullItem();
        }
        String token = credential.getToken();
        Verified verified = byToken.get(token);
        long now = clock.instant().getEpochSecond();
        if (verified != null && now < verified.expiresAtEpochSecond()) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(verified.identity())
                    .addAttribute(RoutingContext.class.getName(), routingContext).build());
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity, now));
    }

    private void remember(String token, SecurityIdentity identity, long now) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= now) {
            return;
        }
        if (byToken.size() >= CAPACITY) {
            byToken.values().removeIf(v -> v.expiresAtEpochSecond() <= now);
            if (byToken.size() >= CAPACITY) {
                byToken.clear();
            }
        }
        byToken.put(token, new Verified(identity, jwt.getExpirationTime()));
    }
}
