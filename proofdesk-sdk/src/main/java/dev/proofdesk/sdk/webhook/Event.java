package dev.proofdesk.sdk.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An event as the events API returns it; webhooks carry the same fields (see {@link WebhookEvent}). */
public record Event(String id, String type, Instant createdAt, boolean livemode, JsonNode data) {
}
