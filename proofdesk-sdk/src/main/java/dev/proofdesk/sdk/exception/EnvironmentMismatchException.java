package dev.proofdesk.sdk.exception;

import java.util.Map;

/**
 * 403 {@code environment_mismatch}: the object exists, but in the other environment (a live flow
 * used with a test key, or the reverse). Use the key of the environment the object lives in.
 */
public final class EnvironmentMismatchException extends ProofdeskException {
    public EnvironmentMismatchException(String message, int statusCode, String code, String requestId,
                                        Map<String, Object> details) {
        super(message, statusCode, code, requestId, details, null);
    }

    /** True when the object lives in live mode (so a test key was used), false for the reverse. */
    public boolean objectLivemode() {
        return Boolean.TRUE.equals(details().get("livemode"));
    }
}
