package dev.proofdesk.sdk.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A URL that receives this environment's events. {@code secret} is set only in the response that
 * created the endpoint or rotated its secret: store it then (e.g. as PROOFDESK_WEBHOOK_SECRET).
 */
public record WebhookEndpoint(String id, String url, String description, List<String> enabledEvents, String status,
                              String disabledReason, boolean livemode, String secret, Instant previousSecretExpiresAt,
                              Instant createdAt, Instant updatedAt) {
    public boolean enabled() {
        return "enabled".equals(status);
    }
}
