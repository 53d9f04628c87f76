package dev.proofdesk.sdk.webhook;

import java.time.Instant;
import java.util.List;

/** One event's delivery to one endpoint, with its attempts, newest first. */
public record WebhookDelivery(String id, String eventId, String eventType, String endpointId, String status,
                              int attemptCount, Instant nextAttemptAt, Instant createdAt, List<Attempt> attempts) {

    /** One HTTP attempt: the endpoint's status (null without a response), duration and answer's start. */
    public record Attempt(int attempt, Integer statusCode, long durationMs, String responseExcerpt, String error,
                          Instant nextRetryAt, Instant createdAt) {
    }
}
