package dev.proofdesk.sdk.exception;

import java.util.Map;

/** 401 unauthenticated: the key is missing, unknown, revoked or expired. */
public class AuthenticationException extends ProofdeskException {
    public AuthenticationException(String message, int statusCode, String code, String requestId, Map<String, Object> details) {
        super(message, statusCode, code, requestId, details, null);
    }
}
