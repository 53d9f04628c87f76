package dev.proofdesk.sdk.exception;

import java.util.Map;

/** 5xx: the server failed; quote {@link #requestId()} to its operator. */
public class ServerErrorException extends ProofdeskException {
    public ServerErrorException(String message, int statusCode, String code, String requestId, Map<String, Object> details) {
        super(message, statusCode, code, requestId, details, null);
    }
}
