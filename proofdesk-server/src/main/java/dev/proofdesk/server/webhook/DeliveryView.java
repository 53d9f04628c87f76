package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** One event's delivery to one endpoint, with every attempt made so far (newest first). */
public record DeliveryView(String id, String eventId, String eventType, String endpointId, String status,
                           int attemptCount, Instant nextAttemptAt, Instant createdAt, List<AttemptView> attempts) {
    @JsonProperty("object")
    public String object() {
        return "webhook_delivery";
    }

    /** One HTTP attempt: what came back, how long it took, and when the next one is due. */
    public record AttemptView(int attempt, Integer statusCode, long durationMs, String responseExcerpt, String error,
                              Instant nextRetryAt, Instant createdAt) {
    }
}
