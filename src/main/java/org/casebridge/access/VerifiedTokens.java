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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the identity Quarkus OIDC built from an access token until the token expires, so a client sending the
 * same token with every request has its signature and claims checked once, not each time (a tenth of the API's CPU per
 * request in the benchmark, issue 8).
 *
 * <p>Nothing is accepted that OIDC would refuse: the key is the SHA-256 of the token's exact text (any other byte is
 * another token, verified afresh; the token itself is not kept, so a heap dump holds no usable bearer token), a token
 * is only remembered after OIDC accepted it, and it is forgotten at its {@code exp}. At most {@link #CAPACITY} are
 * kept, the least recently used going first. Tokens are verified locally with cached keys (see
 * application.properties), so OIDC does not notice a revoked token before it expires either. A refused token is never
 * remembered. Each answer carries the current request's routing context, as OIDC's own would.
 *
 * <p>Sender-constrained tokens (DPoP, or tokens bound to the client's TLS certificate) must be checked against each
 * request's proof or certificate, so with either configured nothing is remembered and OIDC checks every request.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(VerifiedTokens.class);

    /** About the tokens of a few thousand signed-in staff; beyond that the least recently used go. */
    static final int CAPACITY = 5_000;

    private final IdentityProvider<TokenAuthenticationRequest> oidc;
    private final Clock clock;
    private final boolean enabled;
    private final Map<String, Verified> byTokenHash = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > CAPACITY;
        }
    });

    private record Verified(SecurityIdentity identity, long expiresAtEpochSecond) {
    }

    @Inject
    public VerifiedTokens(OidcIdentityProvider oidc, Clock clock,
                          @ConfigProperty(name = "quarkus.oidc.token.authorization-scheme", defaultValue = "bearer") String scheme,
                          @ConfigProperty(name = "quarkus.oidc.token.binding.certificate", defaultValue = "false") boolean certificateBound,
                          @ConfigProperty(name = "casebridge.graphql.fast-paths", defaultValue = "true") boolean fastPaths) {
        this(oidc, clock, fastPaths && !"dpop".equalsIgnoreCase(scheme) && !certificateBound);
        if (!fastPaths) {
            LOG.info("casebridge.graphql.fast-paths=false: every token is verified by OIDC on every request");
        } else if (!enabled) {
            LOG.info("Sender-constrained access tokens are configured: every token is verified by OIDC on every request");
        }
    }

    VerifiedTokens(IdentityProvider<TokenAuthenticationRequest> oidc, Clock clock, boolean enabled) {
        this.oidc = oidc;
        this.clock = clock;
        this.enabled = enabled;
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
        if (!enabled || routingContext == null || !(request.getToken() instanceof AccessTokenCredential credential)
                || credential.getToken() == null) {
            return Uni.createFrom().nullItem();
        }
        String key = hash(credential.getToken());
        Verified verified = byTokenHash.get(key);
        long now = clock.instant().getEpochSecond();
        if (verified != null && now < verified.expiresAtEpochSecond()) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(verified.identity())
                    .addAttribute(RoutingContext.class.getName(), routingContext).build());
        }
        if (verified != null) {
            byTokenHash.remove(key);
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(key, identity, now));
    }

    private void remember(String key, SecurityIdentity identity, long now) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > now) {
            byTokenHash.put(key, new Verified(identity, jwt.getExpirationTime()));
        }
    }

    int size() {
        return byTokenHash.size();
    }

    private static String hash(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
