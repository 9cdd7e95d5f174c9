package org.casebridge.access;

import jakarta.inject.Singleton;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;

/**
 * The one refusal-and-audit path of every policy in this package. Only this package builds authorization refusals:
 * {@code FORBIDDEN} for work the caller may not do, and {@code NOT_FOUND} for something the caller may not know exists
 * (DESIGN rule 3). A {@code NOT_FOUND} for a row that truly does not exist is {@link ApiException#notFound}, which
 * never looks at the caller ({@code ArchitectureTest}).
 */
@Singleton
class Refusals {

    private final AuditLog audit;

    Refusals(AuditLog audit) {
        this.audit = audit;
    }

    /** A refusal of work: audited in its own transaction, then thrown by the policy that asked. */
    ApiException refuse(Caller caller, AuditLog.Entry entry, ApiException refusal) {
        audit.denied(caller, entry.withDetail(entry.detail() == null ? refusal.code().name() : refusal.code() + " " + entry.detail()));
        return refusal;
    }

    static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    /** Answered exactly as if it did not exist. */
    static ApiException hidden(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }
}
