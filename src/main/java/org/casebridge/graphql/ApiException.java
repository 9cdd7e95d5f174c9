package org.casebridge.graphql;

/**
 * The one exception that crosses the API boundary: a client-safe message, an {@link ErrorCode} and,
 * for validation errors, the input field at fault. Anything else is reported as {@code INTERNAL}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ApiException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    /**
     * A row that does not exist. Something the caller may not see is answered the same way, but only by a policy in
     * {@code access/}, never by this factory ({@code ArchitectureTest}).
     */
    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, message, field);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    /** Optimistic locking: refuses with {@code CONFLICT} unless the client changes the version it last read. */
    public static void requireVersion(String what, long stored, long expected) {
        if (stored != expected) {
            throw conflict("The " + what + " was changed since version " + expected + "; reload it and retry");
        }
    }
}
