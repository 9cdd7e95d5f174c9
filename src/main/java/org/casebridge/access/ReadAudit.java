package org.casebridge.access;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.TrivialDataFetcher;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.ErrorTranslation;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Collects the survivor information one GraphQL execution reads (and is refused), field by field, and writes
 * it to the audit log once, before the response leaves — one statement for a page of 5 or of 100 cases.
 * If the entry cannot be written the response carries no data: nothing is revealed unaudited.
 * The collector belongs to the execution (graphql-java instrumentation state) and is visible to resolvers
 * while they run through {@link #current()}.
 */
public final class ReadAudit implements InstrumentationState {

    private static final ThreadLocal<ReadAudit> CURRENT = new ThreadLocal<>();

    private final Map<UUID, Set<InformationCategory>> read = new LinkedHashMap<>();
    private final Map<UUID, Set<InformationCategory>> refused = new LinkedHashMap<>();
    private Caller caller;

    /** The collector of the execution the current resolver belongs to. */
    static ReadAudit current() {
        ReadAudit audit = CURRENT.get();
        if (audit == null) {
            throw new IllegalStateException("Survivor information read outside a GraphQL execution");
        }
        return audit;
    }

    synchronized void read(Caller caller, UUID caseId, InformationCategory category) {
        this.caller = caller;
        if (InformationCategory.AUDITED_ON_READ.contains(category)) {
            read.computeIfAbsent(caseId, id -> EnumSet.noneOf(InformationCategory.class)).add(category);
        }
    }

    synchronized void refused(Caller caller, UUID caseId, InformationCategory category) {
        this.caller = caller;
        refused.computeIfAbsent(caseId, id -> EnumSet.noneOf(InformationCategory.class)).add(category);
    }

    private synchronized boolean isEmpty() {
        return caller == null || (read.isEmpty() && refused.isEmpty());
    }

    private synchronized void writeTo(AuditLog log) {
        log.reads(caller, AuditLog.perCase("case.read", read), AuditLog.perCase("case.read", refused));
    }

    @Singleton // no client proxy between graphql-java and the hooks it calls for every field
    @Unremovable // looked up by graphql/InstrumentationInstaller, not injected
    static class Flush implements Instrumentation {
        private static final Logger LOG = Logger.getLogger(Flush.class);

        private final AuditLog log;

        Flush(AuditLog log) {
            this.log = log;
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new ReadAudit();
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            if (fetcher instanceof TrivialDataFetcher) {
                return fetcher; // reads a property of a result object; none of our code runs in it
            }
            ReadAudit audit = (ReadAudit) state;
            return environment -> {
                ReadAudit outer = CURRENT.get();
                CURRENT.set(audit);
                try {
                    return fetcher.get(environment);
                } finally {
                    if (outer == null) {
                        CURRENT.remove();
                    } else {
                        CURRENT.set(outer);
                    }
                }
            };
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            ReadAudit audit = (ReadAudit) state;
            if (audit == null || audit.isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            try {
                audit.writeTo(log);
                return CompletableFuture.completedFuture(result);
            } catch (RuntimeException failure) {
                LOG.error("Could not write the read audit; withholding the response data", failure);
                return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                        .addError(ErrorTranslation.requestError(ErrorCode.UNAVAILABLE,
                                "The access could not be recorded; nothing was returned. Retry shortly.")).build());
            }
        }
    }
}
