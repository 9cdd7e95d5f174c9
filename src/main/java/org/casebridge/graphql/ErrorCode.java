package org.casebridge.graphql;

/** The codes every GraphQL error carries in {@code extensions.code}; the contract with client teams. */
public enum ErrorCode {
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONSENT_REQUIRED,
    VALIDATION_FAILED,
    INVALID_TRANSITION,
    CONFLICT,
    LIMIT_EXCEEDED,
    UNAVAILABLE,
    INTERNAL
}
