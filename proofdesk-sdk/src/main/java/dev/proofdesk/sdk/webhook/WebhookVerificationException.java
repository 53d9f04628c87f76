package dev.proofdesk.sdk.webhook;

/** A webhook request that must not be trusted; the message says why, in terms a person can act on. */
public final class WebhookVerificationException extends RuntimeException {
    public WebhookVerificationException(String message) {
        super(message);
    }

    public WebhookVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
