package org.casebridge.graphql;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Singleton;
import org.casebridge.runtime.RequestDeadline;

import java.util.List;

/**
 * What is admitted when an execution begins on its worker thread, after the request gate admitted the request:
 * <ul>
 * <li>a request whose deadline ({@link RequestDeadline}) passed while it waited for a worker thread answers
 * {@code UNAVAILABLE} at once, before any of its work, and frees the thread for the requests behind it;</li>
 * <li>an operation sent over graphql-ws (a subscribe message, whether it carries a subscription, a query or a
 * mutation), which never passes the gate (it arrives on a socket), is charged to the caller's rate limits with its
 * document's cost ({@link RateLimits}, {@link DocumentCost}); over budget or over a document limit it
 * answers {@code LIMIT_EXCEEDED} in graphql-ws's error message.</li>
 * </ul>
 */
@Singleton
@Unremovable // looked up by InstrumentationInstaller, not injected
public class ExecutionAdmission implements Instrumentation {

    private final RequestDeadline deadline;
    private final RateLimits rateLimits;
    private final RequestGate gate;
    private final CurrentVertxRequest currentRequest;

    public ExecutionAdmission(RequestDeadline deadline, RateLimits rateLimits, RequestGate gate, CurrentVertxRequest currentRequest) {
        this.deadline = deadline;
        this.rateLimits = rateLimits;
        this.gate = gate;
        this.currentRequest = currentRequest;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (deadline.passed()) {
            throw refusal(ErrorCode.UNAVAILABLE, "The service is too busy to answer in time; retry shortly");
        }
        return null;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        var execution = parameters.getExecutionContext();
        // every operation the HTTP gate did not charge: subscriptions, and queries or mutations sent over graphql-ws
        if (!Arc.container().requestContext().isActive() || RequestGate.charged(currentRequest.getCurrent())) {
            return null;
        }
        int cost;
        try {
            cost = gate.costOf(execution.getDocument());
        } catch (DocumentCost.Exceeded e) {
            throw refusal(ErrorCode.LIMIT_EXCEEDED, e.getMessage());
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        RateLimits.Refusal overBudget = rateLimits.take(identity, "websocket", cost);
        if (overBudget != null) {
            throw refusal(ErrorCode.LIMIT_EXCEEDED, overBudget.message());
        }
        return null;
    }

    private static AbortExecutionException refusal(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(ErrorTranslation.requestError(code, message)));
    }
}
