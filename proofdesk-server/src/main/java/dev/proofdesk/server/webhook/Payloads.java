package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.event.Event;

import java.time.Instant;

/** The body every endpoint receives for an event: {@code {id, type, createdAt, livemode, data}}. */
final class Payloads {
    private final ObjectMapper json;

    record Body(String id, String type, Instant createdAt, boolean livemode, JsonNode data) {
    }

    Payloads(ObjectMapper json) {
        this.json = json;
    }

    Body view(Event e) {
        return new Body(e.id(), e.type(), e.createdAt(), e.livemode(), e.data());
    }

    String of(Event e) {
        try {
            return json.writeValueAsString(view(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
