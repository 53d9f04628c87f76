package dev.proofdesk.sdk;

import java.time.Duration;

/**
 * Per-call options. {@code idempotencyKey} makes a {@code POST} safe to repeat: the server runs it
 * once and replays the first answer for 24 hours (a repeat with a different body is a conflict).
 *
 * @param idempotencyKey sent as {@code Idempotency-Key} on POST; null for none
 * @param timeout overrides the client's request timeout for this call; null to keep it
 */
public record RequestOptions(String idempotencyKey, Duration timeout) {
    public static final RequestOptions NONE = new RequestOptions(null, null);

    public RequestOptions {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255
                || !idempotencyKey.chars().allMatch(c -> c > 32 && c < 127))) {
            throw new IllegalArgumentException("idempotencyKey must be 1 to 255 printable ASCII characters without "
                    + "spaces, e.g. a UUID or your own order id");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public static RequestOptions idempotencyKey(String key) {
        return new RequestOptions(key, null);
    }

    public RequestOptions withTimeout(Duration timeout) {
        return new RequestOptions(idempotencyKey, timeout);
    }
}
