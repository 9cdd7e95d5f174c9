package org.casebridge.graphql;

import graphql.ErrorClassification;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import org.casebridge.runtime.DatabaseCircuit;
import org.hibernate.QueryTimeoutException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every error leaving the API, whatever raised it (a resolver, graphql-java's validation, a limit, the
 * database), is rewritten here into {@code message}, {@code path}, {@code locations} and
 * {@code extensions.code} (plus {@code extensions.field} for input errors). Nothing else crosses: no
 * exception class, stack trace or SQL. Unexpected failures are logged with an ID the client is given.
 */
@Singleton // no client proxy between graphql-java and the hooks it calls for every field
@Unremovable // looked up by InstrumentationInstaller, not injected
public class ErrorTranslation implements Instrumentation {

    private static final Logger LOG = Logger.getLogger(ErrorTranslation.class);
    private static final Pattern ARGUMENT = Pattern.compile("argument '([^']+)'");
    private static final Pattern VARIABLE = Pattern.compile("[Vv]ariable '([^']+)'");
    private static final Pattern JAVA_TYPE = Pattern.compile("(but it was|but was|AST type of) (?:an? )?'([A-Z][A-Za-z0-9$]*)'");
    private static final Pattern WITH_VALUE = Pattern.compile("(?s) with value '.*'(?= is not a valid | contains a field | is missing | has | must )");
    private static final Pattern SYNTAX_TREE = Pattern.compile("'?\\b[A-Z][A-Za-z]*(?:Value|Field|Reference)\\{[^{}]*}'?");

    /**
     * The HTTP exchange an execution answers (none for a subscription event), to tell when its client has gone: its
     * connection is closed, or the request context had already ended before the execution began (the client hung up
     * while the request waited for a worker thread).
     */
    private record Exchange(RoutingContext routing, boolean contextEndedBeforeStart) implements InstrumentationState {
        boolean abandoned() {
            return contextEndedBeforeStart || routing != null && routing.response().closed();
        }
    }

    private final CurrentVertxRequest currentRequest;
    private final DatabaseCircuit circuit;

    public ErrorTranslation(CurrentVertxRequest currentRequest, DatabaseCircuit circuit) {
        this.currentRequest = currentRequest;
        this.circuit = circuit;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        if (!Arc.container().requestContext().isActive()) {
            return new Exchange(null, true);
        }
        return new Exchange(currentRequest.getCurrent(), false);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        if (state instanceof Exchange exchange && exchange.abandoned()) {
            // The client closed the connection mid-request; Quarkus then ends the request context, so the remaining
            // resolvers fail (closed session, cancelled statement). No one reads this answer: it is counted apart
            // (casebridge_graphql_abandoned_total), not logged as an incident and not counted as an error.
            Metrics.counter("casebridge.graphql.abandoned").increment();
            LOG.debugf("Client closed the connection before the answer was ready (%d field errors dropped)", result.getErrors().size());
            GraphQLError gone = requestError(ErrorCode.UNAVAILABLE, "The client closed the connection before the answer was ready");
            return CompletableFuture.completedFuture(result.transform(b -> b.errors(List.of(gone))));
        }
        List<GraphQLError> raw = result.getErrors();
        if (raw.stream().anyMatch(e -> e instanceof ExceptionWhileDataFetching fetching && notAnswered(fetching.getException()))) {
            circuit.notAnswering();
        }
        List<GraphQLError> errors = raw.stream().filter(e -> !nullCausedByAnother(e, raw)).map(ErrorTranslation::translate).toList();
        if (!result.isDataPresent() && !errors.isEmpty() && state instanceof Exchange exchange && exchange.routing() != null) {
            GraphQLOverHttp.answeredWithoutData(exchange.routing(), codeOf(errors.get(0)));
        }
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
    }

    /**
     * graphql-java's "a non-null field was null" when the null is the outcome of another error the client is told about
     * (at that field, within it, or for the whole request, e.g. SmallRye's argument conversion, which has no path): the
     * null is what an error in a non-null field means, not a second failure, so it is not reported as INTERNAL. Alone,
     * it stays one — a resolver returned null where the schema promises a value.
     */
    static boolean nullCausedByAnother(GraphQLError error, List<GraphQLError> all) {
        if (!(error instanceof NonNullableFieldWasNullError)) {
            return false;
        }
        List<Object> path = error.getPath();
        for (GraphQLError other : all) {
            if (other == error || other instanceof NonNullableFieldWasNullError) {
                continue;
            }
            List<Object> at = other.getPath();
            if (at == null || path == null || startsWith(at, path) || startsWith(path, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(List<Object> path, List<Object> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static ErrorCode codeOf(GraphQLError error) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        return code == null ? ErrorCode.INTERNAL : ErrorCode.valueOf(code.toString());
    }

    /** An error for a failure outside any one field (e.g. the audit log could not be written). */
    public static GraphQLError requestError(ErrorCode code, String message) {
        return GraphqlErrorBuilder.newError().message(message).errorType(Classification.of(code))
                .extensions(Map.of("code", code.name())).build();
    }

    /** An error at a field that failed outside its resolver (a mutation whose work could not be stored). */
    public static GraphQLError fieldError(ErrorCode code, String message, ResultPath path) {
        return GraphqlErrorBuilder.newError().message(message).path(path).errorType(Classification.of(code))
                .extensions(Map.of("code", code.name())).build();
    }

    static GraphQLError translate(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromException(fetching, fetching.getException());
        }
        if (error.getErrorType() instanceof Classification) {
            return error;
        }
        if (error instanceof AbortExecutionException) {
            return build(error, ErrorCode.LIMIT_EXCEEDED, error.getMessage(), null);
        }
        String message = error.getMessage() == null ? "Invalid request" : error.getMessage();
        if (message.contains("Denial Of Service") || message.contains("too complex") || message.contains("too deep")
                || message.contains("introspection in good faith")) { // graphql-java's GoodFaithIntrospection
            return build(error, ErrorCode.LIMIT_EXCEEDED, message, null);
        }
        String type = String.valueOf(error.getErrorType());
        if (type.contains("Validation") || type.contains("InvalidSyntax")) {
            return build(error, ErrorCode.VALIDATION_FAILED, withoutSyntaxTree(message), fieldOf(message));
        }
        return build(error, ErrorCode.INTERNAL, message, null);
    }

    private static GraphQLError fromException(GraphQLError error, Throwable thrown) {
        Meaning meaning = meaningOf(thrown, error.getPath());
        return build(error, meaning.code(), meaning.message(), meaning.field());
    }

    /** A failure as the client is told it: its code, message and field (or null). */
    public record Meaning(ErrorCode code, String message, String field) {
        Meaning(ErrorCode code, String message) {
            this(code, message, null);
        }
    }

    /**
     * What a failure means to the client, for GraphQL and for the other endpoints (the CSV export): the first cause in
     * the chain that says what went wrong decides the code; anything unknown is INTERNAL, logged with an incident ID
     * the client is given, never its class or stack trace.
     */
    public static Meaning meaningOf(Throwable thrown, Object where) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ApiException api) {
                return new Meaning(api.code(), api.getMessage(), api.field());
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return new Meaning(ErrorCode.CONFLICT, "Someone else changed this record at the same time; reload it and retry");
            }
            if (cause instanceof AuthenticationFailedException || cause instanceof UnauthorizedException) {
                return new Meaning(ErrorCode.UNAUTHENTICATED, "A valid access token is required");
            }
            if (cause instanceof ForbiddenException) {
                return new Meaning(ErrorCode.FORBIDDEN, "Not allowed");
            }
            if (isUnavailable(cause) || java.util.Arrays.stream(cause.getSuppressed()).anyMatch(ErrorTranslation::unavailableWithin)) {
                return new Meaning(ErrorCode.UNAVAILABLE, "The service is temporarily unavailable; retry shortly");
            }
            if (isUnstorableText(cause) || java.util.Arrays.stream(cause.getSuppressed()).anyMatch(ErrorTranslation::unstorableWithin)) {
                return new Meaning(ErrorCode.VALIDATION_FAILED, "Text may not contain the NUL character (U+0000)");
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(thrown, "Unexpected error %s at %s", incident, where);
        return new Meaning(ErrorCode.INTERNAL, "Internal error (incident " + incident + ")");
    }

    /**
     * A commit that failed because the database went away surfaces as a RollbackException with the connection
     * failure only among its suppressed exceptions: the outcome is unknown, the client retries (with its idempotency key).
     */
    private static boolean unavailableWithin(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isUnavailable(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database gave no answer at all: a connection given up after its socket timeout or broken (08…), or none had
     * within the acquisition timeout. Not a statement it cancelled (57014) nor a transaction timeout: the database answered.
     */
    static boolean notAnswered(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException || cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof SQLException sql && (sql.getSQLState() != null ? sql.getSQLState().startsWith("08")
                    : String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout"))
                    || java.util.Arrays.stream(cause.getSuppressed()).anyMatch(ErrorTranslation::notAnswered)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unstorableWithin(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isUnstorableText(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A text argument PostgreSQL cannot hold (U+0000: SQL states 22021 and 22P05). Input objects are refused with their
     * field by InputValidation; a plain argument reaches the database, and the client still sent bad input.
     */
    private static boolean isUnstorableText(Throwable cause) {
        return cause instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()));
    }

    /**
     * The database cannot be reached or did not finish in time: a connection refused, broken, not obtained in time or
     * given up after the socket timeout (08…, 57P…), a statement cancelled by the statement timeout (57014), a
     * transaction rolled back by its timeout (README "Bad days"). Nothing of it was committed, or its outcome is unknown:
     * the client retries, with its idempotency key.
     */
    private static boolean isUnavailable(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof JDBCConnectionException
                || cause instanceof ConnectException || cause instanceof QueryTimeoutException
                || cause instanceof jakarta.persistence.QueryTimeoutException || cause instanceof RollbackException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state != null ? state.startsWith("08") || state.startsWith("57P") || "57014".equals(state)
                    : String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return false;
    }

    /**
     * graphql-java's literal validation prints the value as its syntax tree ({@code with value 'FloatValue{value=1.5}'},
     * {@code 'EnumValue{name='X'}'}): Java class names, and the client wrote the value anyway. Left out.
     */
    static String withoutSyntaxTree(String message) {
        Matcher java = JAVA_TYPE.matcher(message);
        if (java.find()) {
            message = java.replaceAll(m -> m.group(1) + " " + jsonKind(m.group(2)));
        }
        if (message.indexOf('{') < 0) {
            return message;
        }
        String cleaned = WITH_VALUE.matcher(message).replaceFirst("");
        for (String before = null; !cleaned.equals(before); ) {
            before = cleaned;
            cleaned = SYNTAX_TREE.matcher(cleaned).replaceAll("the value");
        }
        return cleaned;
    }

    /** What a client sent, in JSON's or GraphQL's words, for graphql-java's "but it was a 'LinkedHashMap'" or "'IntValue'". */
    private static String jsonKind(String javaType) {
        return switch (javaType) {
            case "String", "StringValue" -> "a string";
            case "Boolean", "BooleanValue" -> "a boolean";
            case "IntValue" -> "an integer";
            case "FloatValue" -> "a float";
            case "ObjectValue" -> "an object";
            case "ArrayValue" -> "a list";
            case "EnumValue" -> "an enum value";
            case "NullValue" -> "null";
            case "VariableReference" -> "a variable";
            case "BigDecimal", "BigInteger", "Double", "Float", "Integer", "Long", "Short", "Byte" -> "a number";
            default -> javaType.endsWith("Map") ? "an object" : javaType.contains("List") || javaType.endsWith("Collection") ? "a list" : "a value of another type";
        };
    }

    private static String fieldOf(String message) {
        Matcher argument = ARGUMENT.matcher(message);
        if (argument.find()) {
            return argument.group(1);
        }
        Matcher variable = VARIABLE.matcher(message);
        return variable.find() ? variable.group(1) : null;
    }

    private static GraphQLError build(GraphQLError original, ErrorCode code, String message, String field) {
        // counted per code (casebridge_graphql_errors_total at /q/metrics): as application/json, errors travel with HTTP 200
        Metrics.counter("casebridge.graphql.errors", "code", code.name()).increment();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(Classification.of(code))
                .extensions(extensions);
        if (original.getLocations() != null) {
            builder.locations(original.getLocations());
        }
        if (original.getPath() != null) {
            builder.path(original.getPath());
        }
        return builder.build();
    }

    private record Classification(String name) implements ErrorClassification {
        static Classification of(ErrorCode code) {
            return new Classification(code.name());
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
