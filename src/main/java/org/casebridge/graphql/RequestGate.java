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

/**
 * Checks a POST to {@code /graphql} before SmallRye sees it, so that every refusal has our error shape:
 * only {@code application/json} bodies (text/plain and form posts are the cross-site request forgery routes),
 * one operation per request (no JSON arrays), the members of a GraphQL-over-HTTP request with their JSON types, and a
 * document that parses within the token limits and whose cost ({@link DocumentCost}: selections with aliases,
 * {@code __typename} and repeated fields, aliases, directives…) is within its limits, all before graphql-java
 * validates it. Then the caller's rate limits ({@link RateLimits}), charged with that cost: 429 with {@code Retry-After}
 * when a budget is spent.
 *
 * <p>Every refusal is written in the media type the client accepts ({@link GraphQLOverHttp}): a document refused for
 * its syntax or its cost answers 400 as {@code application/graphql-response+json} and 200 as {@code application/json};
 * a request that is not a GraphQL-over-HTTP request answers 4xx in both.
 */
@ApplicationScoped
public class RequestGate {

    private static final int REMEMBERED_DOCUMENTS = 256;
    private static final int REMEMBERED_DOCUMENT_LENGTH = 16_384;
    private static final String CHARGED = RequestGate.class.getName() + ".charged";

    private final ParserOptions parserOptions;
    private final DocumentCost.Limits costLimits;
    private final long bodyLimit;
    private final RateLimits rateLimits;
    /**
     * The cost of documents that parsed within the limits: clients send the same few again and again, and parsing was
     * 5% of a list request's CPU.
     */
    private final Map<String, Integer> costs = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_DOCUMENTS;
        }
    });

    public RequestGate(RateLimits rateLimits,
                       @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000") int maxTokens,
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
        this.rateLimits = rateLimits;
    }

    void install(@Observes Router router) {
        router.post("/graphql").order(-100)
                .handler(BodyHandler.create().setBodyLimit(bodyLimit).setHandleFileUploads(false))
                .handler(this::check);
        router.get("/aggregates/*").order(-100).handler(this::admitExport);
        // HEAD runs the export's GET method too (its body discarded): charged the same
        router.head("/aggregates/*").order(-100).handler(this::admitExport);
    }

    /**
     * A CSV export ({@code insight/AggregateCsv}) is charged to the same budgets as one request of
     * {@code casebridge.rate-limit.export-cost}: what the same table costs asked in GraphQL. Refused with 429, Retry-After
     * and the error shape the export's other refusals have.
     */
    void admitExport(RoutingContext context) {
        RateLimits.Refusal overBudget = rateLimits.take(context, rateLimits.exportCost());
        if (overBudget == null) {
            context.next();
            return;
        }
        context.response().putHeader("Retry-After", String.valueOf(overBudget.retryAfterSeconds()));
        refuse(context, "application/json", 429, ErrorCode.LIMIT_EXCEEDED, overBudget.message());
    }

    /**
     * What the gate makes of a document before graphql-java validates it: its cost ({@link DocumentCost}), or why it is
     * refused (it does not parse within the token limits, or it is over a document limit), with the cost a refused
     * document is charged: 1, since refusing it took only a parse.
     */
    record Admission(int cost, ErrorCode refusedCode, String refusal) {
        static Admission refused(ErrorCode code, String why) {
            return new Admission(1, code, why);
        }
    }

    /** The gate's parse and cost of {@code query} (a POST's, or a graphql-ws subscribe's: {@code ExecutionAdmission}). */
    Admission admit(String query) {
        if (query == null || query.isBlank()) {
            return Admission.refused(ErrorCode.VALIDATION_FAILED, "The request has no query");
        }
        Integer cost = costs.get(query);
        if (cost != null) {
            return new Admission(cost, null, null);
        }
        try {
            Document document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(parserOptions).build());
            cost = DocumentCost.check(document, costLimits);
            if (query.length() <= REMEMBERED_DOCUMENT_LENGTH) {
                costs.put(query, cost);
            }
            return new Admission(cost, null, null);
        } catch (InvalidSyntaxException e) {
            boolean limit = String.valueOf(e.getMessage()).contains("Denial Of Service");
            return Admission.refused(limit ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.VALIDATION_FAILED,
                    limit ? "The document is too large" : "The document does not parse: " + e.getMessage());
        } catch (DocumentCost.Exceeded e) {
            return Admission.refused(ErrorCode.LIMIT_EXCEEDED, e.getMessage());
        }
    }

    /** Whether {@link #check} charged this request already. */
    static boolean charged(RoutingContext context) {
        return context != null && context.get(CHARGED) != null;
    }

    void check(RoutingContext context) {
        String mediaType = GraphQLOverHttp.negotiate(context);
        if (mediaType == null) {
            context.response().setStatusCode(406).end();
            return;
        }
        String type = context.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            refuse(context, mediaType, 415, ErrorCode.VALIDATION_FAILED, "Send GraphQL requests as application/json");
            return;
        }
        String body = context.body().asString();
        if (body == null || body.isBlank()) {
            refuse(context, mediaType, 400, ErrorCode.VALIDATION_FAILED, "The request has no body");
            return;
        }
        if (body.stripLeading().startsWith("[")) {
            refuse(context, mediaType, 400, ErrorCode.VALIDATION_FAILED, "Batched requests are not supported: send one operation per request");
            return;
        }
        String query;
        try {
            JsonObject request = new JsonObject(body);
            // by the values' JSON types: Vert.x's getString would turn a number or an object into its text
            if (!nullOr(request.getValue("query"), String.class) || !nullOr(request.getValue("operationName"), String.class)
                    || !nullOr(request.getValue("variables"), JsonObject.class) || !nullOr(request.getValue("extensions"), JsonObject.class)) {
                throw new ClassCastException();
            }
            query = request.getString("query");
        } catch (DecodeException | ClassCastException e) {
            refuse(context, mediaType, 400, ErrorCode.VALIDATION_FAILED, "The body is not a GraphQL request in JSON: query and operationName "
                    + "are strings, variables and extensions are objects");
            return;
        }
        if (query == null || query.isBlank()) {
            refuse(context, mediaType, 400, ErrorCode.VALIDATION_FAILED, "The request has no query");
            return;
        }
        Admission admission = admit(query);
        RateLimits.Refusal overBudget = rateLimits.take(context, admission.cost());
        if (overBudget != null) {
            context.response().putHeader("Retry-After", String.valueOf(overBudget.retryAfterSeconds()));
            refuse(context, mediaType, 429, ErrorCode.LIMIT_EXCEEDED, overBudget.message());
            return;
        }
        if (admission.refusal() != null) {
            refuse(context, mediaType, GraphQLOverHttp.requestErrorsAre4xx(mediaType) ? 400 : 200, admission.refusedCode(), admission.refusal());
            return;
        }
        context.put(CHARGED, Boolean.TRUE);
        GraphQLOverHttp.statusByMediaType(context);
        context.next();
    }

    private static boolean nullOr(Object value, Class<?> type) {
        return value == null || type.isInstance(value);
    }

    private static void refuse(RoutingContext context, String mediaType, int status, ErrorCode code, String message) {
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code.name()));
        context.response().setStatusCode(status).putHeader("Content-Type", mediaType + "; charset=utf-8")
                .end(new JsonObject().put("errors", new io.vertx.core.json.JsonArray().add(error)).encode());
    }
}
