package dev.proofdesk.sdk.webhook;

import dev.proofdesk.sdk.exception.ProofdeskException;

/**
 * A webhook request that must not be trusted; the message says why, in terms a person can act on.
 * Answer such a request with 400 and do not act on it.
 */
public final class WebhookVerificationException extends ProofdeskException {
    public WebhookVerificationException(String message) {
        this(message, null);
    }

    public WebhookVerificationException(String message, Throwable cause) {
        super(message, 0, "webhook_verification_failed", null, null, cause);
    }
}
