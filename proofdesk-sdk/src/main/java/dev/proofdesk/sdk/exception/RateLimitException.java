package dev.proofdesk.sdk.exception;

import java.time.Duration;
import java.util.Map;

/** 429 {@code rate_limited}: too many requests for this key; wait {@link #retryAfter()}. */
public final class RateLimitException extends ProofdeskException {
    private final Duration retryAfter;

    public RateLimitException(String message, int statusCode, String code, String requestId,
                              Map<String, Object> details, Duration retryAfter) {
        super(message, statusCode, code, requestId, details, null);
        this.retryAfter = retryAfter;
    }

    /** From the {@code Retry-After} header; one second when the server did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
