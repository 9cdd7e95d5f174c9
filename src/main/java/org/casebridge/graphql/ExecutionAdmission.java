package org.casebridge.graphql;

import graphql.ExecutionResult;
import graphql.TrivialDataFetcher;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.casebridge.runtime.DatabaseCircuit;
import org.casebridge.runtime.RequestDeadline;

import java.util.List;

/**
 * What is admitted when an execution begins on its worker thread, after the request gate admitted the request:
 * <ul>
 * <li>a request whose deadline ({@link RequestDeadline}) passed while it waited for a worker thread answers
 * {@code UNAVAILABLE} at once, before any of its work, and frees the thread for the requests behind it;</li>
 * <li>an operation sent over graphql-ws (a subscribe message, whether it carries a subscription, a query or a
 * mutation), which never passes the gate (it arrives on a socket), is charged to the caller's rate limits with its
 * document's cost ({@link RateLimits}, {@link DocumentCost}) before graphql-java validates it, as the gate charges a
 * POST; over budget or over a document limit it answers {@code LIMIT_EXCEEDED} in graphql-ws's error message.</li>
 * <li>each resolver of ours (not graphql-java's property reads, nor {@code __typename}) answers {@code UNAVAILABLE} at
 * once, before it asks the pool for a connection, while the database is known not to answer ({@link DatabaseCircuit});
 * and a root field does when its request has less than {@link #RESERVE_NANOS} left before its deadline: what one
 * connection's work is given at least ({@code runtime/BoundedConnections}), plus a validation of an idle connection.
 * The pool's own waits happen before any deadline can act on a connection, so work that could not end by the deadline
 * does not begin.</li>
 * </ul>
 */
@Singleton
@Unremovable // looked up by InstrumentationInstaller, not injected
public class ExecutionAdmission implements Instrumentation {

    /** Below this left before its deadline, a request's root fields do not begin. */
    static final long RESERVE_NANOS = 3_000_000_000L;

    private final RequestDeadline deadline;
    private final DatabaseCircuit circuit;
    private final RateLimits rateLimits;
    private final RequestGate gate;
    private final CurrentVertxRequest currentRequest;

    public ExecutionAdmission(RequestDeadline deadline, DatabaseCircuit circuit, RateLimits rateLimits, RequestGate gate,
                              CurrentVertxRequest currentRequest) {
        this.deadline = deadline;
        this.circuit = circuit;
        this.rateLimits = rateLimits;
        this.gate = gate;
        this.currentRequest = currentRequest;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (deadline.passed()) {
            throw refusal(ErrorCode.UNAVAILABLE, "The service is too busy to answer in time; retry shortly");
        }
        chargeUnlessCharged(parameters.getQuery());
        return null;
    }

    /**
     * Every operation the HTTP gate did not charge — subscriptions, and queries or mutations sent over graphql-ws — is
     * charged here, before graphql-java validates it (beginExecution comes before its parse and validation), with the
     * gate's own parse and cost: a document over a limit is refused before validation and costs 1, one that then
     * fails validation costs its selections, as over HTTP. (SmallRye has parsed it once before, to learn its operation
     * types: a document that does not parse is answered by SmallRye and reaches no hook of ours.)
     */
    private void chargeUnlessCharged(String query) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        RoutingContext upgrade = currentRequest.getCurrent();
        if (RequestGate.charged(upgrade)) {
            return;
        }
        RequestGate.Admission admission = gate.admit(query);
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        // the caller the socket's connection_init authenticated; a socket without a token is counted by its address
        RateLimits.Refusal overBudget = rateLimits.take(identity, RateLimits.addressOf(upgrade), admission.cost());
        if (overBudget != null) {
            throw refusal(ErrorCode.LIMIT_EXCEEDED, overBudget.message());
        }
        if (admission.refusal() != null) {
            throw refusal(admission.refusedCode(), admission.refusal());
        }
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        var step = parameters.getExecutionStepInfo();
        if (fetcher instanceof TrivialDataFetcher || step.getFieldDefinition().getName().startsWith("__")
                || step.getObjectType().getName().startsWith("__")) {
            return fetcher; // a property of a result object, or introspection: no database
        }
        boolean root = step.getPath().getLevel() == 1;
        return environment -> {
            admit(root);
            return fetcher.get(environment);
        };
    }

    /**
     * Database work outside GraphQL (the CSV export, {@code insight/AggregateCsv}) is admitted like a root field: refused
     * with {@code UNAVAILABLE} at once while the circuit is open, or when its request has less than the reserve left
     * (none, when it waited for a worker thread past its deadline). A failure of it that shows the database gave no
     * answer asks the circuit for a probe, as {@link ErrorTranslation} does for GraphQL's.
     */
    public <T> T outsideGraphQL(java.util.function.Supplier<T> work) {
        admit(true);
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (ErrorTranslation.notAnswered(e)) {
                circuit.notAnswering();
            }
            throw e;
        }
    }

    private void admit(boolean root) {
        if (!circuit.closed()) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "The database is not answering; retry shortly");
        }
        if (root) {
            Long remaining = deadline.remainingNanos();
            if (remaining != null && remaining < RESERVE_NANOS) {
                throw new ApiException(ErrorCode.UNAVAILABLE, "The service is too busy to answer in time; retry shortly");
            }
        }
    }

    private static AbortExecutionException refusal(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(ErrorTranslation.requestError(code, message)));
    }
}
