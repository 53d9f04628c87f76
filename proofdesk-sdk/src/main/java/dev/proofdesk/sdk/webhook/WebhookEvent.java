package dev.proofdesk.sdk.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified event: {@code id} is also the {@code webhook-id} header, the same on every retry, so
 * handlers can use it to ignore duplicates.
 */
public record WebhookEvent(String id, String type, Instant createdAt, boolean livemode, JsonNode data) {
    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** The event's data bound to your own class, e.g. a session record. */
    public <T> T dataAs(Class<T> type, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + id + " data does not fit " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
