package dev.proofdesk.sdk.exception;

import java.util.Map;

/** 409 conflict: the object's state forbids the change, or an Idempotency-Key was reused with a different request. */
public class ConflictException extends ProofdeskException {
    public ConflictException(String message, int statusCode, String code, String requestId, Map<String, Object> details) {
        super(message, statusCode, code, requestId, details, null);
    }
}
