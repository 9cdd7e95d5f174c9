package org.casebridge.access;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.language.OperationDefinition;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import org.casebridge.graphql.ApiException;
import org.casebridge.runtime.DatabaseCircuit;
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

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * <p>
 * A mutation's answer reads what the mutation stored (its payload), after the mutation's own work. Each root field of
 * a mutation therefore runs in one transaction with its payload: the work, then the payload's reads written to the
 * audit log, then the commit. When the reads cannot be recorded nothing is stored and the field answers
 * {@code UNAVAILABLE}, which tells the truth; written after the commit, a failure turned a stored write into
 * {@code UNAVAILABLE} (README Decisions, "A mutation's answer is audited in its transaction").
 */
public final class ReadAudit implements InstrumentationState {

    private static final ThreadLocal<ReadAudit> CURRENT = new ThreadLocal<>();

    private final Map<UUID, Set<InformationCategory>> read = new LinkedHashMap<>();
    private final Map<UUID, Set<InformationCategory>> refused = new LinkedHashMap<>();
    private Caller caller;
    /** The root field of a mutation whose transaction is open (serial execution: one at a time), or null. */
    private MutationField open;
    /** Root fields of a mutation whose work was not stored after their resolver answered. */
    private final List<ResultPath> unstored = new ArrayList<>();

    private static final class MutationField {
        final ResultPath path;
        final Transaction transaction;
        boolean answered;

        MutationField(ResultPath path, Transaction transaction) {
            this.path = path;
            this.transaction = transaction;
        }
    }

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

    private synchronized void writeWithin(AuditLog log) {
        if (!isEmpty()) {
            log.readsWithin(caller, AuditLog.perCase("case.read", read), AuditLog.perCase("case.read", refused));
        }
        forget();
    }

    private synchronized void forgetAnswered() {
        read.clear();
    }

    private synchronized void forget() {
        read.clear();
        refused.clear();
    }

    @Singleton // no client proxy between graphql-java and the hooks it calls for every field
    @Unremovable // looked up by graphql/InstrumentationInstaller, not injected
    static class Flush implements Instrumentation {
        private static final Logger LOG = Logger.getLogger(Flush.class);

        private final AuditLog log;
        private final TransactionManager transactions;
        private final EntityManager em;
        private final DatabaseCircuit circuit;

        Flush(AuditLog log, TransactionManager transactions, EntityManager em, DatabaseCircuit circuit) {
            this.log = log;
            this.transactions = transactions;
            this.em = em;
            this.circuit = circuit;
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
            boolean mutationRoot = parameters.getExecutionContext().getOperationDefinition().getOperation()
                    == OperationDefinition.Operation.MUTATION && parameters.getExecutionStepInfo().getPath().getLevel() == 1;
            return environment -> {
                ReadAudit outer = CURRENT.get();
                CURRENT.set(audit);
                try {
                    if (!mutationRoot) {
                        return fetcher.get(environment);
                    }
                    settle(audit); // the previous root field, complete with its payload: mutations run one after another
                    transactions.begin();
                    audit.open = new MutationField(environment.getExecutionStepInfo().getPath(), transactions.getTransaction());
                    Object answer = fetcher.get(environment);
                    if (transactions.getStatus() == Status.STATUS_ACTIVE) {
                        em.flush(); // the work reaches the database where the resolver's own commit used to, with its errors
                    }
                    audit.open.answered = true;
                    return answer;
                } finally {
                    if (outer == null) {
                        CURRENT.remove();
                    } else {
                        CURRENT.set(outer);
                    }
                }
            };
        }

        /**
         * Ends the open root field's transaction: the reads of its payload written in it, then the commit. A field whose
         * resolver answered but whose work could not be stored is kept in {@code unstored}, its reads forgotten (its
         * answer is withheld); a field whose resolver failed is rolled back, as its resolver's own transaction was.
         */
        private void settle(ReadAudit audit) {
            MutationField field = audit.open;
            if (field == null) {
                return;
            }
            audit.open = null;
            Throwable failure = null;
            try {
                if (field.transaction.getStatus() == Status.STATUS_ACTIVE) {
                    if (!audit.isEmpty() && !circuit.closed()) {
                        throw new ApiException(ErrorCode.UNAVAILABLE, "The database is not answering");
                    }
                    audit.writeWithin(log);
                    transactions.commit();
                    return;
                }
                failure = new jakarta.transaction.RollbackException("The transaction was marked for rollback");
            } catch (Exception e) {
                failure = e;
            }
            rollBack(field);
            if (field.answered) {
                LOG.warnf(failure, "A mutation's work was not stored (%s): its answer is withheld", field.path);
                audit.unstored.add(field.path);
                audit.forgetAnswered(); // withheld: nothing of it is read; its refusals are still recorded, apart
            }
        }

        private void rollBack(MutationField field) {
            try {
                if (transactions.getTransaction() == field.transaction) {
                    transactions.rollback();
                } else if (field.transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    field.transaction.rollback();
                }
            } catch (Exception e) {
                LOG.debugf(e, "Rolling back a mutation's transaction");
            }
        }

        /** An execution that failed before its result: a transaction still open is rolled back, never left on the thread. */
        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                      InstrumentationState state) {
            ReadAudit audit = (ReadAudit) state;
            return SimpleInstrumentationContext.whenCompleted((result, thrown) -> {
                if (thrown != null && audit != null && audit.open != null) {
                    MutationField field = audit.open;
                    audit.open = null;
                    rollBack(field);
                }
            });
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            ReadAudit audit = (ReadAudit) state;
            if (audit == null) {
                return CompletableFuture.completedFuture(result);
            }
            settle(audit);
            result = withoutUnstored(result, audit.unstored);
            if (audit.isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            try {
                if (!circuit.closed()) {
                    throw new ApiException(ErrorCode.UNAVAILABLE, "The database is not answering");
                }
                audit.writeTo(log);
                return CompletableFuture.completedFuture(result);
            } catch (RuntimeException failure) {
                LOG.error("Could not write the read audit; withholding the response data", failure);
                return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                        .addError(ErrorTranslation.requestError(ErrorCode.UNAVAILABLE,
                                "The access could not be recorded; nothing was returned. Retry shortly.")).build());
            }
        }

        /** Each root field whose work was not stored answers null, with UNAVAILABLE at its path: nothing was stored, retry. */
        private static ExecutionResult withoutUnstored(ExecutionResult result, List<ResultPath> unstored) {
            if (unstored.isEmpty()) {
                return result;
            }
            Map<String, Object> answered = result.getData();
            Map<String, Object> data = answered == null ? null : new LinkedHashMap<>(answered);
            List<GraphQLError> errors = new ArrayList<>(result.getErrors());
            for (ResultPath path : unstored) {
                if (data != null) {
                    data.put(path.getSegmentName(), null);
                }
                errors.add(ErrorTranslation.fieldError(ErrorCode.UNAVAILABLE, "Nothing was stored: what the answer shows could not be "
                        + "recorded in the audit log, or the database did not confirm the change. Retry shortly", path));
            }
            var withheld = ExecutionResultImpl.newExecutionResult().from(result).errors(errors);
            return (data == null ? withheld : withheld.data(data)).build();
        }
    }
}
