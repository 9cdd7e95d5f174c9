package org.casebridge.graphql;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

/**
 * The media type and status of an answer, as the GraphQL-over-HTTP specification has them.
 *
 * <p>{@code application/graphql-response+json} is served when the client accepts it, and by default (no
 * {@code Accept} or {@code *}{@code /*}: the specification's rule since its 2025 watershed);
 * {@code application/json} when the client prefers it. SmallRye already chooses the body's media type that way; what
 * it does not do is the status: it answers every execution with 200. With {@code application/graphql-response+json}
 * a response without {@code data} (the document failed validation, a variable failed coercion, a limit refused it)
 * takes a 4xx or 5xx status by its first error's code; with {@code application/json} every GraphQL response stays 200,
 * as that media type asks (a client cannot tell a 4xx of ours from an intermediary's).
 */
final class GraphQLOverHttp {

    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    static final String JSON = "application/json";
    /** A draft's name for the type, still served by SmallRye to clients that ask for it, with application/json's rules. */
    static final String LEGACY_GRAPHQL_JSON = "application/graphql+json";

    /** Routing-context key: the code of the first error of a response that has no {@code data}. */
    private static final String REQUEST_ERROR = GraphQLOverHttp.class.getName() + ".requestError";

    private GraphQLOverHttp() {
    }

    /**
     * The media type to answer in, chosen as SmallRye chooses its response's (the highest-quality accepted type it
     * serves; its default for {@code *}{@code /*} or no {@code Accept}), or null when the client accepts none of them
     * (SmallRye then answers 406).
     */
    static String negotiate(RoutingContext context) {
        if (context.request().getHeader("Accept") == null) {
            return GRAPHQL_RESPONSE_JSON;
        }
        for (MIMEHeader accepted : context.parsedHeaders().accept()) { // by quality, highest first
            String type = accepted.value().toLowerCase();
            if (accepted.weight() <= 0) { // q=0: explicitly not acceptable
                continue;
            }
            if (type.equals(JSON) || type.equals(GRAPHQL_RESPONSE_JSON) || type.equals(LEGACY_GRAPHQL_JSON)) {
                return type;
            }
            if (type.equals("*/*")) {
                return GRAPHQL_RESPONSE_JSON;
            }
        }
        return null;
    }

    /** Whether request errors answer 4xx in this media type (else 200, as for {@code application/json}). */
    static boolean requestErrorsAre4xx(String mediaType) {
        return mediaType.toLowerCase().startsWith(GRAPHQL_RESPONSE_JSON);
    }

    /** The status of a response without {@code data} (only errors) served as {@code application/graphql-response+json}. */
    static int statusWithoutData(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
            default -> 400; // VALIDATION_FAILED (parse, validation, variable coercion) and LIMIT_EXCEEDED, among others
        };
    }

    /** Called by ErrorTranslation when an execution's result has no {@code data}. */
    static void answeredWithoutData(RoutingContext context, ErrorCode firstError) {
        context.put(REQUEST_ERROR, firstError);
    }

    /**
     * Sets the status of the execution's answer just before its headers leave, after SmallRye has set its 200: by the
     * media type SmallRye actually wrote, so that status and type always agree.
     */
    static void statusByMediaType(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            ErrorCode error = context.get(REQUEST_ERROR);
            HttpServerResponse response = context.response();
            String type = response.headers().get("Content-Type");
            if (error != null && response.getStatusCode() == 200 && type != null && requestErrorsAre4xx(type)) {
                int status = statusWithoutData(error);
                response.setStatusCode(status).setStatusMessage(HttpResponseStatus.valueOf(status).reasonPhrase());
            }
        });
    }
}
