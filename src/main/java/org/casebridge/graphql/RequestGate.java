package org.casebridge.graphql;

import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks a POST to {@code /graphql} before SmallRye sees it, so that every refusal has our error shape:
 * only {@code application/json} bodies (text/plain and form posts are the cross-site request forgery routes),
 * one operation per request (no JSON arrays), the members of a GraphQL-over-HTTP request with their JSON types, and a
 * document that parses within the token limits and whose cost ({@link DocumentCost}: selections with aliases,
 * {@code __typename} and repeated fields, aliases, directives…) is within its limits, all before graphql-java
 * validates it.
 */
@ApplicationScoped
public class RequestGate {

    private static final int REMEMBERED_DOCUMENTS = 256;
    private static final int REMEMBERED_DOCUMENT_LENGTH = 16_384;

    private final ParserOptions parserOptions;
    private final DocumentCost.Limits costLimits;
    private final long bodyLimit;
    /** Documents that parsed: clients send the same few again and again, and parsing was 5% of a list request's CPU. */
    private final Set<String> parsed = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_DOCUMENTS;
        }
    }));

    public RequestGate(@ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000") int maxTokens,
                       @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-whitespace-tokens", defaultValue = "50000") int maxWhitespace,
                       @ConfigProperty(name = "casebridge.graphql.max-body-bytes", defaultValue = "1048576") long bodyLimit,
                       @ConfigProperty(name = "casebridge.graphql.max-selections", defaultValue = "500") int maxSelections,
                       @ConfigProperty(name = "casebridge.graphql.max-aliases", defaultValue = "15") int maxAliases,
                       @ConfigProperty(name = "casebridge.graphql.max-directives", defaultValue = "50") int maxDirectives,
                       @ConfigProperty(name = "casebridge.graphql.max-arguments", defaultValue = "20") int maxArguments,
                       @ConfigProperty(name = "casebridge.graphql.max-variables", defaultValue = "50") int maxVariables,
                       @ConfigProperty(name = "casebridge.graphql.max-definitions", defaultValue = "100") int maxDefinitions) {
        this.parserOptions = ParserOptions.getDefaultParserOptions().transform(o -> o
                .maxTokens(maxTokens).maxWhitespaceTokens(maxWhitespace).captureSourceLocation(false).captureIgnoredChars(false));
        this.costLimits = new DocumentCost.Limits(maxSelections, maxAliases, maxDirectives, maxArguments, maxVariables, maxDefinitions);
        this.bodyLimit = bodyLimit;
    }

    void install(@Observes Router router) {
        router.post("/graphql").order(-100)
                .handler(BodyHandler.create().setBodyLimit(bodyLimit).setHandleFileUploads(false))
                .handler(this::check);
    }

    void check(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            refuse(context, 415, ErrorCode.VALIDATION_FAILED, "Send GraphQL requests as application/json");
            return;
        }
        String body = context.body().asString();
        if (body == null || body.isBlank()) {
            refuse(context, 400, ErrorCode.VALIDATION_FAILED, "The request has no body");
            return;
        }
        if (body.stripLeading().startsWith("[")) {
            refuse(context, 400, ErrorCode.VALIDATION_FAILED, "Batched requests are not supported: send one operation per request");
            return;
        }
        String query;
        try {
            JsonObject request = new JsonObject(body);
            query = request.getString("query");
            request.getString("operationName");
            request.getJsonObject("variables");
            request.getJsonObject("extensions");
        } catch (DecodeException | ClassCastException e) {
            refuse(context, 400, ErrorCode.VALIDATION_FAILED, "The body is not a GraphQL request in JSON: query and operationName "
                    + "are strings, variables and extensions are objects");
            return;
        }
        if (query == null || query.isBlank()) {
            refuse(context, 400, ErrorCode.VALIDATION_FAILED, "The request has no query");
            return;
        }
        if (parsed.contains(query)) {
            context.next();
            return;
        }
        try {
            Document document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(parserOptions).build());
            DocumentCost.check(document, costLimits);
            if (query.length() <= REMEMBERED_DOCUMENT_LENGTH) {
                parsed.add(query);
            }
        } catch (InvalidSyntaxException e) {
            boolean limit = String.valueOf(e.getMessage()).contains("Denial Of Service");
            refuse(context, 200, limit ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.VALIDATION_FAILED,
                    limit ? "The document is too large" : "The document does not parse: " + e.getMessage());
            return;
        } catch (DocumentCost.Exceeded e) {
            refuse(context, 200, ErrorCode.LIMIT_EXCEEDED, e.getMessage());
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, ErrorCode code, String message) {
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code.name()));
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new io.vertx.core.json.JsonArray().add(error)).encode());
    }
}
