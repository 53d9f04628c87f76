package dev.proofdesk.sdk.exception;

import java.util.Map;

/** No usable response: the server could not be reached, the connection broke, or the call timed out. */
public final class ApiConnectionException extends ProofdeskException {
    public ApiConnectionException(String message, Throwable cause) {
        super(message, 0, "api_connection_error", null, Map.of(), cause);
    }
}
