package dev.proofdesk.sdk.exception;

import java.util.Map;

/** 402 {@code insufficient_credits} (live only): the balance does not cover the session's cost. */
public final class InsufficientCreditsException extends ProofdeskException {
    public InsufficientCreditsException(String message, int statusCode, String code, String requestId,
                                        Map<String, Object> details) {
        super(message, statusCode, code, requestId, details, null);
    }

    /** Credits available when the request was refused; -1 when the server did not say. */
    public long balance() {
        return number("balance");
    }

    /** Credits the request needed; -1 when the server did not say. */
    public long required() {
        return number("required");
    }

    private long number(String field) {
        return details().get(field) instanceof Number n ? n.longValue() : -1;
    }
}
