package org.casebridge.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of the current request, read once from the token Quarkus OIDC validated (issuer, signature,
 * expiry, audience). A request without a token reaches the resolvers anonymously and is refused here; a bad
 * token never gets that far (see {@link UnauthenticatedResponse}).
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = read();
        }
        return caller;
    }

    private Caller read() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw unauthenticated("An access token is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(r -> Role.fromClaim(r).ifPresent(roles::add));
        String username = Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(token.getSubject());
        return new Caller(token.getSubject(), username, token.getClaim("agency"), token.getClaim("state"), Set.copyOf(roles));
    }

    private static ApiException unauthenticated(String message) {
        return new ApiException(ErrorCode.UNAUTHENTICATED, message);
    }
}
