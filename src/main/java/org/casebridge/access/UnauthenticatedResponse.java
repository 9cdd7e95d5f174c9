package org.casebridge.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A malformed, tampered, expired, wrong-issuer or wrong-audience token is refused by Quarkus OIDC before any
 * resolver runs. Clients still get a GraphQL-shaped answer with {@code extensions.code = UNAUTHENTICATED}.
 */
@ApplicationScoped
public class UnauthenticatedResponse {

    static final String BODY = """
            {"errors":[{"message":"The access token is missing, invalid or expired","extensions":{"code":"UNAUTHENTICATED"}}]}""";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            Throwable failure = context.failure();
            if ((failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                    && !context.response().ended()) {
                context.response().setStatusCode(401)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader("WWW-Authenticate", "Bearer")
                        .end(BODY);
            } else {
                context.next();
            }
        });
    }
}
