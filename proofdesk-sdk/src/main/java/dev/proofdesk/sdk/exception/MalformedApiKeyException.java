package dev.proofdesk.sdk.exception;

import java.util.Map;

/**
 * The client refused a key before sending anything: it is not shaped like a Proofdesk secret key
 * ({@code sk_test_} or {@code sk_live_}, 32 base62 characters and a checksum).
 */
public final class MalformedApiKeyException extends AuthenticationException {
    public MalformedApiKeyException(String message) {
        super(message, 0, "malformed_api_key", null, Map.of());
    }
}
