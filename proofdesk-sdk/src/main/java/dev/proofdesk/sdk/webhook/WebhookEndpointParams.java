package dev.proofdesk.sdk.webhook;

import java.util.List;

/**
 * Fields of an endpoint to create or update; null fields are not sent (on update they stay as
 * they are). {@code enabledEvents} defaults to {@code ["*"]}, every event type.
 */
public record WebhookEndpointParams(String url, String description, List<String> enabledEvents) {
    public static WebhookEndpointParams url(String url) {
        return new WebhookEndpointParams(url, null, null);
    }

    public WebhookEndpointParams withDescription(String description) {
        return new WebhookEndpointParams(url, description, enabledEvents);
    }

    public WebhookEndpointParams withEnabledEvents(String... types) {
        return new WebhookEndpointParams(url, description, List.of(types));
    }
}
