package dev.proofdesk.sdk.exception;

import java.util.Map;

/** 403 forbidden or test_mode_only: the key may not do this. */
public class PermissionException extends ProofdeskException {
    public PermissionException(String message, int statusCode, String code, String requestId, Map<String, Object> details) {
        super(message, statusCode, code, requestId, details, null);
    }
}
