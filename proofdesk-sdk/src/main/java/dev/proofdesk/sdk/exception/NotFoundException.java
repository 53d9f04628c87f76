package dev.proofdesk.sdk.exception;

import java.util.Map;

/** 404 not_found: no such object for this account (another account's objects are not found either). */
public class NotFoundException extends ProofdeskException {
    public NotFoundException(String message, int statusCode, String code, String requestId, Map<String, Object> details) {
        super(message, statusCode, code, requestId, details, null);
    }
}
