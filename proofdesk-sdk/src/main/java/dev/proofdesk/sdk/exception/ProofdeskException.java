package dev.proofdesk.sdk.exception;

import java.util.Map;

/**
 * Every failure the client reports. Unchecked: callers catch the subclass they can act on and let
 * the rest travel. {@code statusCode} is 0 when no HTTP response was received.
 */
public class ProofdeskException extends RuntimeException {
    private final int statusCode;
    private final String code;
    private final String requestId;
    private final Map<String, Object> details;

    public ProofdeskException(String message, int statusCode, String code, String requestId,
                              Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.code = code;
        this.requestId = requestId;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The HTTP status, or 0 when the request got no response (or was never sent). */
    public int statusCode() {
        return statusCode;
    }

    /** The API's error code, e.g. {@code validation_failed}; null when the server did not send one. */
    public String code() {
        return code;
    }

    /** The server's {@code X-Request-Id}: quote it when asking the operator what happened. */
    public String requestId() {
        return requestId;
    }

    /** The error's {@code details} object, as sent by the server. */
    public Map<String, Object> details() {
        return details;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(getClass().getSimpleName()).append(": ");
        if (statusCode > 0) {
            out.append(statusCode).append(' ');
        }
        if (code != null) {
            out.append(code).append(": ");
        }
        out.append(getMessage());
        if (requestId != null) {
            out.append(" [request ").append(requestId).append(']');
        }
        return out.toString();
    }
}
